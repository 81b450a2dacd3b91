import { describe, expect, it } from "vitest";
import { clientAddress } from "./request-context";

describe("clientAddress", () => {
  it("reads the address the portal's server wrote (the nearest hop's entry when a list arrives)", () => {
    expect(clientAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(clientAddress("6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
  });

  it("is empty without the header", () => {
    expect(clientAddress(null)).toBeUndefined();
    expect(clientAddress(" , ")).toBeUndefined();
  });
});

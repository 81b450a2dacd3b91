import { describe, expect, it } from "vitest";
import { clientAddress } from "./request-context";

describe("clientAddress", () => {
  it("takes the entry added by the nearest trusted hop, not what the client wrote", () => {
    expect(clientAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(clientAddress("6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
  });

  it("never reads past the left end, and is empty without the header", () => {
    expect(clientAddress("203.0.113.7", 3)).toBe("203.0.113.7");
    expect(clientAddress(null)).toBeUndefined();
    expect(clientAddress(" , ")).toBeUndefined();
  });
});

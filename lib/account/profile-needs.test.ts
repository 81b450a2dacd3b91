import { describe, expect, it } from "vitest";
import { missingProfileNeeds, parseProfileNeeds, requiredFieldErrors } from "./profile-needs";

describe("progressive profiling", () => {
  it("parses the needs a feature asks for and ignores unknown ones", () => {
    expect(parseProfileNeeds("address, phone,address,role")).toEqual(["address", "phone"]);
    expect(parseProfileNeeds(undefined)).toEqual([]);
  });

  it("asks only for what is missing", () => {
    const profile = { phone: "090-1111-2222", postalCode: "104-0061", prefecture: "東京都", city: "中央区", addressLine1: "" };
    expect(missingProfileNeeds(profile, ["phone", "address"])).toEqual(["address"]);
    expect(requiredFieldErrors(profile, ["phone", "address"])).toEqual({ addressLine1: "validation.requiredHere" });
    expect(missingProfileNeeds({ ...profile, addressLine1: "銀座1-2-3" }, ["phone", "address"])).toEqual([]);
  });
});

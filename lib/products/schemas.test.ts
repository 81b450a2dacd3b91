import { describe, expect, it } from "vitest";
import { ZRegisterProductSchema } from "./schemas";

const base = { serial: "AC26000001K", dealerId: "", otherShopName: "", proofFileId: "" };
const issueAt = (input: object, field: string) =>
  ZRegisterProductSchema.safeParse(input).error?.issues.find((issue) => issue.path.join(".") === field)?.message;

describe("ZRegisterProductSchema: the purchase date is asked for only when the warranty counts from it", () => {
  it("without a receipt no date is needed (the warranty counts from manufacture then)", () => {
    expect(ZRegisterProductSchema.safeParse({ ...base, purchasedOn: "" }).success).toBe(true);
    expect(ZRegisterProductSchema.safeParse({ serial: "AC26000001K" }).success).toBe(true);
  });

  it("with a receipt an empty date says it is required, not that it is invalid", () => {
    expect(issueAt({ ...base, proofFileId: "file-1", purchasedOn: "" }, "purchasedOn")).toBe("products.purchaseDateRequired");
    expect(ZRegisterProductSchema.safeParse({ ...base, proofFileId: "file-1", purchasedOn: "2026-03-01" }).success).toBe(true);
  });

  it("a malformed date is still invalid", () => {
    expect(issueAt({ ...base, purchasedOn: "2026-3-1" }, "purchasedOn")).toBe("dateInvalid");
  });
});

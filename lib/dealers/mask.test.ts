import { describe, expect, it } from "vitest";
import { maskEmail, maskName, maskPhone } from "./mask";

describe("[8.3.3] masks for dealers", () => {
  it("keeps an email's first character and domain", () => {
    expect(maskEmail("taro@example.com")).toBe("t***@example.com");
    expect(maskEmail("山田@example.jp")).toBe("山***@example.jp");
    expect(maskEmail("broken")).toBe("***");
  });
  it("keeps a phone number's first group and last four digits, however it was typed", () => {
    expect(maskPhone("090-1234-5678")).toBe("090-****-5678");
    expect(maskPhone("０９０１２３４５６７８")).toBe("090-****-5678");
    expect(maskPhone("03-1234-5678")).toBe("031-****-5678");
    // Shorter than a full number: never nearly whole.
    for (const short of ["1234567", "12345678", "123456789"]) expect(maskPhone(short)).toBe(`****${short.slice(-2)}`);
    expect(maskPhone("123")).toBe("****");
    expect(maskPhone(null)).toBeNull();
  });
  it("keeps the family name's initial", () => {
    expect(maskName("山田 太郎")).toBe("山***");
    expect(maskName("  yamada taro")).toBe("Y***");
    expect(maskName(null)).toBe("***");
    expect(maskName("𠮷野 家")).toBe("𠮷***");
  });
});

import { describe, expect, it } from "vitest";
import { ZProfileSchema } from "@/lib/account/schemas";
import { ZOwnershipClaimSchema, ZSerialLookupSchema } from "@/lib/products/schemas";
import { ZRecallCampaignSchema } from "@/lib/recalls/schemas";
import { hasBadCharacters } from "@/lib/security/request-screen";
import { badCharactersIn, urlPartsHaveBadCharacters, zMultilineText, zName, zText } from "./text";

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("text primitives", () => {
  it("[2.2.1] refuse NUL and other control characters with a message key", () => {
    for (const bad of ["a\u0000b", "\u001B[31m", "x\u007F", "tab\there", "line\nbreak", "\u0085"]) {
      expect(messageOf(zText().safeParse(bad)), JSON.stringify(bad)).toBe("controlCharacters");
    }
    expect(zText().trim().max(10).safeParse("  山田 太郎  ").data).toBe("山田 太郎");
  });

  it("[2.2.1] free text keeps line breaks and tabs but not other control characters", () => {
    expect(zMultilineText().safeParse("line one\r\nline two\tend").success).toBe(true);
    expect(messageOf(zMultilineText().safeParse("a\u0000b"))).toBe("controlCharacters");
  });

  it("[2.2.1] names refuse bidirectional controls and zero-width characters (display spoofing)", () => {
    for (const bad of ["abc\u202Efdp.exe", "\u2067admin\u2069", "ad\u200Bmin", "\u200Fname", "x\uFEFF", "a\u2060b"]) {
      expect(messageOf(zName().safeParse(bad)), JSON.stringify(bad)).toBe("invisibleCharacters");
    }
    for (const good of ["山田 太郎", "José Müller", "محمد", "O'Brien-Smith"]) expect(zName().safeParse(good).success, good).toBe(true);
  });

  it("[2.2.1] refuse half a surrogate pair (half an emoji): PostgreSQL's json refuses it, text columns would keep U+FFFD", () => {
    for (const bad of ["\uD83D", "broken \uD83D half", "\uDE00x", "a\uDBFF"]) {
      expect(messageOf(zText().safeParse(bad)), JSON.stringify(bad)).toBe("brokenCharacters");
      expect(messageOf(zMultilineText().safeParse(bad)), JSON.stringify(bad)).toBe("brokenCharacters");
      expect(badCharactersIn(bad)).toBe("brokenCharacters");
    }
    for (const good of ["😀👨‍👩‍👧‍👦🇯🇵", "𠮷野家", "e\u0301"]) {
      expect(zText().safeParse(good).success, good).toBe(true);
      expect(badCharactersIn(good)).toBeNull();
    }
    expect(badCharactersIn("a\u0000b")).toBe("controlCharacters");
    expect(badCharactersIn("line\nbreak\ttab")).toBeNull();
    expect(urlPartsHaveBadCharacters(["ok", "a\u0000"])).toBe(true);
    expect(urlPartsHaveBadCharacters(["ok", "\uD800"])).toBe(true);
    expect(urlPartsHaveBadCharacters(["ok", "日本", 1])).toBe(false);
  });

  it("[2.2.1] every form schema refuses NUL: profile name, serial look-up, claim message, recall text", () => {
    expect(
      ZProfileSchema.safeParse({
        name: "a\u0000",
        nameKana: "",
        phone: "",
        postalCode: "",
        prefecture: "",
        city: "",
        addressLine1: "",
        addressLine2: "",
        locale: "ja",
      }).success,
    ).toBe(false);
    expect(
      ZProfileSchema.safeParse({
        name: "a\u202Eb",
        nameKana: "",
        phone: "",
        postalCode: "",
        prefecture: "",
        city: "",
        addressLine1: "",
        addressLine2: "",
        locale: "ja",
      }).error?.issues[0]?.message,
    ).toBe("invisibleCharacters");
    expect(messageOf(ZSerialLookupSchema.safeParse({ serial: "AC26\u0000" }))).toBe("controlCharacters");
    expect(ZOwnershipClaimSchema.safeParse({ serial: "AC26000001K", message: "It is mine,\nreally.\u0000" }).success).toBe(false);
    expect(ZOwnershipClaimSchema.safeParse({ serial: "AC26000001K", message: "It is mine,\nreally." }).success).toBe(true);
    expect(
      ZRecallCampaignSchema.safeParse({
        code: "RC-1",
        modelCode: "AC26",
        serialFrom: "",
        serialTo: "",
        lots: "L1",
        titleJa: "t\u0000",
        titleEn: "t",
        messageJa: "m",
        messageEn: "m",
      }).success,
    ).toBe(false);
  });
});

describe("URL screening (proxy.ts)", () => {
  it("[2.2.1] refuses control characters in the path or query, and malformed encoding", () => {
    expect(hasBadCharacters(new URL("http://x/api/files/abc%00def"))).toBe(true);
    expect(hasBadCharacters(new URL("http://x/ja/mypage/products/register?serial=A%00"))).toBe(true);
    expect(hasBadCharacters(new URL("http://x/ja/mypage?%1B=1"))).toBe(true);
    expect(hasBadCharacters(new URL("http://x/ja/%E0%A4%A"))).toBe(true);
    expect(hasBadCharacters(new URL("http://x/ja/mypage/products/register?serial=AC26%20000"))).toBe(false);
    expect(hasBadCharacters(new URL("http://x/ja/%E5%B1%B1"))).toBe(false);
  });
});

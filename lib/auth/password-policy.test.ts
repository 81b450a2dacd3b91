import { describe, expect, it } from "vitest";
import { checkPassword, PASSWORD_MAX_LENGTH } from "./password-policy";

describe("checkPassword", () => {
  it("[6.2.1] refuses fewer than 8 characters, and fewer than 15 without a second factor", () => {
    expect(checkPassword("a7#kq2!", { hasSecondFactor: true })).toBe("tooShort");
    expect(checkPassword("orchid-lantern", { hasSecondFactor: false })).toBe("tooShortWithoutMfa");
    expect(checkPassword("orchid-lantern", { hasSecondFactor: true })).toBeNull();
    expect(checkPassword("orchid-lantern-7", { hasSecondFactor: false })).toBeNull();
  });

  it("[6.2.1] counts characters, not bytes: a Japanese passphrase of 15 characters is long enough", () => {
    expect(checkPassword("きょうはいいてんきですねまたあした", { hasSecondFactor: false })).toBeNull();
    expect(checkPassword("きょうはいいてんき", { hasSecondFactor: false })).toBe("tooShortWithoutMfa");
  });

  it("[6.2.9] accepts 64 and more characters, up to the stated maximum", () => {
    expect(checkPassword("x9".repeat(40), { hasSecondFactor: false })).toBeNull();
    expect(checkPassword("q".repeat(PASSWORD_MAX_LENGTH) + "z", { hasSecondFactor: false })).toBe("tooLong");
  });

  it("[6.2.5] has no composition rules: lower-case words alone are fine", () => {
    expect(checkPassword("correct horse battery staple", { hasSecondFactor: false })).toBeNull();
  });

  it("[6.2.4] refuses common and breached passwords from the offline list, whatever the case", () => {
    for (const password of ["password", "12345678", "iloveyou", "Qwertyuiop", "PASSWORD123"]) {
      expect(checkPassword(password, { hasSecondFactor: true }), password).toBe("common");
    }
    expect(checkPassword("passwordpassword", { hasSecondFactor: false })).toBe("common");
  });

  it("refuses a password built on the account's email address", () => {
    expect(checkPassword("hanako.yamada-2026!!", { hasSecondFactor: false, email: "hanako.yamada@example.jp" })).toBe("containsEmail");
  });
});

import { describe, expect, it } from "vitest";
import { secretBox } from "./secret-box";
import { generateTotpSecret, matchTotpStep, totpCode, totpUri } from "./totp";

const now = new Date("2026-11-21T09:00:10Z");

describe("TOTP", () => {
  it("accepts the current code and one step of clock drift either way, and nothing older", () => {
    const secret = generateTotpSecret();
    const step = Math.floor(now.getTime() / 30_000);
    expect(matchTotpStep(secret, totpCode(secret, now), now)).toBe(step);
    expect(matchTotpStep(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCode(secret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
    expect(matchTotpStep(secret, totpCode(secret, new Date(now.getTime() - 90_000)), now)).toBeNull();
    expect(matchTotpStep(secret, "12345", now)).toBeNull();
  });

  it("gives authenticator apps a standard otpauth URI", () => {
    const uri = totpUri("JBSWY3DPEHPK3PXP", "hanako@example.jp");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Owners%20Portal:hanako%40example\.jp\?/);
    expect(uri).toContain("secret=JBSWY3DPEHPK3PXP");
    expect(uri).toContain("digits=6");
  });

  it("stores secrets sealed: the database value neither shows the secret nor opens with another key", () => {
    const box = secretBox("k".repeat(40));
    const sealed = box.seal("JBSWY3DPEHPK3PXP");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(box.open(sealed)).toBe("JBSWY3DPEHPK3PXP");
    expect(() => secretBox("z".repeat(40)).open(sealed)).toThrow();
  });
});

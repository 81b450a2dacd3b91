import { describe, expect, it } from "vitest";
import { generateToken, hashToken } from "./token-hash";
import { TOKEN_LIFETIME_MINUTES, tokenExpiry } from "./token-policy";

describe("one-time token policy", () => {
  it("[6.4.3] reset and magic-link tokens expire within 15 minutes", () => {
    expect(TOKEN_LIFETIME_MINUTES.PASSWORD_RESET).toBeLessThanOrEqual(15);
    expect(TOKEN_LIFETIME_MINUTES.MAGIC_LINK).toBeLessThanOrEqual(15);
    const now = new Date("2026-11-21T00:00:00Z");
    expect(tokenExpiry("MAGIC_LINK", now)).toEqual(new Date("2026-11-21T00:15:00Z"));
  });

  it("[6.4.3] tokens are random 256-bit values and only a SHA-256 of each is stored", () => {
    const tokens = new Set(Array.from({ length: 100 }, generateToken));
    expect(tokens.size).toBe(100);
    const token = [...tokens][0]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});

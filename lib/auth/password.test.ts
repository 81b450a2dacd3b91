import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("[11.4.2] uses argon2id with m=19456 KiB, t=2", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapl")).toBe(false);
  });

  it("[6.2.8] hashes long passwords whole, never truncated", async () => {
    const long = "a".repeat(100);
    const hash = await hashPassword(long);
    expect(await verifyPassword(hash, long)).toBe(true);
    expect(await verifyPassword(hash, "a".repeat(99))).toBe(false);
    expect(await verifyPassword(hash, "a".repeat(72))).toBe(false);
  });

  it("[6.3.8] does the same argon2 work for a missing account (dummy hash uses the same parameters)", async () => {
    const started = performance.now();
    expect(await verifyPassword(null, "anything")).toBe(false);
    const missing = performance.now() - started;
    const hash = await hashPassword("x".repeat(20));
    const startedReal = performance.now();
    await verifyPassword(hash, "anything");
    const real = performance.now() - startedReal;
    // Same order of magnitude: a missing account is not answered without hashing.
    expect(missing).toBeGreaterThan(real / 4);
  });

  it("treats a missing or malformed stored hash as a wrong password", async () => {
    expect(await verifyPassword(null, "anything")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });
});

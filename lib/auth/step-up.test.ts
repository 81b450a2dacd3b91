import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { hashPassword } = await import("./password");
const { reauthenticate, reauthenticationMethods } = await import("./step-up");
const { sealSecret } = await import("./sealed-secrets");
const { generateTotpSecret, totpCode } = await import("./totp");
const { hashToken } = await import("./token-hash");
const { SESSION_COOKIE } = await import("./cookies");

const PASSWORD = "a long and unusual passphrase";

async function userWithSession(totp: boolean) {
  const secret = generateTotpSecret();
  const user = await db.user.create({
    data: {
      email: `step-${randomUUID()}@test.example`,
      passwordHash: await hashPassword(PASSWORD),
      ...(totp ? { totpSecret: sealSecret(secret), totpEnabledAt: new Date() } : {}),
    },
  });
  const old = new Date(Date.now() - 3600_000);
  const session = await db.session.create({
    data: { sessionToken: hashToken(`t-${user.id}`), userId: user.id, expires: new Date(Date.now() + 86_400_000), authenticatedAt: old },
  });
  return { user, session, secret };
}

beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": "203.0.113.50" } }));

describe("step-up re-authentication", () => {
  it("[7.5.1] accepts the password of an account without a second factor and refreshes the proof time", async () => {
    const { user, session } = await userWithSession(false);
    expect(await reauthenticationMethods(user.id)).toEqual({ password: true, totp: false, passkey: false });
    await reauthenticate(user.id, session.id, { kind: "password", password: PASSWORD });
    const after = await db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.authenticatedAt.getTime()).toBeGreaterThan(Date.now() - 5_000);
    expect(after.strong).toBe(false);
  });

  it("[7.5.1] with two-step verification on, the password alone is not enough; the code is, and it rotates the session token", async () => {
    const { user, session, secret } = await userWithSession(true);
    expect(await reauthenticationMethods(user.id)).toEqual({ password: false, totp: true, passkey: false });
    await expect(reauthenticate(user.id, session.id, { kind: "password", password: PASSWORD })).rejects.toMatchObject({
      messageKey: "stepUp.failed",
    });
    await reauthenticate(user.id, session.id, { kind: "totp", code: totpCode(secret, new Date()) });
    const after = await db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.strong).toBe(true);
    // A new token: the old cookie value no longer finds the session.
    expect(after.sessionToken).not.toBe(hashToken(`t-${user.id}`));
    expect(after.sessionToken).toBe(hashToken(fakeRequest.cookies.get(SESSION_COOKIE.name)!.value));
  });
});

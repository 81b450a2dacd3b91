import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { AppError } = await import("@/lib/errors");
const { hashPassword, verifyPassword } = await import("./password");
const { issueAuthToken } = await import("./auth-tokens");
const { resetPassword, signInWithMagicLink, verifyEmail } = await import("./email-flows");
const { passkeyRegistrationOptions, registerPasskey } = await import("./passkeys");
const { confirmTotpEnrolment, startTotpEnrolment } = await import("./two-factor");
const { oidcSignInGate } = await import("./oidc-gate");
const { regenerateRecoveryCodes } = await import("./recovery-codes");
const { sealSecret } = await import("./sealed-secrets");
const { generateTotpSecret } = await import("./totp");
const { hashToken } = await import("./token-hash");
const { SESSION_COOKIE } = await import("./cookies");
const { DEVICE_COOKIE, signDeviceCookie } = await import("./device-cookie");
const { startJobWorkers, stopJobWorkers } = await import("@/lib/jobs/worker");
const { waitFor } = await import("@/lib/jobs/wait-for");

afterAll(() => stopJobWorkers());
beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": "203.0.113.40", "user-agent": "vitest" } }));

const PASSWORD = "the squatter's long passphrase";
const NEW_PASSWORD = "the real owner's new passphrase";

async function makeUser(verified: boolean) {
  return db.user.create({
    data: {
      email: `owner-${randomUUID()}@test.example`,
      passwordHash: await hashPassword(PASSWORD),
      emailVerified: verified ? new Date() : null,
      locale: "en",
    },
    select: { id: true, email: true, name: true, locale: true, role: true },
  });
}

async function sessionFor(userId: string): Promise<{ id: string; token: string }> {
  const token = `t-${randomUUID()}`;
  const { id } = await db.session.create({ data: { sessionToken: hashToken(token), userId, expires: new Date(Date.now() + 86_400_000) } });
  return { id, token };
}

/** Everything a squatter could have added to an account made with someone else's address (legacy rows). */
async function plantCredentials(userId: string) {
  await db.user.update({ where: { id: userId }, data: { totpSecret: sealSecret(generateTotpSecret()), totpEnabledAt: new Date() } });
  await regenerateRecoveryCodes(userId);
  await db.passkey.create({
    data: {
      userId,
      credentialId: `cred-${randomUUID()}`,
      publicKey: Buffer.from("key"),
      transports: ["internal"],
      deviceType: "singleDevice",
      name: "Squatter's laptop",
    },
  });
  await db.account.create({ data: { userId, type: "oidc", provider: "oidc", providerAccountId: `sub-${randomUUID()}` } });
  await issueAuthToken({ purpose: "EMAIL_CHANGE", userId, email: `squatter-${randomUUID()}@test.example` });
  return [await sessionFor(userId), await sessionFor(userId)];
}

async function credentials(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpEnabledAt: true, totpSecret: true, emailVerified: true },
  });
  return {
    passkeys: await db.passkey.count({ where: { userId } }),
    recoveryCodes: await db.recoveryCode.count({ where: { userId } }),
    providers: await db.account.count({ where: { userId } }),
    sessions: await db.session.count({ where: { userId } }),
    pendingLinks: await db.authToken.count({ where: { userId, usedAt: null } }),
    secondFactor: Boolean(user.totpEnabledAt || user.totpSecret),
    verified: Boolean(user.emailVerified),
  };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof AppError ? { code: error.code, messageKey: error.messageKey } : error;
}

async function passwordWorks(userId: string): Promise<boolean> {
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  return verifyPassword(passwordHash, PASSWORD);
}

const NOTHING_LEFT = { passkeys: 0, recoveryCodes: 0, providers: 0, pendingLinks: 0, secondFactor: false, verified: true };

describe("account pre-hijacking", () => {
  it("[6.4.3] an unverified account cannot add a passkey, a second factor or a sign-in provider (server-side)", async () => {
    const squatter = await makeUser(false);
    const verifyFirst = { code: "FORBIDDEN", messageKey: "security.verifyEmailFirst" };
    expect(await refusal(passkeyRegistrationOptions(squatter))).toEqual(verifyFirst);
    expect(await refusal(registerPasskey(squatter, { name: "x", response: {} as never }))).toEqual(verifyFirst);
    expect(await refusal(startTotpEnrolment(squatter))).toEqual(verifyFirst);
    expect(await refusal(confirmTotpEnrolment(squatter, "session", "123456"))).toEqual(verifyFirst);

    // Linking straight through Auth.js's OIDC callback, from a fresh (step-up satisfied) session.
    const { token } = await sessionFor(squatter.id);
    fakeRequest.cookies.set(SESSION_COOKIE.name, { value: token });
    const link = () =>
      oidcSignInGate({
        user: { email: squatter.email },
        account: { type: "oidc", provider: "oidc", providerAccountId: `sub-${randomUUID()}` } as never,
      });
    expect(await link()).toBe("/en/account/security?linkError=unverified");

    // Once the address is verified the same calls go through.
    await db.user.update({ where: { id: squatter.id }, data: { emailVerified: new Date() } });
    expect(await link()).toBe(true);
    expect((await passkeyRegistrationOptions(squatter)).challenge).toBeTruthy();
    expect((await startTotpEnrolment(squatter)).secret).toBeTruthy();
  });

  it("[6.4.3] a password reset on a never-verified account removes what the squatter added, and the owner is told", async () => {
    const account = await makeUser(false);
    await plantCredentials(account.id);
    const { token } = await issueAuthToken({ purpose: "PASSWORD_RESET", userId: account.id, email: account.email });

    await resetPassword({ token, password: NEW_PASSWORD });

    expect(await credentials(account.id)).toEqual({ ...NOTHING_LEFT, sessions: 0 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { actorId: account.id, action: "auth.unproven_credentials_removed" } });
    expect(audit.details).toEqual({
      via: "password_reset",
      passkeys: 1,
      secondFactor: true,
      providers: ["oidc"],
      sessions: 2,
      password: false,
    });

    await startJobWorkers();
    const mail = await waitFor(() => db.outboxEmail.findFirst({ where: { to: account.email, template: "unprovenCredentialsRemoved" } }));
    expect(mail.text).toContain("Passkeys: 1");
    expect(mail.text).toContain("Two-step verification: turned off");
    expect(mail.text).toContain("Signed-in devices signed out: 2");
  });

  it("[6.4.3] the verification link on a never-verified account removes the same, keeping only this browser's own session", async () => {
    const account = await makeUser(false);
    const [mine] = await plantCredentials(account.id);
    const { token } = await issueAuthToken({ purpose: "EMAIL_VERIFICATION", userId: account.id, email: account.email });

    expect(await verifyEmail(token, new Date(), mine!.id)).toEqual({ passwordRemoved: false });

    expect(await credentials(account.id)).toEqual({ ...NOTHING_LEFT, sessions: 1 });
    expect(await db.session.findUnique({ where: { id: mine!.id } })).not.toBeNull();
    // Whoever set the password holds a session and reads the mailbox: the password stays.
    expect(await passwordWorks(account.id)).toBe(true);
  });

  it("[6.4.3] a verification link opened without the account's own session proves the mailbox, not the password: the password goes too", async () => {
    const account = await makeUser(false);
    await plantCredentials(account.id);
    const { token } = await issueAuthToken({ purpose: "EMAIL_VERIFICATION", userId: account.id, email: account.email });
    const stranger = await makeUser(true);
    const { id: strangersSession } = await sessionFor(stranger.id);

    expect(await verifyEmail(token, new Date(), strangersSession)).toEqual({ passwordRemoved: true });

    expect(await credentials(account.id)).toEqual({ ...NOTHING_LEFT, sessions: 0 });
    expect(await passwordWorks(account.id)).toBe(false);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { actorId: account.id, action: "auth.unproven_credentials_removed" } });
    expect(audit.details).toMatchObject({ via: "email_verification", password: true });
    expect(await db.session.findUnique({ where: { id: strangersSession } })).not.toBeNull();
  });

  it("[6.4.3] a verification link opened in the browser that signed up (its device cookie) keeps the password it chose", async () => {
    const account = await makeUser(false);
    await plantCredentials(account.id);
    const { token } = await issueAuthToken({ purpose: "EMAIL_VERIFICATION", userId: account.id, email: account.email });
    fakeRequest.cookies.set(DEVICE_COOKIE.name, {
      value: signDeviceCookie(account.id, await db.user.findUniqueOrThrow({ where: { id: account.id } })),
    });

    expect(await verifyEmail(token)).toEqual({ passwordRemoved: false });
    expect(await passwordWorks(account.id)).toBe(true);
    // The squatter-style extras still go: only the password was proven by this browser.
    expect(await credentials(account.id)).toEqual({ ...NOTHING_LEFT, sessions: 0 });
  });

  it("[6.4.3] a magic link on a never-verified account signs the owner in without the squatter's second factor, which is removed", async () => {
    const account = await makeUser(false);
    await plantCredentials(account.id);
    const { token } = await issueAuthToken({ purpose: "MAGIC_LINK", userId: account.id, email: account.email });

    expect(await signInWithMagicLink(token)).toMatchObject({ next: "session" });
    expect(await credentials(account.id)).toEqual({ ...NOTHING_LEFT, sessions: 1 });
    // The link proves the mailbox, not the password the squatter chose.
    expect(await passwordWorks(account.id)).toBe(false);
  });

  it("[6.4.3] on a verified account a reset keeps the owner's passkeys and second factor (and still asks for it)", async () => {
    const account = await makeUser(true);
    await plantCredentials(account.id);
    const { token } = await issueAuthToken({ purpose: "PASSWORD_RESET", userId: account.id, email: account.email });

    await resetPassword({ token, password: NEW_PASSWORD });

    expect(await credentials(account.id)).toMatchObject({ passkeys: 1, recoveryCodes: 10, providers: 1, secondFactor: true, sessions: 0 });
    expect(await db.auditEvent.count({ where: { actorId: account.id, action: "auth.unproven_credentials_removed" } })).toBe(0);
  });
});

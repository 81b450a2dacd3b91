import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { AppError } = await import("@/lib/errors");
const { hashPassword } = await import("./password");
const { signInWithPassword } = await import("./sign-in");
const { SESSION_COOKIE } = await import("./cookies");
const { hashToken } = await import("./token-hash");
const { consumeAuthToken, issueAuthToken } = await import("./auth-tokens");
const { requestMagicLink, requestPasswordReset, resetPassword, signInWithMagicLink } = await import("./email-flows");
const { signUp } = await import("./sign-up");
const { SECOND_FACTOR_COOKIE, completeSecondFactor } = await import("./second-factor");
const { sealSecret } = await import("./sealed-secrets");
const { generateTotpSecret, totpCode } = await import("./totp");
const { regenerateRecoveryCodes } = await import("./recovery-codes");
const { findLiveSession } = await import("./sessions");
const { THROTTLE_RULES } = await import("./throttle-policy");
const { settleJobs } = await import("@/scripts/test/jobs");
const { stopJobWorkers } = await import("@/lib/jobs/worker");

afterAll(() => stopJobWorkers());

const PASSWORD = "a long and unusual passphrase";
const T0 = new Date("2026-11-21T09:00:00Z");
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function makeUser(overrides: Record<string, unknown> = {}) {
  return db.user.create({
    data: { email: `user-${randomUUID()}@test.example`, passwordHash: await hashPassword(PASSWORD), emailVerified: T0, ...overrides },
  });
}

async function outcome(promise: Promise<unknown>) {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => {
      expect(error).toBeInstanceOf(AppError);
      const { code, status, messageKey } = error as InstanceType<typeof AppError>;
      return { ok: false as const, code, status, messageKey };
    },
  );
}

function fromAddress(ip: string) {
  fakeRequest.reset({ headers: { "x-forwarded-for": ip, "user-agent": "vitest" } });
}

beforeEach(() => fromAddress(`203.0.113.${Math.floor(Math.random() * 250)}`));

describe("throttling (injectable clock)", () => {
  it("[6.3.1] blocks an account after its free attempts whatever the source address, then lets it try when the delay has passed", async () => {
    const user = await makeUser();
    for (let i = 0; i < THROTTLE_RULES.account.freeAttempts; i++) {
      fromAddress(`198.51.100.${i + 1}`); // a different address each time
      expect(await outcome(signInWithPassword({ email: user.email, password: "wrong guess" }, later(i)))).toMatchObject({
        messageKey: "signIn.failed",
      });
    }
    fromAddress("198.51.100.99");
    // The sixth failure blocks the account for 30 s: even the right password is not checked.
    await outcome(signInWithPassword({ email: user.email, password: "wrong again" }, later(10)));
    expect(await outcome(signInWithPassword({ email: user.email, password: PASSWORD }, later(20)))).toMatchObject({
      code: "RATE_LIMITED",
      messageKey: "signIn.throttled",
    });
    expect(await outcome(signInWithPassword({ email: user.email, password: PASSWORD }, later(40)))).toMatchObject({ ok: true });
  });

  it("[6.3.1] blocks an address that fails across many accounts (credential stuffing)", async () => {
    fromAddress("192.0.2.77");
    for (let i = 0; i < THROTTLE_RULES.ip.freeAttempts + 1; i++) {
      await outcome(signInWithPassword({ email: `victim-${i}-${randomUUID()}@test.example`, password: "123456789" }, later(i)));
    }
    const user = await makeUser();
    expect(await outcome(signInWithPassword({ email: user.email, password: PASSWORD }, later(35)))).toMatchObject({ code: "RATE_LIMITED" });
    fromAddress("192.0.2.78");
    expect(await outcome(signInWithPassword({ email: user.email, password: PASSWORD }, later(35)))).toMatchObject({ ok: true });
  });

  it("[6.3.8] an unknown email gets exactly the answers a real account gets, lock included", async () => {
    const user = await makeUser();
    const answers = async (email: string) => {
      const seen = [];
      for (let i = 0; i < THROTTLE_RULES.account.freeAttempts + 2; i++) {
        fromAddress(`198.18.0.${i + 1}`);
        seen.push(await outcome(signInWithPassword({ email, password: "not it at all" }, later(i))));
      }
      return seen;
    };
    const real = await answers(user.email);
    const unknown = await answers(`nobody-${randomUUID()}@test.example`);
    expect(unknown).toEqual(real);
    expect(real.at(-1)).toMatchObject({ code: "RATE_LIMITED" });
  });
});

describe("one-time tokens", () => {
  it("[6.4.3] are used once, refused when expired, and stored only as a hash", async () => {
    const user = await makeUser();
    const { token } = await issueAuthToken({ purpose: "MAGIC_LINK", userId: user.id, email: user.email }, T0);
    expect(await db.authToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.authToken.count({ where: { tokenHash: hashToken(token) } })).toBe(1);

    const [first, second] = await Promise.all([
      consumeAuthToken(token, "MAGIC_LINK", later(60)),
      consumeAuthToken(token, "MAGIC_LINK", later(60)),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);

    const { token: old } = await issueAuthToken({ purpose: "PASSWORD_RESET", userId: user.id, email: user.email }, T0);
    expect(await consumeAuthToken(old, "PASSWORD_RESET", later(15 * 60))).toBeNull();
    expect(await consumeAuthToken(old, "MAGIC_LINK", later(1))).toBeNull(); // wrong purpose
  });

  it("a new link replaces the previous unused one", async () => {
    const user = await makeUser();
    const first = await issueAuthToken({ purpose: "PASSWORD_RESET", userId: user.id, email: user.email });
    await issueAuthToken({ purpose: "PASSWORD_RESET", userId: user.id, email: user.email });
    expect(await consumeAuthToken(first.token, "PASSWORD_RESET")).toBeNull();
  });
});

async function lastOutboxLink(to: string): Promise<string> {
  await settleJobs();
  const email = await db.outboxEmail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  return new URL(email.text.match(/https?:\/\/\S+/)![0]).searchParams.get("token")!;
}

describe("sign-up", () => {
  it("[GDPR 7(1)] records the accepted policy versions with their text hash, and sends a verification link", async () => {
    const email = `new-${randomUUID()}@test.example`;
    await signUp({ email, password: "a sentence that is long enough", locale: "en" });
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { consents: true } });
    expect(user.emailVerified).toBeNull();
    expect(user.consents.map((c) => c.purpose).sort()).toEqual(["privacy", "terms"]);
    expect(user.consents[0]).toMatchObject({ policyVersion: "2026-11-01", channel: "web_signup", withdrawnAt: null });
    expect(user.consents[0]!.textHash).toMatch(/^[0-9a-f]{64}$/);
    await settleJobs();
    const sent = await db.outboxEmail.findFirstOrThrow({ where: { to: email } });
    expect(sent).toMatchObject({ template: "verifyEmail", subject: "Confirm your email address" });
  });

  it("answers the same for an address that already has an account, and tells its owner instead", async () => {
    const user = await makeUser({ locale: "ja" });
    expect(await outcome(signUp({ email: user.email, password: "another long passphrase here", locale: "en" }))).toEqual({
      ok: true,
      value: undefined,
    });
    await settleJobs();
    const sent = await db.outboxEmail.findFirstOrThrow({ where: { to: user.email } });
    expect(sent.template).toBe("accountExists");
    expect(await db.user.count({ where: { email: user.email } })).toBe(1);
  });

  it("[6.2.4] refuses a breached password and a short one, naming the field", async () => {
    for (const password of ["password123456789", "short pass"]) {
      const error = await signUp({ email: `x-${randomUUID()}@test.example`, password, locale: "ja" }).catch((e: unknown) => e);
      expect((error as InstanceType<typeof AppError>).code).toBe("VALIDATION");
      expect((error as InstanceType<typeof AppError>).cause).toHaveProperty("password");
    }
  });
});

describe("links and the second factor", () => {
  async function userWithTotp() {
    const secret = generateTotpSecret();
    const user = await makeUser({ totpSecret: sealSecret(secret), totpEnabledAt: T0 });
    return { user, secret };
  }

  it("[6.4.3] a magic link signs in a user without a second factor, once", async () => {
    const user = await makeUser();
    await requestMagicLink({ email: user.email, locale: "ja" });
    const token = await lastOutboxLink(user.email);
    expect(await signInWithMagicLink(token)).toMatchObject({ next: "session", role: "CUSTOMER" });
    expect(fakeRequest.cookies.get(SESSION_COOKIE.name)).toBeDefined();
    expect(await signInWithMagicLink(token)).toEqual({ next: "invalid" });
  });

  it("[6.4.3] a magic link does not bypass the second factor: no session until the code is given", async () => {
    const { user, secret } = await userWithTotp();
    await requestMagicLink({ email: user.email, locale: "ja" });
    expect(await signInWithMagicLink(await lastOutboxLink(user.email))).toEqual({ next: "secondFactor" });
    expect(fakeRequest.cookies.has(SESSION_COOKIE.name)).toBe(false);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    expect(fakeRequest.cookies.has(SECOND_FACTOR_COOKIE.name)).toBe(true);
    await completeSecondFactor({ kind: "totp", code: totpCode(secret, new Date()) });
    const session = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session).toMatchObject({ method: "magic_link", strong: true });
  });

  it("a TOTP code works once: replaying it is refused", async () => {
    const { user, secret } = await userWithTotp();
    const code = totpCode(secret, new Date());
    await signInWithPassword({ email: user.email, password: PASSWORD });
    await completeSecondFactor({ kind: "totp", code });
    await signInWithPassword({ email: user.email, password: PASSWORD });
    expect(await outcome(completeSecondFactor({ kind: "totp", code }))).toMatchObject({ messageKey: "secondFactor.wrongCode" });
  });

  it("a recovery code works once", async () => {
    const { user } = await userWithTotp();
    const [code] = await regenerateRecoveryCodes(user.id);
    await signInWithPassword({ email: user.email, password: PASSWORD });
    expect(await outcome(completeSecondFactor({ kind: "recovery", code: code!.toUpperCase() }))).toMatchObject({ ok: true });
    await signInWithPassword({ email: user.email, password: PASSWORD });
    expect(await outcome(completeSecondFactor({ kind: "recovery", code: code! }))).toMatchObject({ ok: false });
  });

  it("[6.3.1] wrong second-factor codes are throttled per user", async () => {
    const { user, secret } = await userWithTotp();
    await signInWithPassword({ email: user.email, password: PASSWORD });
    for (let i = 0; i < THROTTLE_RULES.secondFactor.freeAttempts + 1; i++) {
      await outcome(completeSecondFactor({ kind: "totp", code: "000000" }));
    }
    expect(await outcome(completeSecondFactor({ kind: "totp", code: totpCode(secret, new Date()) }))).toMatchObject({
      code: "RATE_LIMITED",
    });
  });

  it("[7.4.2] a password reset ends every session, opens none, and the link works once", async () => {
    const user = await makeUser();
    await signInWithPassword({ email: user.email, password: PASSWORD });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    await requestPasswordReset({ email: user.email, locale: "en" });
    const token = await lastOutboxLink(user.email);
    fakeRequest.reset();
    await resetPassword({ token, password: "a brand new passphrase for me" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(fakeRequest.cookies.has(SESSION_COOKIE.name)).toBe(false);
    expect(await outcome(resetPassword({ token, password: "yet another new passphrase" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await outcome(signInWithPassword({ email: user.email, password: "a brand new passphrase for me" }))).toMatchObject({ ok: true });
  });

  it("a refused new password leaves the reset link usable", async () => {
    const user = await makeUser();
    await requestPasswordReset({ email: user.email, locale: "en" });
    const token = await lastOutboxLink(user.email);
    expect(await outcome(resetPassword({ token, password: "password123456789" }))).toMatchObject({ code: "VALIDATION" });
    expect(await outcome(resetPassword({ token, password: "a brand new passphrase for me" }))).toMatchObject({ ok: true });
  });

  it("asking for a link for an unknown address answers the same and sends nothing", async () => {
    const email = `ghost-${randomUUID()}@test.example`;
    expect(await outcome(requestPasswordReset({ email, locale: "en" }))).toEqual({ ok: true, value: undefined });
    expect(await outcome(requestMagicLink({ email, locale: "en" }))).toEqual({ ok: true, value: undefined });
    await settleJobs();
    expect(await db.outboxEmail.count({ where: { to: email } })).toBe(0);
  });
});

describe("session timeouts", () => {
  it("[7.3.1] a staff session idle for 30 minutes ends; a customer's does not", async () => {
    const staff = await makeUser({ role: "SUPPORT_AGENT" });
    const customer = await makeUser();
    const idle = new Date(Date.now() - 31 * 60_000);
    for (const [user, token] of [
      [staff, "staff-token"],
      [customer, "customer-token"],
    ] as const) {
      await db.session.create({
        data: {
          sessionToken: hashToken(`${token}-${user.id}`),
          userId: user.id,
          expires: new Date(Date.now() + 86_400_000),
          createdAt: idle,
          lastSeenAt: idle,
        },
      });
    }
    expect(await findLiveSession(`staff-token-${staff.id}`)).toBeNull();
    expect(await db.session.count({ where: { userId: staff.id } })).toBe(0);
    const live = await findLiveSession(`customer-token-${customer.id}`);
    expect(live?.userId).toBe(customer.id);
    // Using the session moves its idle clock.
    expect(live!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 5_000);
  });
});

describe("audit of throttling", () => {
  it("[16.3.1] records the moment an account is locked, visible to its owner", async () => {
    const user = await makeUser();
    for (let i = 0; i <= THROTTLE_RULES.account.freeAttempts; i++) {
      await outcome(signInWithPassword({ email: user.email, password: "nope nope" }, later(i)));
    }
    const events = await db.auditEvent.findMany({
      where: { actorId: user.id },
      orderBy: { id: "asc" },
      select: { action: true, outcome: true },
    });
    expect(events.at(-1)).toEqual({ action: "auth.locked", outcome: "DENIED" });
    expect(events.filter((e) => e.action === "auth.sign_in" && e.outcome === "FAILURE")).toHaveLength(
      THROTTLE_RULES.account.freeAttempts + 1,
    );
  });
});

describe("parallel guessing", () => {
  it("[6.3.1] a burst of parallel second-factor guesses gets no more tries than a slow series", async () => {
    const secret = generateTotpSecret();
    const user = await makeUser({ totpSecret: sealSecret(secret), totpEnabledAt: T0 });
    await signInWithPassword({ email: user.email, password: PASSWORD });
    const results = await Promise.all(Array.from({ length: 25 }, () => outcome(completeSecondFactor({ kind: "totp", code: "000000" }))));
    const checked = results.filter((r) => !r.ok && r.messageKey === "secondFactor.wrongCode").length;
    expect(checked).toBeLessThanOrEqual(THROTTLE_RULES.secondFactor.freeAttempts + 1);
    expect(results.filter((r) => !r.ok && r.code === "RATE_LIMITED").length).toBeGreaterThanOrEqual(25 - checked);
  });

  it("[6.3.1] a burst of parallel password guesses is throttled the same way", async () => {
    const user = await makeUser();
    fromAddress("192.0.2.201");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => outcome(signInWithPassword({ email: user.email, password: `guess number ${i}` }))),
    );
    expect(results.filter((r) => !r.ok && r.messageKey === "signIn.failed").length).toBeLessThanOrEqual(
      THROTTLE_RULES.account.freeAttempts + 1,
    );
  });
});

describe("links after an email change", () => {
  it("[6.4.3] a reset link sent to the old address no longer works once the address changed", async () => {
    const user = await makeUser();
    await requestPasswordReset({ email: user.email, locale: "en" });
    const token = await lastOutboxLink(user.email);
    await db.user.update({ where: { id: user.id }, data: { email: `moved-${randomUUID()}@test.example` } });
    expect(await outcome(resetPassword({ token, password: "a brand new passphrase for me" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("recovery codes at rest", () => {
  it("are stored as keyed hashes, not as the code or its plain SHA-256", async () => {
    const user = await makeUser();
    const [code] = await regenerateRecoveryCodes(user.id);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    expect(stored).toHaveLength(10);
    expect(stored.map((row) => row.codeHash)).not.toContain(hashToken(code!));
    expect(stored.map((row) => row.codeHash)).not.toContain(code);
  });
});

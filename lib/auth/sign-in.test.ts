import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { AppError } = await import("@/lib/errors");
const { hashPassword } = await import("./password");
const { signInWithPassword } = await import("./sign-in");
const { SESSION_COOKIE } = await import("./cookies");
const { hashToken } = await import("./token-hash");

const PASSWORD = "a long and unusual passphrase";

async function makeUser(overrides: { disabledAt?: Date } = {}) {
  return db.user.create({
    data: { email: `user-${randomUUID()}@test.example`, passwordHash: await hashPassword(PASSWORD), ...overrides },
  });
}

async function failure(input: { email: string; password: string }) {
  const error = await signInWithPassword(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const { code, status, messageKey } = error as InstanceType<typeof AppError>;
  return { code, status, messageKey };
}

beforeEach(() => {
  fakeRequest.reset({
    headers: { "x-forwarded-for": "198.51.100.66, 203.0.113.7", "user-agent": "vitest", "x-request-id": "req-12345678" },
  });
});

describe("signInWithPassword", () => {
  it("creates a database session (with the proxy-added client address, not a forged one), sets its cookie and returns the role", async () => {
    const user = await makeUser();
    const result = await signInWithPassword({ email: ` ${user.email.toUpperCase()} `, password: PASSWORD });
    expect(result).toEqual({ next: "session", role: "CUSTOMER" });

    const cookie = fakeRequest.cookies.get(SESSION_COOKIE.name);
    expect(cookie?.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    // Only the token's hash is stored.
    expect(await db.session.findUnique({ where: { sessionToken: cookie!.value } })).toBeNull();
    const session = await db.session.findUniqueOrThrow({ where: { sessionToken: hashToken(cookie!.value) } });
    expect(session).toMatchObject({ userId: user.id, ipAddress: "203.0.113.7", userAgent: "vitest", method: "password", strong: false });
    expect(session.expires.getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3600 * 1000);
  });

  it("[6.3.8] answers a wrong password, an unknown email and a disabled account identically", async () => {
    const user = await makeUser();
    const disabled = await makeUser({ disabledAt: new Date() });
    const wrongPassword = await failure({ email: user.email, password: "not the password" });
    const unknown = await failure({ email: `nobody-${randomUUID()}@test.example`, password: PASSWORD });
    const locked = await failure({ email: disabled.email, password: PASSWORD });
    expect(wrongPassword).toEqual({ code: "UNAUTHENTICATED", status: 401, messageKey: "signIn.failed" });
    expect(unknown).toEqual(wrongPassword);
    expect(locked).toEqual(wrongPassword);
    expect(fakeRequest.cookies.has(SESSION_COOKIE.name)).toBe(false);
    expect(await db.session.count({ where: { userId: { in: [user.id, disabled.id] } } })).toBe(0);
  });

  it("[7.2.4] replaces a session token the browser had before signing in", async () => {
    const user = await makeUser();
    const plantedToken = `planted-${randomUUID()}`;
    const planted = await db.session.create({
      data: { sessionToken: hashToken(plantedToken), userId: user.id, expires: new Date(Date.now() + 3600_000) },
    });
    fakeRequest.cookies.set(SESSION_COOKIE.name, { value: plantedToken });

    await signInWithPassword({ email: user.email, password: PASSWORD });

    const issued = fakeRequest.cookies.get(SESSION_COOKIE.name)!.value;
    expect(issued).not.toBe(plantedToken);
    expect(await db.session.findUnique({ where: { sessionToken: planted.sessionToken } })).toBeNull();
    expect(issued).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
  });

  it("[16.3.1] writes every success and failure to the audit log, without the password", async () => {
    const user = await makeUser();
    const strangerEmail = `stranger-${randomUUID()}@test.example`;
    await signInWithPassword({ email: user.email, password: PASSWORD });
    await failure({ email: user.email, password: "wrong password here" });
    await failure({ email: strangerEmail, password: "whatever it is" });

    const own = await db.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { id: "asc" } });
    expect(own.map((e) => [e.action, e.outcome])).toEqual([
      ["auth.sign_in", "SUCCESS"],
      ["auth.sign_in", "FAILURE"],
    ]);
    expect(own[0]).toMatchObject({ ipAddress: "203.0.113.7", requestId: "req-12345678" });
    const stranger = await db.auditEvent.findFirstOrThrow({ where: { actorLabel: strangerEmail } });
    expect(stranger).toMatchObject({ action: "auth.sign_in", outcome: "FAILURE", actorId: null });
    expect(JSON.stringify([...own, stranger], (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("wrong password");
  });
});

import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { AppError } = await import("@/lib/errors");
const { hashPassword } = await import("./password");
const { signInWithPassword } = await import("./sign-in");
const { DEVICE_COOKIE, readDeviceCookie, signDeviceCookie } = await import("./device-cookie");
const { THROTTLE_RULES } = await import("./throttle-policy");

const PASSWORD = "a long and unusual passphrase";
const T0 = new Date("2026-11-21T09:00:00Z");
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function makeUser() {
  return db.user.create({
    data: { email: `owner-${randomUUID()}@test.example`, passwordHash: await hashPassword(PASSWORD), emailVerified: T0 },
  });
}

/** A request from `ip`, carrying `deviceCookie` if given (as a browser would). */
function request(ip: string, deviceCookie?: string) {
  fakeRequest.reset({
    headers: { "x-forwarded-for": ip, "user-agent": "vitest" },
    cookies: deviceCookie ? { [DEVICE_COOKIE.name]: deviceCookie } : {},
  });
}

async function attempt(email: string, password: string, at: Date) {
  return signInWithPassword({ email, password }, at).then(
    () => "signed in",
    (error: unknown) => (error instanceof AppError ? error.code : error),
  );
}

/** Sign in once as the owner and return the device cookie the browser was given. */
async function ownersBrowser(email: string, at: Date): Promise<string> {
  request("198.51.100.10");
  expect(await attempt(email, PASSWORD, at)).toBe("signed in");
  const cookie = fakeRequest.cookies.get(DEVICE_COOKIE.name);
  expect(cookie?.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
  return cookie!.value;
}

/** Wrong passwords from many addresses until the account is locked for untrusted browsers. */
async function lockAccount(email: string, from: number) {
  for (let i = 0; i <= THROTTLE_RULES.account.freeAttempts; i++) {
    request(`203.0.113.${i + 1}`);
    await attempt(email, `guess ${i}`, later(from + i));
  }
}

beforeEach(() => request("198.51.100.1"));

describe("device cookies against targeted lock-out (OWASP)", () => {
  it("[6.3.1] strangers' failures lock the account, but the owner's browser that signed in before gets through with the right password", async () => {
    const user = await makeUser();
    const device = await ownersBrowser(user.email, later(0));
    await lockAccount(user.email, 10);

    // Untrusted: locked, even with the right password.
    request("198.51.100.20");
    expect(await attempt(user.email, PASSWORD, later(20))).toBe("RATE_LIMITED");
    // The owner's browser: judged on its own counter.
    request("198.51.100.10", device);
    expect(await attempt(user.email, PASSWORD, later(21))).toBe("signed in");
    // The owner's success does not lift the lock the strangers earned.
    request("198.51.100.20");
    expect(await attempt(user.email, PASSWORD, later(22))).toBe("RATE_LIMITED");
  });

  it("[6.3.1] a device cookie that fails repeatedly is locked out by itself, without locking the account", async () => {
    const user = await makeUser();
    const device = await ownersBrowser(user.email, later(0));
    for (let i = 0; i <= THROTTLE_RULES.device.freeAttempts; i++) {
      request("198.51.100.10", device);
      expect(await attempt(user.email, `stolen cookie guess ${i}`, later(10 + i))).toBe("UNAUTHENTICATED");
    }
    request("198.51.100.10", device);
    expect(await attempt(user.email, PASSWORD, later(20))).toBe("RATE_LIMITED");
    // Other browsers are not affected by that cookie's failures.
    request("198.51.100.30");
    expect(await attempt(user.email, PASSWORD, later(21))).toBe("signed in");
    // And the locked cookie gets its turn again once its delay has passed.
    request("198.51.100.10", device);
    expect(await attempt(user.email, PASSWORD, later(20 + THROTTLE_RULES.device.baseDelayMs / 1000))).toBe("signed in");
  });

  it("[6.3.1] a forged, altered or other account's device cookie counts as untrusted", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const otherDevice = await ownersBrowser(other.email, later(0));
    const genuine = await ownersBrowser(owner.email, later(1));
    await lockAccount(owner.email, 10);

    const [version, userId, nonce] = genuine.split(".");
    const forgeries = [
      otherDevice, // names another account
      `${version}.${userId}.${nonce}.${"A".repeat(43)}`, // signature not ours
      `${version}.${userId}.other-nonce.${genuine.split(".")[3]}`, // nonce changed
      signDeviceCookie(owner.id, owner).replace(/.$/, (c) => (c === "A" ? "B" : "A")), // one character off
    ];
    for (const forged of forgeries) {
      expect(readDeviceCookie(forged, owner)).toBeNull();
      request("198.51.100.10", forged);
      expect(await attempt(owner.email, PASSWORD, later(30))).toBe("RATE_LIMITED");
    }
    expect(readDeviceCookie(genuine, owner)).toEqual({ nonce });
  });

  it("[6.3.1] a password change voids the device cookies issued before it (no drawer of cookies with their own counters)", async () => {
    const owner = await makeUser();
    const before = await ownersBrowser(owner.email, later(0));
    expect(readDeviceCookie(before, await db.user.findUniqueOrThrow({ where: { id: owner.id } }))).not.toBeNull();

    await db.user.update({ where: { id: owner.id }, data: { passwordChangedAt: later(1) } });
    const changed = await db.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(readDeviceCookie(before, changed)).toBeNull();
    await lockAccount(owner.email, 10);
    request("198.51.100.10", before);
    expect(await attempt(owner.email, PASSWORD, later(30))).toBe("RATE_LIMITED");
  });
});

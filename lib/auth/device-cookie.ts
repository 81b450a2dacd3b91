import "server-only";
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { sidecarCookie } from "./cookies";

/**
 * Device cookies (OWASP "Slow Down Online Guessing Attacks with Device Cookies"): after a
 * successful sign-in the browser gets a cookie naming the account, signed with a key derived from
 * AUTH_SECRET. While strangers' failures have the account locked, a sign-in from a browser holding
 * a valid device cookie for it is counted on that cookie instead (sign-in.ts), so guessing from
 * elsewhere cannot lock the owner out; a cookie that fails repeatedly is locked out by itself.
 * Nothing is stored: the signature proves the cookie is ours, the nonce names its counter. The
 * signature also covers the account's password generation (`passwordChangedAt`), so a reset, a
 * password change or the removal of an unproven password voids every device cookie issued before
 * (someone who once knew the password cannot keep a drawer of cookies with their own counters).
 * Sign-up gives the browser that chose the password one too: email-proof.ts treats that browser as
 * proof of the password when it opens the verification link.
 */
export type PasswordGeneration = { passwordChangedAt: Date | null };
export const DEVICE_COOKIE = sidecarCookie("device", 365 * 24 * 3600);

const key = Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "owners-portal", "device-cookie v1", 32));

function mac(userId: string, nonce: string, generation: PasswordGeneration): string {
  const stamp = generation.passwordChangedAt?.getTime() ?? 0;
  return createHmac("sha256", key).update(`${userId}.${nonce}.${stamp}`, "utf8").digest("base64url");
}

export function signDeviceCookie(
  userId: string,
  generation: PasswordGeneration,
  nonce: string = randomBytes(16).toString("base64url"),
): string {
  return `v1.${userId}.${nonce}.${mac(userId, nonce, generation)}`;
}

/** The cookie's nonce when it is genuine, names `userId` and is of its current password generation; null otherwise. */
export function readDeviceCookie(value: string | undefined, user: { id: string } & PasswordGeneration): { nonce: string } | null {
  const [version, named, nonce, signature, ...rest] = value?.split(".") ?? [];
  if (version !== "v1" || !named || !nonce || !signature || rest.length > 0 || named !== user.id) return null;
  const expected = Buffer.from(mac(named, nonce, user));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { nonce } : null;
}

/** A fresh device cookie for this browser (a new nonce each sign-in, so its counter starts clean). */
export async function issueDeviceCookie(userId: string, generation: PasswordGeneration): Promise<void> {
  (await cookies()).set(DEVICE_COOKIE.name, signDeviceCookie(userId, generation), DEVICE_COOKIE.options);
}

/**
 * Sign-up for an address that already has an account: a cookie of the same shape for no account,
 * so the answer (Set-Cookie included) does not tell whether the address was taken.
 */
export async function issueDecoyDeviceCookie(): Promise<void> {
  await issueDeviceCookie(crypto.randomUUID(), { passwordChangedAt: new Date() });
}

/** This browser's device cookie for `user`, if it holds a valid one of the current password generation. */
export async function trustedDeviceFor(user: { id: string } & PasswordGeneration): Promise<{ nonce: string } | null> {
  return readDeviceCookie((await cookies()).get(DEVICE_COOKIE.name)?.value, user);
}

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
 * Nothing is stored: the signature proves the cookie is ours, the nonce names its counter.
 */
export const DEVICE_COOKIE = sidecarCookie("device", 365 * 24 * 3600);

const key = Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "owners-portal", "device-cookie v1", 32));

function mac(userId: string, nonce: string): string {
  return createHmac("sha256", key).update(`${userId}.${nonce}`, "utf8").digest("base64url");
}

export function signDeviceCookie(userId: string, nonce: string = randomBytes(16).toString("base64url")): string {
  return `v1.${userId}.${nonce}.${mac(userId, nonce)}`;
}

/** The cookie's nonce when it is genuine and names `userId`; null otherwise. */
export function readDeviceCookie(value: string | undefined, userId: string): { nonce: string } | null {
  const [version, named, nonce, signature, ...rest] = value?.split(".") ?? [];
  if (version !== "v1" || !named || !nonce || !signature || rest.length > 0 || named !== userId) return null;
  const expected = Buffer.from(mac(named, nonce));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { nonce } : null;
}

/** A fresh device cookie for this browser (a new nonce each sign-in, so its counter starts clean). */
export async function issueDeviceCookie(userId: string): Promise<void> {
  (await cookies()).set(DEVICE_COOKIE.name, signDeviceCookie(userId), DEVICE_COOKIE.options);
}

/** This browser's device cookie for `userId`, if it holds a valid one. */
export async function trustedDeviceFor(userId: string): Promise<{ nonce: string } | null> {
  return readDeviceCookie((await cookies()).get(DEVICE_COOKIE.name)?.value, userId);
}

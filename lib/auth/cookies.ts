import { env } from "@/lib/env";

/**
 * The session cookie (ASVS 3.3.1): HttpOnly, SameSite=Lax, and over https Secure with the
 * `__Host-` prefix (no Domain, Path=/), so a sibling subdomain cannot plant or read it.
 * Plain http is only for localhost (development, the demo and the test suite); the environment
 * schema refuses an http AUTH_URL for any other host in production.
 */
export function sessionCookieFor(authUrl: string) {
  const secure = new URL(authUrl).protocol === "https:";
  return {
    name: secure ? "__Host-portal.session-token" : "portal.session-token",
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

export const SESSION_COOKIE = sessionCookieFor(env.AUTH_URL);

/**
 * A short-lived cookie beside the session one (second-factor step, passkey challenge), with the
 * same prefix and flags. `clear` deletes it with those flags: a `__Host-` cookie is only removed
 * by a Set-Cookie that is Secure too.
 */
export function sidecarCookie(name: string, maxAgeSeconds: number) {
  const cookie = {
    name: SESSION_COOKIE.name.replace("session-token", name),
    options: { ...SESSION_COOKIE.options, maxAge: maxAgeSeconds },
  };
  return { ...cookie, cleared: { ...cookie.options, maxAge: 0 } };
}

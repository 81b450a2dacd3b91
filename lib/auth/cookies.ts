import { env } from "@/lib/env";

/**
 * The session cookie (ASVS 3.3.1): HttpOnly, SameSite=Lax, and over https Secure with the
 * `__Host-` prefix (no Domain, Path=/), so a sibling subdomain cannot plant or read it.
 * Plain http is only for localhost development and the test suite.
 */
const secure = new URL(env.AUTH_URL).protocol === "https:";

export const SESSION_COOKIE = {
  name: secure ? "__Host-portal.session-token" : "portal.session-token",
  options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
};


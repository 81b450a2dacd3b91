import "server-only";
import { cookies } from "next/headers";
import { SESSION_COOKIE } from "./cookies";
import { findLiveSession } from "./sessions";

/**
 * The live Session row behind this request's cookie, for code that runs where Auth.js's `auth()`
 * does not help (its own callbacks) or needs the row itself.
 */
export async function sessionFromCookie() {
  const token = (await cookies()).get(SESSION_COOKIE.name)?.value;
  return token ? findLiveSession(token) : null;
}

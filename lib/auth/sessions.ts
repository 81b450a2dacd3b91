import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { requestMeta } from "@/lib/request-context";
import { SESSION_COOKIE } from "./cookies";
import { issueDeviceCookie } from "./device-cookie";
import { LAST_SEEN_RESOLUTION_MS, sessionDeadline, timeoutsFor, type SessionTimeouts } from "./session-policy";
import { generateToken, hashToken } from "./token-hash";
import type { Role } from "@/lib/generated/prisma/enums";

export const SESSION_TIMEOUTS: SessionTimeouts = {
  staff: { idleMinutes: env.SESSION_IDLE_MINUTES_STAFF, absoluteHours: env.SESSION_ABSOLUTE_HOURS_STAFF },
  customer: { idleMinutes: env.SESSION_IDLE_MINUTES_CUSTOMER, absoluteHours: env.SESSION_ABSOLUTE_HOURS_CUSTOMER },
};

/** The longest any session can live; Auth.js is told this so it never extends one further. */
export const LONGEST_SESSION_SECONDS = Math.max(SESSION_TIMEOUTS.staff.absoluteHours, SESSION_TIMEOUTS.customer.absoluteHours) * 3600;

/** How the user proved who they are. */
export type SignInMethod = "password" | "magic_link" | "passkey" | "password_reset" | `oidc:${string}`;

/**
 * Start a database session for a user who has just proved who they are, and set its cookie.
 * Any session the browser carried before is deleted first, so a token planted before sign-in is
 * useless afterwards (session fixation, ASVS 7.2.4). Only the token's hash is stored.
 */
export async function startSession(
  user: { id: string; role: Role; passwordChangedAt?: Date | null },
  proof: { method: SignInMethod; strong: boolean },
): Promise<void> {
  const jar = await cookies();
  const previous = jar.get(SESSION_COOKIE.name)?.value;
  if (previous) await db.session.deleteMany({ where: { sessionToken: hashToken(previous) } });

  const meta = await requestMeta();
  const token = generateToken();
  const now = new Date();
  const absolute = timeoutsFor(user.role, SESSION_TIMEOUTS).absoluteHours * 3_600_000;
  const expires = new Date(now.getTime() + absolute);
  const data = {
    sessionToken: hashToken(token),
    userId: user.id,
    expires,
    createdAt: now,
    lastSeenAt: now,
    authenticatedAt: now,
    method: proof.method,
    strong: proof.strong,
    ipAddress: meta.ipAddress,
    userAgent: meta.userAgent,
  };
  // The device cookie is bound to the password's generation: a caller that just read the user
  // (password sign-in) passes it and saves a read on this hot path.
  let owner = { passwordChangedAt: user.passwordChangedAt ?? null };
  if (user.passwordChangedAt !== undefined) await db.session.create({ select: { id: true }, data });
  else owner = (await db.session.create({ select: { user: { select: { passwordChangedAt: true } } }, data })).user;
  jar.set(SESSION_COOKIE.name, token, { ...SESSION_COOKIE.options, expires });
  // This browser has now signed in to the account: it may pass the account's lock later.
  await issueDeviceCookie(user.id, owner);
}

/** The session behind a cookie value, if it is still alive; ends it when a timeout has passed. */
export async function findLiveSession(token: string, now: Date = new Date()) {
  const session = await db.session.findUnique({
    where: { sessionToken: hashToken(token) },
    include: { user: { include: { dealer: { select: { deactivatedAt: true } } } } },
  });
  if (!session) return null;
  if (session.user.disabledAt || session.user.dealer?.deactivatedAt) {
    // A disabled account, or the staff of a deactivated dealer (issue 13), is signed out everywhere
    // at its next request (ASVS 7.4.2).
    await db.session.deleteMany({ where: { userId: session.userId } });
    return null;
  }
  const deadline = sessionDeadline(session, session.user.role, SESSION_TIMEOUTS);
  if (deadline.getTime() <= now.getTime()) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
    const touched = { ...session, lastSeenAt: now };
    return { ...touched, deadline: sessionDeadline(touched, session.user.role, SESSION_TIMEOUTS) };
  }
  return { ...session, deadline };
}

/** End every session of a user except one (after a password change, or "sign out other devices"). */
export async function endOtherSessions(userId: string, keepSessionId: string | null): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
  });
  // The apps signed in through the portal end their sign-ins too (issue 16).
  await endAppSignIns(userId);
  return count;
}

/** Ends the account's single sign-on at the brand's apps (lib/oidc/sign-out.ts); a failure is logged, never blocks. */
export async function endAppSignIns(userId: string): Promise<void> {
  await import("@/lib/oidc/sign-out")
    .then(({ endAllSingleSignOn }) => endAllSingleSignOn(userId))
    .catch((error: unknown) => logger.error({ err: error }, "ending the apps' sign-ins failed"));
}

/** The user proved who they are again (step-up): sensitive changes are allowed for a while. */
export async function markReauthenticated(sessionId: string): Promise<void> {
  await db.session.update({ where: { id: sessionId }, data: { authenticatedAt: new Date() } });
}

/**
 * The session has just shown a second factor or a passkey: it becomes strong, under a new token
 * (a token copied before the elevation must not inherit it, ASVS 7.2.4).
 */
export async function elevateSession(sessionId: string): Promise<void> {
  const token = generateToken();
  const session = await db.session.update({ where: { id: sessionId }, data: { strong: true, sessionToken: hashToken(token) } });
  (await cookies()).set(SESSION_COOKIE.name, token, { ...SESSION_COOKIE.options, expires: session.expires });
}

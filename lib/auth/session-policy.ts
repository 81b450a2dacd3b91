import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Session lifetimes (ASVS 7.3.1), pure so that tests can use any clock. Staff, admin and dealer
 * sessions are short (default 30 minutes idle, 12 hours in all); customers stay signed in for
 * days on their own devices. Values come from the environment (lib/env-schema.ts).
 */
export type SessionTimeouts = {
  staff: { idleMinutes: number; absoluteHours: number };
  customer: { idleMinutes: number; absoluteHours: number };
};

export function timeoutsFor(role: Role, timeouts: SessionTimeouts) {
  return role === "CUSTOMER" ? timeouts.customer : timeouts.staff;
}

/** When the session ends unless it is used again: the earlier of the idle and absolute limits. */
export function sessionDeadline(session: { createdAt: Date; lastSeenAt: Date }, role: Role, timeouts: SessionTimeouts): Date {
  const limits = timeoutsFor(role, timeouts);
  const idle = session.lastSeenAt.getTime() + limits.idleMinutes * 60_000;
  const absolute = session.createdAt.getTime() + limits.absoluteHours * 3_600_000;
  return new Date(Math.min(idle, absolute));
}

export function isSessionExpired(
  session: { createdAt: Date; lastSeenAt: Date },
  role: Role,
  timeouts: SessionTimeouts,
  now: Date,
): boolean {
  return sessionDeadline(session, role, timeouts).getTime() <= now.getTime();
}

/** Sensitive changes need a proof of identity at most this many minutes old (ASVS 7.5.1). */
export function isRecentlyAuthenticated(authenticatedAt: Date, stepUpMinutes: number, now: Date): boolean {
  return now.getTime() - authenticatedAt.getTime() < stepUpMinutes * 60_000;
}

/** lastSeenAt is written at most once a minute, not on every request. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashToken } from "./token-hash";
import { nextFailureState, remainingBlockMs, THROTTLE_RULES, type ThrottleKind, type ThrottleState } from "./throttle-policy";

/** A throttle key: the kind decides the rule, the value is what is counted. */
export type ThrottleKey = { kind: ThrottleKind; value: string };

function storageKey(key: ThrottleKey): string {
  // Emails are hashed so that the table holds no address typed at the sign-in form.
  return `${key.kind}:${hashToken(key.value.toLowerCase()).slice(0, 40)}`;
}

/** The longest remaining block among the keys, in milliseconds (0 = free to try). */
export async function throttleWait(keys: ThrottleKey[], now: Date = new Date()): Promise<number> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys.map(storageKey) } } });
  return Math.max(0, ...rows.map((row) => remainingBlockMs(row, now)));
}

async function lockRows(tx: Prisma.TransactionClient, keys: ThrottleKey[], now: Date) {
  // Sorted, so two requests lock the same rows in the same order (no deadlock).
  const ids = [...new Set(keys.map(storageKey))].sort();
  for (const id of ids) {
    await tx.$executeRaw`INSERT INTO "LoginThrottle" (key, failures, "lastFailureAt") VALUES (${id}, 0, ${now}) ON CONFLICT (key) DO NOTHING`;
  }
  const rows = await tx.$queryRaw<({ key: string } & ThrottleState)[]>`
    SELECT key, failures, "lastFailureAt", "blockedUntil" FROM "LoginThrottle" WHERE key = ANY(${ids}) ORDER BY key FOR UPDATE`;
  return new Map(rows.map((row) => [row.key, row]));
}

export type Reservation = { allowed: false } | { allowed: true; /** Kinds this attempt blocks if it fails. */ blocks: ThrottleKind[] };

/**
 * Count an attempt BEFORE checking it (ASVS 6.3.1). Under a row lock: if any key is blocked the
 * attempt is refused; otherwise every key's count goes up as if it failed. Parallel requests thus
 * see each other's attempts, and a burst of guesses gets no more tries than a slow series.
 * A success then calls `settleSuccess`.
 */
export async function reserveAttempt(keys: ThrottleKey[], now: Date = new Date()): Promise<Reservation> {
  return db.$transaction(async (tx) => {
    const rows = await lockRows(tx, keys, now);
    const state = (key: ThrottleKey) => {
      const row = rows.get(storageKey(key));
      return row && row.failures > 0 ? row : null;
    };
    if (keys.some((key) => remainingBlockMs(state(key), now) > 0)) return { allowed: false as const };
    const blocks: ThrottleKind[] = [];
    for (const key of keys) {
      const next = nextFailureState(THROTTLE_RULES[key.kind], state(key), now);
      // Upsert: a success elsewhere may have reset or removed the row since it was made (see below).
      await tx.loginThrottle.upsert({ where: { key: storageKey(key) }, create: { key: storageKey(key), ...next }, update: next });
      if (next.blockedUntil) blocks.push(key.kind);
    }
    return { allowed: true as const, blocks };
  });
}

/**
 * After a successful attempt: forget the account's (or user's) failures; give the address back the
 * one attempt it was charged, so an office behind one address is not throttled by its own
 * successful sign-ins, while a stuffing run's failures stay counted.
 */
export async function settleSuccess(keys: ThrottleKey[]): Promise<void> {
  const forget = keys.filter((key) => key.kind !== "ip").map(storageKey);
  const refund = keys.filter((key) => key.kind === "ip").map(storageKey);
  // Reset rather than delete: a parallel attempt that already passed its INSERT … ON CONFLICT would
  // otherwise find no row to count on (two sign-ins of one account at the same moment).
  if (forget.length) await db.loginThrottle.updateMany({ where: { key: { in: forget } }, data: { failures: 0, blockedUntil: null } });
  if (refund.length) {
    await db.loginThrottle.updateMany({ where: { key: { in: refund }, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
  }
}

import "server-only";
import { db } from "@/lib/db";
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

export type Reservation = { allowed: false } | { allowed: true; /** Kinds this attempt blocks if it fails. */ blocks: ThrottleKind[] };

/**
 * Count an attempt BEFORE checking it (ASVS 6.3.1). Under a row lock: if any key is blocked the
 * attempt is refused; otherwise every key's count goes up as if it failed. Parallel requests thus
 * see each other's attempts, and a burst of guesses gets no more tries than a slow series.
 * A success then calls `settleSuccess`.
 */
export async function reserveAttempt(keys: ThrottleKey[], now: Date = new Date()): Promise<Reservation> {
  // Sorted, so two requests lock the same rows in the same order (no deadlock).
  const ids = [...new Set(keys.map(storageKey))].sort();
  return db.$transaction(async (tx) => {
    // One statement makes the missing rows and locks them all (the no-op update takes the row
    // lock as SELECT … FOR UPDATE would), returning each key's state: a sign-in's hot path,
    // so two round trips here instead of one per key (decision 0015).
    const rows = await tx.$queryRaw<({ key: string } & ThrottleState)[]>`
      INSERT INTO "LoginThrottle" (key, failures, "lastFailureAt")
      SELECT key, 0, ${now} FROM unnest(${ids}::text[]) WITH ORDINALITY AS k(key, position) ORDER BY position
      ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key
      RETURNING key, failures, "lastFailureAt", "blockedUntil"`;
    const found = new Map(rows.map((row) => [row.key, row]));
    const state = (key: ThrottleKey) => {
      const row = found.get(storageKey(key));
      return row && row.failures > 0 ? row : null;
    };
    if (keys.some((key) => remainingBlockMs(state(key), now) > 0)) return { allowed: false as const };
    const blocks: ThrottleKind[] = [];
    const next = new Map<string, ThrottleState>();
    for (const key of keys) {
      const after = nextFailureState(THROTTLE_RULES[key.kind], state(key), now);
      next.set(storageKey(key), after);
      if (after.blockedUntil) blocks.push(key.kind);
    }
    const written = [...next.entries()];
    await tx.$executeRaw`
      UPDATE "LoginThrottle" t
      SET failures = n.failures, "lastFailureAt" = ${now}, "blockedUntil" = to_timestamp(n.blocked / 1000.0) AT TIME ZONE 'UTC'
      FROM unnest(${written.map(([key]) => key)}::text[], ${written.map(([, after]) => after.failures)}::int[],
                  ${written.map(([, after]) => after.blockedUntil?.getTime() ?? null)}::float8[]) AS n(key, failures, blocked)
      WHERE t.key = n.key`;
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
  if (forget.length + refund.length === 0) return;
  // Reset rather than delete: a parallel attempt that already passed its INSERT … ON CONFLICT would
  // otherwise find no row to count on (two sign-ins of one account at the same moment). One
  // statement for both kinds (a sign-in's hot path).
  await db.$executeRaw`
    UPDATE "LoginThrottle"
    SET failures = CASE WHEN key = ANY(${forget}::text[]) THEN 0 ELSE failures - 1 END,
        "blockedUntil" = CASE WHEN key = ANY(${forget}::text[]) THEN NULL ELSE "blockedUntil" END
    WHERE key = ANY(${forget}::text[]) OR (key = ANY(${refund}::text[]) AND failures > 0)`;
}

import "server-only";
import { db } from "@/lib/db";
import { hashToken } from "./token-hash";
import { remainingBlockMs, THROTTLE_RULES, type ThrottleKind } from "./throttle-policy";

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
  // One storage key once, with its kind's rule (the same key twice would be counted twice).
  const byKey = new Map(keys.map((key) => [storageKey(key), key] as const));
  const ids = [...byKey.keys()];
  const rules = ids.map((id) => THROTTLE_RULES[byKey.get(id)!.kind]);
  // One statement (a sign-in's hot path, decision 0015): the database function locks the rows,
  // refuses when one is blocked, else counts the attempt on each with these rules.
  const [result] = await db.$queryRaw<{ allowed: boolean; blocked_keys: string[] }[]>`
    SELECT allowed, blocked_keys FROM reserve_login_attempt(
      ${ids}::text[], ${rules.map((rule) => rule.freeAttempts)}::int[], ${rules.map((rule) => rule.baseDelayMs)}::bigint[],
      ${rules.map((rule) => rule.maxDelayMs)}::bigint[], ${rules.map((rule) => rule.forgetAfterMs)}::bigint[], ${now}::timestamp(3))`;
  if (!result?.allowed) return { allowed: false };
  return { allowed: true, blocks: result.blocked_keys.map((id) => byKey.get(id)!.kind) };
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
  // The rows are locked in key order first, as reserve_login_attempt locks them: an UPDATE alone
  // would lock in table order and could deadlock with a parallel attempt on the same keys.
  await db.$executeRaw`
    WITH locked AS (
      SELECT key FROM "LoginThrottle"
      WHERE key = ANY(${forget}::text[]) OR (key = ANY(${refund}::text[]) AND failures > 0)
      ORDER BY key FOR UPDATE)
    UPDATE "LoginThrottle" t
    SET failures = CASE WHEN t.key = ANY(${forget}::text[]) THEN 0 ELSE t.failures - 1 END,
        "blockedUntil" = CASE WHEN t.key = ANY(${forget}::text[]) THEN NULL ELSE t."blockedUntil" END
    FROM locked WHERE t.key = locked.key`;
}

import "server-only";
import { db } from "@/lib/db";
import { hashToken } from "./token-hash";
import { nextFailureState, remainingBlockMs, THROTTLE_RULES, type ThrottleKind } from "./throttle-policy";

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

/** Count one failure against each key; returns the kinds of the keys this failure blocked. */
export async function recordThrottleFailure(keys: ThrottleKey[], now: Date = new Date()): Promise<ThrottleKind[]> {
  const blocked: ThrottleKind[] = [];
  for (const key of keys) {
    const id = storageKey(key);
    // Serialisable per key: read-modify-write inside a transaction with a row lock.
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO "LoginThrottle" (key, failures, "lastFailureAt") VALUES (${id}, 0, ${now}) ON CONFLICT (key) DO NOTHING`;
      const [row] = await tx.$queryRaw<{ failures: number; lastFailureAt: Date; blockedUntil: Date | null }[]>`
        SELECT failures, "lastFailureAt", "blockedUntil" FROM "LoginThrottle" WHERE key = ${id} FOR UPDATE`;
      const previous = row && row.failures > 0 ? row : null;
      const next = nextFailureState(THROTTLE_RULES[key.kind], previous, now);
      await tx.loginThrottle.update({ where: { key: id }, data: next });
      if (next.blockedUntil) blocked.push(key.kind);
    });
  }
  return blocked;
}

/** A success forgets the failures of these keys (not of the client address: see sign-in). */
export async function clearThrottle(keys: ThrottleKey[]): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: { in: keys.map(storageKey) } } });
}

/**
 * Sign-in throttling maths (ASVS 6.3.1), pure so that it is tested with any clock.
 *
 * Each key (an account's email, a client address, a user's second-factor step) counts failures.
 * The first `freeAttempts` failures cost nothing; after that every failure blocks the key for a
 * delay that doubles each time, up to a cap. A quiet period forgives the count.
 */
export type ThrottleRule = {
  /** Failures allowed before delays start (ASVS: at most 10). */
  freeAttempts: number;
  /** Delay after the first failure past the free ones. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this no longer count. */
  forgetAfterMs: number;
};

const MINUTE = 60_000;

export const THROTTLE_RULES = {
  /** Per account, whatever the source address: stops guessing one user's password. */
  account: { freeAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 24 * 60 * MINUTE },
  /** Per device cookie (device-cookie.ts): a browser the owner signed in with before keeps its own count. */
  device: { freeAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 24 * 60 * MINUTE },
  /** Per client address, across accounts: stops credential stuffing from one source. */
  ip: { freeAttempts: 30, baseDelayMs: 10_000, maxDelayMs: 60 * MINUTE, forgetAfterMs: 60 * MINUTE },
  /** Per user at the second-factor step: 6-digit codes must not be brute-forced. */
  secondFactor: { freeAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
  /** Emails sent on request (magic links, resets, verification resends) per address asked for. */
  emailRequest: { freeAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 60 * MINUTE, forgetAfterMs: 60 * MINUTE },
  /** Serial lookups and other enumeration-prone look-ups (per user and per address). */
  lookup: { freeAttempts: 30, baseDelayMs: 5_000, maxDelayMs: 10 * MINUTE, forgetAfterMs: 10 * MINUTE },
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleKind = keyof typeof THROTTLE_RULES;

export type ThrottleState = { failures: number; lastFailureAt: Date; blockedUntil: Date | null };

/** How long a key is blocked after reaching `failures` failures. */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  const over = failures - rule.freeAttempts;
  if (over <= 0) return 0;
  // 2^(over-1) grows past any cap quickly; clamp the exponent so the number stays finite.
  return Math.min(rule.baseDelayMs * 2 ** Math.min(over - 1, 30), rule.maxDelayMs);
}

/** The state after one more failure at `now`. */
export function nextFailureState(rule: ThrottleRule, previous: ThrottleState | null, now: Date): ThrottleState {
  const stale = !previous || now.getTime() - previous.lastFailureAt.getTime() > rule.forgetAfterMs;
  const failures = stale ? 1 : previous.failures + 1;
  const delay = delayAfter(rule, failures);
  return { failures, lastFailureAt: now, blockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null };
}

/** Milliseconds until the key may try again (0 = now). */
export function remainingBlockMs(state: ThrottleState | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(state.blockedUntil.getTime() - now.getTime(), 0);
}

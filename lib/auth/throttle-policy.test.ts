import { describe, expect, it } from "vitest";
import { delayAfter, nextFailureState, remainingBlockMs, THROTTLE_RULES, type ThrottleState } from "./throttle-policy";

const rule = THROTTLE_RULES.account;
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 21, 9, 0, 0) + seconds * 1000);

function failures(count: number, start = 0): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < count; i++) state = nextFailureState(rule, state, at(start + i));
  return state;
}

describe("throttle maths", () => {
  it("[6.3.1] allows at most 10 free tries, then delays that double up to a cap", () => {
    expect(rule.freeAttempts).toBeLessThanOrEqual(10);
    expect(delayAfter(rule, rule.freeAttempts)).toBe(0);
    expect(delayAfter(rule, rule.freeAttempts + 1)).toBe(30_000);
    expect(delayAfter(rule, rule.freeAttempts + 2)).toBe(60_000);
    expect(delayAfter(rule, rule.freeAttempts + 3)).toBe(120_000);
    expect(delayAfter(rule, 1000)).toBe(rule.maxDelayMs);
  });

  it("[6.3.1] blocks after the free tries and frees the key when the delay has passed", () => {
    const state = failures(rule.freeAttempts + 1);
    const last = at(rule.freeAttempts);
    expect(remainingBlockMs(state, last)).toBe(30_000);
    expect(remainingBlockMs(state, new Date(last.getTime() + 29_999))).toBe(1);
    expect(remainingBlockMs(state, new Date(last.getTime() + 30_000))).toBe(0);
  });

  it("forgets old failures after a quiet period", () => {
    const state = failures(rule.freeAttempts + 3);
    const later = new Date(state!.lastFailureAt.getTime() + rule.forgetAfterMs + 1);
    expect(nextFailureState(rule, state, later)).toEqual({ failures: 1, lastFailureAt: later, blockedUntil: null });
  });

  it("the per-address rule tolerates more failures than the per-account rule (shared networks)", () => {
    expect(THROTTLE_RULES.ip.freeAttempts).toBeGreaterThan(THROTTLE_RULES.account.freeAttempts);
  });
});

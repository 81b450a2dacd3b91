import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashToken } from "./token-hash";

const { reserveAttempt, settleSuccess } = await import("./throttle");

describe("throttle store under parallel sign-ins", () => {
  it("[6.3.1] successes resetting an account while other attempts are counted never fail a request", async () => {
    // Two devices of one person signing in at the same moment: each reserves, then settles.
    const account = { kind: "account" as const, value: `parallel-${crypto.randomUUID()}@test.example` };
    const attempts = Array.from({ length: 12 }, async () => {
      const reservation = await reserveAttempt([account]);
      if (reservation.allowed) await settleSuccess([account]);
      return reservation.allowed;
    });
    const results = await Promise.allSettled(attempts);
    // None fails with an error (a burst may still be limited: that is the point of counting first).
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(results.filter((result) => result.status === "fulfilled" && result.value).length).toBeGreaterThanOrEqual(5);
  });
});

describe("the throttle in the database follows the policy module", () => {
  it("[6.3.1] any sequence of attempts, successes and pauses gives the answers and states of throttle-policy.ts", async () => {
    const { db } = await import("@/lib/db");
    const { nextFailureState, remainingBlockMs, THROTTLE_RULES } = await import("./throttle-policy");
    type State = { failures: number; lastFailureAt: Date; blockedUntil: Date | null } | null;
    // Mostly attempts, so runs reach the blocking delays; now and then a success or a long pause.
    const step = fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          op: fc.constant("attempt" as const),
          pauseMs: fc.oneof(fc.integer({ min: 0, max: 40_000 }), fc.constantFrom(86_400_001, 3_600_001)),
        }),
      },
      { weight: 1, arbitrary: fc.record({ op: fc.constant("success" as const), pauseMs: fc.constant(0) }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 24 }), async (steps) => {
        const keys = [
          { kind: "account" as const, value: `model-${crypto.randomUUID()}@test.example` },
          { kind: "ip" as const, value: `model-${crypto.randomUUID()}` },
        ];
        const model = new Map<string, State>(keys.map((key) => [key.value, null]));
        const counted = (state: State) => (state && state.failures > 0 ? state : null);
        let now = new Date("2026-12-01T00:00:00.000Z").getTime();
        for (const { op, pauseMs } of steps) {
          now += pauseMs;
          const at = new Date(now);
          if (op === "success") {
            await settleSuccess(keys);
            for (const key of keys) {
              const state = model.get(key.value)!;
              if (!state) continue;
              model.set(
                key.value,
                key.kind === "ip"
                  ? state.failures > 0
                    ? { ...state, failures: state.failures - 1 }
                    : state
                  : { ...state, failures: 0, blockedUntil: null },
              );
            }
            continue;
          }
          const expected = keys.some((key) => remainingBlockMs(counted(model.get(key.value)!), at) > 0)
            ? { allowed: false as const }
            : {
                allowed: true as const,
                blocks: keys.flatMap((key) => {
                  const next = nextFailureState(THROTTLE_RULES[key.kind], counted(model.get(key.value)!), at);
                  model.set(key.value, next);
                  return next.blockedUntil ? [key.kind] : [];
                }),
              };
          expect(await reserveAttempt(keys, at)).toEqual(expected);
        }
        const stored = await db.loginThrottle.findMany({
          where: { key: { in: keys.map((key) => `${key.kind}:${hashToken(key.value.toLowerCase()).slice(0, 40)}`) } },
        });
        for (const key of keys) {
          const state = counted(model.get(key.value)!);
          const row = stored.find((candidate) => candidate.key.startsWith(`${key.kind}:`));
          expect(row && row.failures > 0 ? { failures: row.failures, blockedUntil: row.blockedUntil } : null).toEqual(
            state ? { failures: state.failures, blockedUntil: state.blockedUntil } : null,
          );
        }
      }),
      { numRuns: 30 },
    );
  });
});

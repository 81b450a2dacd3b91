import { describe, expect, it } from "vitest";

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

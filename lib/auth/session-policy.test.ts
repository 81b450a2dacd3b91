import { describe, expect, it } from "vitest";
import { isRecentlyAuthenticated, isSessionExpired, sessionDeadline, type SessionTimeouts } from "./session-policy";

const timeouts: SessionTimeouts = {
  staff: { idleMinutes: 30, absoluteHours: 12 },
  customer: { idleMinutes: 14 * 24 * 60, absoluteHours: 30 * 24 },
};
const start = new Date("2026-11-21T00:00:00Z");
const plus = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe("session timeouts", () => {
  it("[7.3.1] ends a staff session after 30 idle minutes", () => {
    const session = { createdAt: start, lastSeenAt: start };
    expect(isSessionExpired(session, "ADMIN", timeouts, plus(29))).toBe(false);
    expect(isSessionExpired(session, "ADMIN", timeouts, plus(30))).toBe(true);
    expect(isSessionExpired(session, "DEALER_STAFF", timeouts, plus(31))).toBe(true);
  });

  it("[7.3.1] ends a busy staff session at its absolute lifetime however active it is", () => {
    const session = { createdAt: start, lastSeenAt: plus(12 * 60 - 1) };
    expect(isSessionExpired(session, "SUPPORT_AGENT", timeouts, plus(12 * 60 - 1))).toBe(false);
    expect(isSessionExpired(session, "SUPPORT_AGENT", timeouts, plus(12 * 60))).toBe(true);
  });

  it("[7.3.1] keeps a customer signed in for 14 idle days, within the absolute limit", () => {
    const session = { createdAt: start, lastSeenAt: start };
    expect(isSessionExpired(session, "CUSTOMER", timeouts, plus(14 * 24 * 60 - 1))).toBe(false);
    expect(isSessionExpired(session, "CUSTOMER", timeouts, plus(14 * 24 * 60))).toBe(true);
    const active = { createdAt: start, lastSeenAt: plus(29 * 24 * 60) };
    expect(sessionDeadline(active, "CUSTOMER", timeouts)).toEqual(plus(30 * 24 * 60));
  });

  it("[7.5.1] treats a proof of identity as recent for the step-up window only", () => {
    expect(isRecentlyAuthenticated(start, 10, plus(9))).toBe(true);
    expect(isRecentlyAuthenticated(start, 10, plus(10))).toBe(false);
  });
});

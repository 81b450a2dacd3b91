import { describe, expect, it } from "vitest";
import type { BusinessCalendar } from "./business-hours";
import { dueDates, resumedDueAt, slaClocks, type SlaTargets } from "./sla";

const CALENDAR: BusinessCalendar = {
  timeZone: "Asia/Tokyo",
  openMinute: 540,
  closeMinute: 1080,
  workdays: [1, 2, 3, 4, 5],
  closedDates: new Set(),
};
const TARGETS: SlaTargets = { firstResponseMinutes: [480, 240, 60], resolutionMinutes: [7200, 4320, 1440], warnAtPercent: 75 };
const jst = (text: string) => new Date(`${text}+09:00`);

describe("SLA clocks", () => {
  const created = jst("2026-11-24T09:00:00"); // Tuesday
  const due = dueDates(CALENDAR, TARGETS, "NORMAL", created);
  const ticket = { createdAt: created, priority: "NORMAL" as const, ...due, firstRespondedAt: null, closedAt: null, pausedAt: null };

  it("sets deadlines in business time by priority", () => {
    expect(due.firstResponseDueAt).toEqual(jst("2026-11-24T17:00:00"));
    expect(dueDates(CALENDAR, TARGETS, "URGENT", created).firstResponseDueAt).toEqual(jst("2026-11-24T10:00:00"));
  });

  it("runs, warns at 75 %, then breaches", () => {
    expect(slaClocks(CALENDAR, TARGETS, ticket, jst("2026-11-24T10:00:00")).firstResponse).toMatchObject({
      state: "running",
      minutesLeft: 420,
    });
    expect(slaClocks(CALENDAR, TARGETS, ticket, jst("2026-11-24T15:00:00")).firstResponse.state).toBe("warning");
    expect(slaClocks(CALENDAR, TARGETS, ticket, jst("2026-11-25T10:00:00")).firstResponse).toMatchObject({
      state: "breached",
      minutesLeft: -120,
    });
  });

  it("stops when met or missed", () => {
    expect(
      slaClocks(CALENDAR, TARGETS, { ...ticket, firstRespondedAt: jst("2026-11-24T11:00:00") }, jst("2026-11-30T10:00:00")).firstResponse
        .state,
    ).toBe("met");
    expect(
      slaClocks(CALENDAR, TARGETS, { ...ticket, firstRespondedAt: jst("2026-11-25T11:00:00") }, jst("2026-11-30T10:00:00")).firstResponse
        .state,
    ).toBe("missed");
  });

  it("pauses the resolution clock while waiting for the customer, and moves the deadline by the business time waited", () => {
    const pausedAt = jst("2026-11-24T12:00:00");
    const paused = slaClocks(CALENDAR, TARGETS, { ...ticket, pausedAt }, jst("2026-11-25T12:00:00"));
    expect(paused.resolution.state).toBe("paused");
    // One business day (540 minutes) of waiting moves the deadline by one business day.
    expect(
      resumedDueAt(CALENDAR, due.resolutionDueAt, pausedAt, jst("2026-11-25T12:00:00")).getTime() - due.resolutionDueAt.getTime(),
    ).toBeGreaterThan(0);
    expect(paused.resolution.dueAt).toEqual(resumedDueAt(CALENDAR, due.resolutionDueAt, pausedAt, jst("2026-11-25T12:00:00")));
  });
});

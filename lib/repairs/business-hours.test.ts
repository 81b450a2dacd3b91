import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutesBetween, isBusinessDay, publicHoliday, type BusinessCalendar } from "./business-hours";

const TOKYO: BusinessCalendar = {
  timeZone: "Asia/Tokyo",
  openMinute: 9 * 60,
  closeMinute: 18 * 60,
  workdays: [1, 2, 3, 4, 5],
  closedDates: new Set(["2026-12-29", "2026-12-30", "2026-12-31"]),
};

/** An instant given as Tokyo wall-clock time. */
const jst = (text: string) => new Date(`${text}+09:00`);

describe("business days", () => {
  it("skips weekends, Japanese public holidays and the desk's own closed days", () => {
    expect(isBusinessDay(TOKYO, "2026-11-20")).toBe(true); // Friday
    expect(isBusinessDay(TOKYO, "2026-11-21")).toBe(false); // Saturday
    expect(isBusinessDay(TOKYO, "2026-11-23")).toBe(false); // 勤労感謝の日, a Monday
    expect(publicHoliday("2026-11-23")).toEqual({ ja: "勤労感謝の日", en: "Labor Thanksgiving Day" });
    expect(isBusinessDay(TOKYO, "2026-12-29")).toBe(false); // year-end break
  });
});

describe("addBusinessMinutes", () => {
  it("counts inside opening hours on the same day", () => {
    expect(addBusinessMinutes(TOKYO, jst("2026-11-24T10:00:00"), 120)).toEqual(jst("2026-11-24T12:00:00"));
  });

  it("carries over the night, the weekend and a public holiday", () => {
    // Friday 17:00 + 2 h: 1 h on Friday, then Saturday, Sunday and Monday the 23rd (a holiday) are skipped.
    expect(addBusinessMinutes(TOKYO, jst("2026-11-20T17:00:00"), 120)).toEqual(jst("2026-11-24T10:00:00"));
  });

  it("starts a clock that begins outside hours at the next opening", () => {
    expect(addBusinessMinutes(TOKYO, jst("2026-11-24T20:15:00"), 60)).toEqual(jst("2026-11-25T10:00:00"));
    expect(addBusinessMinutes(TOKYO, jst("2026-11-24T06:00:00"), 0)).toEqual(jst("2026-11-24T09:00:00"));
  });

  it("skips the year-end break and New Year's Day", () => {
    // Monday 28 Dec 17:00 + 2 h → Monday 4 Jan 2027 10:00 (29-31 closed, 1 Jan a holiday, then a weekend).
    expect(addBusinessMinutes(TOKYO, jst("2026-12-28T17:00:00"), 120)).toEqual(jst("2027-01-04T10:00:00"));
  });

  it("refuses a calendar without opening hours instead of looping", () => {
    expect(() => addBusinessMinutes({ ...TOKYO, workdays: [] }, new Date(), 60)).toThrow(RangeError);
  });
});

describe("businessMinutesBetween", () => {
  it("counts only opening hours and is the inverse of addBusinessMinutes", () => {
    const from = jst("2026-11-20T17:00:00");
    expect(businessMinutesBetween(TOKYO, from, jst("2026-11-24T10:00:00"))).toBe(120);
    expect(businessMinutesBetween(TOKYO, from, jst("2026-11-20T16:00:00"))).toBe(0);
    for (const minutes of [0, 1, 59, 540, 541, 2_000, 7_200]) {
      expect(businessMinutesBetween(TOKYO, from, addBusinessMinutes(TOKYO, from, minutes))).toBe(minutes);
    }
  });

  it("counts long spans (years of holidays and closed days) the same as day by day", () => {
    const naive = (from: Date, to: Date) => {
      let minutes = 0;
      for (let t = from.getTime(); t < to.getTime(); t += 60_000) {
        const wall = new Date(t + 9 * 3_600_000);
        const date = wall.toISOString().slice(0, 10);
        const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes();
        if (isBusinessDay(TOKYO, date) && minute >= TOKYO.openMinute && minute < TOKYO.closeMinute) minutes++;
      }
      return minutes;
    };
    const from = jst("2025-12-24T15:30:00");
    for (const to of [jst("2026-01-05T10:00:00"), jst("2026-05-07T18:30:00"), jst("2027-01-04T09:01:00")]) {
      expect(businessMinutesBetween(TOKYO, from, to)).toBe(naive(from, to));
    }
  });

  it("works in another zone with daylight saving", () => {
    const berlin: BusinessCalendar = { ...TOKYO, timeZone: "Europe/Berlin", closedDates: new Set() };
    // Friday 27 March 2026, 17:00 CET; clocks go forward on Sunday the 29th.
    const from = new Date("2026-03-27T16:00:00Z");
    expect(addBusinessMinutes(berlin, from, 120)).toEqual(new Date("2026-03-30T08:00:00Z")); // Monday 10:00 CEST
  });
});

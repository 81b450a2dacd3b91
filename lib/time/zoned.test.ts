import { describe, expect, it } from "vitest";
import { dateIn, instantAt, wallClockAt } from "./zoned";

describe("zoned dates", () => {
  it("takes today's date in Tokyo, not UTC", () => {
    expect(dateIn("Asia/Tokyo", new Date("2026-11-21T16:30:00Z"))).toBe("2026-11-22");
    expect(dateIn("Asia/Tokyo", new Date("2026-11-21T14:30:00Z"))).toBe("2026-11-21");
  });

  it("reads the wall clock and weekday", () => {
    expect(wallClockAt(new Date("2026-11-23T00:30:00Z"), "Asia/Tokyo")).toEqual({ date: "2026-11-23", minute: 9 * 60 + 30, weekday: 1 });
  });

  it("finds the instant of a wall-clock time, across daylight saving", () => {
    expect(instantAt("2026-11-23", 0, "Asia/Tokyo")).toEqual(new Date("2026-11-22T15:00:00Z"));
    expect(instantAt("2026-03-30", 10 * 60, "Europe/Berlin")).toEqual(new Date("2026-03-30T08:00:00Z"));
    expect(instantAt("2026-03-27", 10 * 60, "Europe/Berlin")).toEqual(new Date("2026-03-27T09:00:00Z"));
  });

  it("agrees with Intl at every minute around offset changes, including half-hour and 45-minute zones and changes off the quarter hour", () => {
    const intl = (zone: string) =>
      new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
      });
    const cases: [string, string][] = [
      ["Europe/Berlin", "2026-03-29T00:30:00Z"],
      ["Europe/Berlin", "2026-10-25T00:30:00Z"],
      ["America/New_York", "2026-11-01T05:30:00Z"],
      ["Australia/Lord_Howe", "2026-04-04T14:30:00Z"],
      ["Asia/Kathmandu", "2026-06-01T00:00:00Z"],
      // Changed at 00:01 local time, inside a quarter hour of UTC.
      ["Antarctica/Casey", "2022-10-01T15:00:00Z"],
      ["America/St_Johns", "2010-11-07T02:00:00Z"],
    ];
    for (const [zone, around] of cases) {
      const format = intl(zone);
      for (let minute = 0; minute < 180; minute += 1) {
        const instant = new Date(Date.parse(around) + minute * 60_000 + 17_000);
        const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
        const wall = wallClockAt(instant, zone);
        expect(`${wall.date} ${wall.minute}`, `${zone} ${instant.toISOString()}`).toBe(
          `${parts.year}-${parts.month}-${parts.day} ${Number(parts.hour) * 60 + Number(parts.minute)}`,
        );
      }
    }
  });
});

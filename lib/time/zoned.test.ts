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
});

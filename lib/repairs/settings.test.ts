import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { testStaff } = await import("@/scripts/test/product-factories");
const { ZDeskSettingsSchema } = await import("./settings-schemas");
const { addSymptomCategory, deskSettingsForm, saveDeskSettings, upcomingPublicHolidays } = await import("./settings");
const { loadDesk } = await import("./desk-settings");

beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": "198.51.100.30" } }));

const VALID = {
  openTime: "09:30",
  closeTime: "17:00",
  workdays: ["1", "2", "3", "4", "5", "6"],
  closedDates: "2026-12-31\n\n2026-12-29\n2026-12-30\n",
  firstResponseNormal: "8",
  firstResponseHigh: "4",
  firstResponseUrgent: "0.5",
  resolutionNormal: "120",
  resolutionHigh: "72",
  resolutionUrgent: "24",
  warnAtPercent: "80",
};

describe("desk settings", () => {
  it("refuses bad values with a message per field", () => {
    const result = ZDeskSettingsSchema.safeParse({
      ...VALID,
      closeTime: "09:00",
      workdays: [],
      closedDates: "2026-12-29\n2026-02-30",
      firstResponseHigh: "0",
      warnAtPercent: "100",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toMatchObject({
      workdays: "repairs.settings.errors.workdaysRequired",
      closedDates: "repairs.settings.errors.datesInvalid",
      firstResponseHigh: "repairs.settings.errors.hoursInvalid",
      warnAtPercent: "repairs.settings.errors.percentInvalid",
    });
  });

  it("refuses targets longer than half a year of opening hours, on each such field", () => {
    // One hour a week: 26 hours is the longest target.
    const narrow = { ...VALID, openTime: "09:00", closeTime: "10:00", workdays: ["3"] };
    expect(
      ZDeskSettingsSchema.safeParse({
        ...narrow,
        firstResponseNormal: "26",
        resolutionNormal: "26",
        resolutionHigh: "26",
        firstResponseHigh: "1",
        firstResponseUrgent: "1",
        resolutionUrgent: "1",
      }).success,
    ).toBe(true);
    const result = ZDeskSettingsSchema.safeParse({
      ...narrow,
      firstResponseHigh: "1",
      firstResponseUrgent: "1",
      resolutionUrgent: "1",
      firstResponseNormal: "26.5",
      resolutionNormal: "2000",
      resolutionHigh: "26",
    });
    expect(result.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["firstResponseNormal", "repairs.settings.errors.targetBeyondHours"],
      ["resolutionNormal", "repairs.settings.errors.targetBeyondHours"],
    ]);
  });

  it("refuses a closing time before the opening time, on the closing field", () => {
    const result = ZDeskSettingsSchema.safeParse({ ...VALID, openTime: "18:00", closeTime: "09:00" });
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: ["closeTime"], message: "repairs.settings.errors.closeBeforeOpen" }),
    ]);
  });

  it("saves hours as business minutes, sorted closed days, the editor, and an audit entry; the SLA calendar reads them", async () => {
    const admin = await testStaff("ADMIN");
    const before = await db.deskSettings.findUniqueOrThrow({ where: { id: "desk" } });
    try {
      await saveDeskSettings(admin, ZDeskSettingsSchema.parse(VALID));
      const saved = await db.deskSettings.findUniqueOrThrow({ where: { id: "desk" } });
      expect(saved).toMatchObject({
        openMinute: 570,
        closeMinute: 1020,
        workdays: [1, 2, 3, 4, 5, 6],
        firstResponseMinutes: [480, 240, 30],
        resolutionMinutes: [7200, 4320, 1440],
        warnAtPercent: 80,
        updatedById: admin.id,
      });
      expect(saved.closedDates.map((date) => date.toISOString().slice(0, 10))).toEqual(["2026-12-29", "2026-12-30", "2026-12-31"]);
      expect((await deskSettingsForm()).closedDates).toBe("2026-12-29\n2026-12-30\n2026-12-31");
      expect((await loadDesk()).calendar.closedDates.has("2026-12-30")).toBe(true);
      const audit = await db.auditEvent.findFirstOrThrow({ where: { actorId: admin.id, action: "desk.settings_updated" } });
      expect(audit.details).toMatchObject({ before: { openMinute: before.openMinute }, after: { openMinute: 570 } });
    } finally {
      const { id: _id, updatedAt: _at, ...rest } = before;
      await db.deskSettings.update({ where: { id: "desk" }, data: rest });
    }
  });

  it("adds a symptom once per code and product category", async () => {
    const admin = await testStaff("ADMIN");
    const category = `cat-${randomUUID()}`;
    await addSymptomCategory(admin, { productCategory: category, code: "noise", nameJa: "異音", nameEn: "Noise" });
    await expect(
      addSymptomCategory(admin, { productCategory: category, code: "noise", nameJa: "音", nameEn: "Sound" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      cause: { code: "repairs.settings.errors.codeTaken" },
    });
    // The same code in another category is a different symptom.
    await addSymptomCategory(admin, { productCategory: `${category}-2`, code: "noise", nameJa: "異音", nameEn: "Noise" });
    expect(await db.symptomCategory.count({ where: { productCategory: category } })).toBe(1);
  });

  it("lists the next public holidays from a day", () => {
    const holidays = upcomingPublicHolidays(3, "2026-12-31");
    expect(holidays.map((holiday) => holiday.date)).toEqual(["2027-01-01", "2027-01-11", "2027-02-11"]);
    expect(holidays[0]).toMatchObject({ ja: "元日", en: "New Year's Day" });
  });
});

import { z } from "zod";
import type { RepairPriority } from "@/lib/generated/prisma/enums";
import { zMultilineText, zName, zText } from "@/lib/validation/text";
import { isLocalDate } from "@/lib/warranty/local-date";

/**
 * The desk settings forms' schemas, shared by react-hook-form and the server actions (conventions:
 * One action wrapper). Messages are catalog keys; `repairs.settings.errors.*` for the desk's own.
 */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const errors = (key: string) => `repairs.settings.errors.${key}`;

export function minuteOfTime(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours! * 60 + minutes!;
}

export function timeOfMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** Hours as typed ("8", "0.5"), at most two decimals, up to 100 working days. */
const hours = z.coerce
  .number<string | number>(errors("hoursInvalid"))
  .refine((value) => Number.isFinite(value) && value > 0, errors("hoursInvalid"))
  .refine((value) => value <= 2000, errors("hoursTooMany"))
  .refine((value) => Math.round(value * 60) >= 1, errors("hoursInvalid"));

/** The form field of each clock's target per priority (lib/repairs/sla.ts PRIORITIES). */
export const TARGET_FIELD = {
  firstResponse: { NORMAL: "firstResponseNormal", HIGH: "firstResponseHigh", URGENT: "firstResponseUrgent" },
  resolution: { NORMAL: "resolutionNormal", HIGH: "resolutionHigh", URGENT: "resolutionUrgent" },
} as const;
/** The priorities in the order of lib/repairs/sla.ts PRIORITIES (the stored targets' order), without its server-side imports. */
export const TARGET_PRIORITIES = ["NORMAL", "HIGH", "URGENT"] as const satisfies readonly RepairPriority[];
const TARGET_FIELDS = [...Object.values(TARGET_FIELD.firstResponse), ...Object.values(TARGET_FIELD.resolution)];
/** The longest target, in weeks of the desk's opening hours. */
const TARGET_MAX_WEEKS = 26;

/** One date per line (YYYY-MM-DD); blank lines are skipped. */
export function closedDatesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export const ZDeskSettingsSchema = z
  .object({
    openTime: zText().trim().regex(TIME, errors("timeInvalid")),
    closeTime: zText().trim().regex(TIME, errors("timeInvalid")),
    workdays: z
      .array(z.coerce.number<string | number>({ error: "invalid" }).int("invalid").min(1, "invalid").max(7, "invalid"))
      .min(1, errors("workdaysRequired")),
    closedDates: zMultilineText()
      .max(20_000, "tooLong")
      .refine((text) => closedDatesOf(text).every((line) => isLocalDate(line)), errors("datesInvalid"))
      .refine((text) => closedDatesOf(text).length <= 366, errors("datesTooMany")),
    firstResponseNormal: hours,
    firstResponseHigh: hours,
    firstResponseUrgent: hours,
    resolutionNormal: hours,
    resolutionHigh: hours,
    resolutionUrgent: hours,
    warnAtPercent: z.coerce
      .number<string | number>(errors("percentInvalid"))
      .int(errors("percentInvalid"))
      .min(1, errors("percentInvalid"))
      .max(99, errors("percentInvalid")),
  })
  .refine(
    (value) => !TIME.test(value.openTime) || !TIME.test(value.closeTime) || minuteOfTime(value.closeTime) > minuteOfTime(value.openTime),
    {
      path: ["closeTime"],
      message: errors("closeBeforeOpen"),
    },
  )
  // A target longer than half a year of opening hours would put deadlines years away (and the
  // business-hours arithmetic gives up after ten): each such target is named.
  .superRefine((value, context) => {
    if (!TIME.test(value.openTime) || !TIME.test(value.closeTime)) return;
    const perDay = minuteOfTime(value.closeTime) - minuteOfTime(value.openTime);
    // Closing before opening has its own message; no workdays either.
    if (perDay <= 0 || value.workdays.length === 0) return;
    const perWeek = new Set(value.workdays).size * perDay;
    for (const field of TARGET_FIELDS) {
      if (value[field] * 60 > perWeek * TARGET_MAX_WEEKS) {
        context.addIssue({ code: "custom", path: [field], message: errors("targetBeyondHours") });
      }
    }
  });
export type TDeskSettings = z.input<typeof ZDeskSettingsSchema>;

const symptomName = (max: number) => zName().trim().min(1, "required").max(max, "tooLong");

export const ZSymptomCategorySchema = z.object({
  productCategory: zText().trim().min(1, "required").max(60, "tooLong"),
  code: zText()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{1,39}$/, errors("codeFormat")),
  nameJa: symptomName(100),
  nameEn: symptomName(100),
});
export type TSymptomCategory = z.input<typeof ZSymptomCategorySchema>;

export const ZRenameSymptomSchema = z.object({
  id: zText().trim().min(1, "invalid").max(40, "invalid"),
  nameJa: symptomName(100),
  nameEn: symptomName(100),
});
export type TRenameSymptom = z.input<typeof ZRenameSymptomSchema>;

export const ZArchiveSymptomSchema = z.object({
  id: zText().trim().min(1, "invalid").max(40, "invalid"),
  archived: z.boolean({ error: "invalid" }),
});

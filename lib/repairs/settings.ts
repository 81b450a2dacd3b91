import "server-only";
import { isUniqueViolation } from "@/lib/db-errors";
import { recordAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { businessToday } from "@/lib/time/business-time";
import { addDays, localDateOf } from "@/lib/warranty/local-date";
import { publicHoliday } from "./business-hours";
import { forgetShownDesk, loadDeskSettings } from "./desk-settings";
import {
  closedDatesOf,
  minuteOfTime,
  TARGET_FIELD,
  TARGET_PRIORITIES,
  timeOfMinute,
  type TDeskSettings,
  type ZDeskSettingsSchema,
  type ZSymptomCategorySchema,
} from "./settings-schemas";
import type { z } from "zod";

/**
 * The desk's settings (business hours, SLA targets, closed days) and its symptom categories, as the
 * admin edits them. Targets are stored in business minutes per priority (NORMAL, HIGH, URGENT) and
 * edited in hours. New targets apply to tickets opened from now on; existing deadlines stay.
 */

/** The settings row as the form's values. */
export async function deskSettingsForm(): Promise<TDeskSettings> {
  const settings = await loadDeskSettings();
  const hours = (minutes: number | undefined) => String(Math.round(((minutes ?? 0) / 60) * 100) / 100);
  const targets = Object.fromEntries(
    TARGET_PRIORITIES.flatMap((priority, index) => [
      [TARGET_FIELD.firstResponse[priority], hours(settings.firstResponseMinutes[index])],
      [TARGET_FIELD.resolution[priority], hours(settings.resolutionMinutes[index])],
    ]),
  ) as Record<(typeof TARGET_FIELD)[keyof typeof TARGET_FIELD][(typeof TARGET_PRIORITIES)[number]], string>;
  return {
    openTime: timeOfMinute(settings.openMinute),
    closeTime: timeOfMinute(settings.closeMinute),
    workdays: settings.workdays.map(String),
    closedDates: settings.closedDates.map(localDateOf).toSorted().join("\n"),
    ...targets,
    warnAtPercent: String(settings.warnAtPercent),
  };
}

export async function saveDeskSettings(actor: Actor, input: z.output<typeof ZDeskSettingsSchema>): Promise<void> {
  const before = await loadDeskSettings();
  const minutes = (hours: number) => Math.round(hours * 60);
  const data = {
    openMinute: minuteOfTime(input.openTime),
    closeMinute: minuteOfTime(input.closeTime),
    workdays: [...new Set(input.workdays)].toSorted((a, b) => a - b),
    closedDates: [...new Set(closedDatesOf(input.closedDates))].toSorted().map((date) => new Date(`${date}T00:00:00Z`)),
    firstResponseMinutes: TARGET_PRIORITIES.map((priority) => minutes(input[TARGET_FIELD.firstResponse[priority]])),
    resolutionMinutes: TARGET_PRIORITIES.map((priority) => minutes(input[TARGET_FIELD.resolution[priority]])),
    warnAtPercent: input.warnAtPercent,
  };
  await db.deskSettings.update({ where: { id: "desk" }, data: { ...data, updatedById: actor.id } });
  forgetShownDesk();
  await recordAudit({
    action: "desk.settings_updated",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "DeskSettings",
    targetId: "desk",
    details: {
      before: {
        openMinute: before.openMinute,
        closeMinute: before.closeMinute,
        workdays: before.workdays,
        closedDates: before.closedDates.map(localDateOf),
        firstResponseMinutes: before.firstResponseMinutes,
        resolutionMinutes: before.resolutionMinutes,
        warnAtPercent: before.warnAtPercent,
      },
      after: { ...data, closedDates: data.closedDates.map(localDateOf) },
    },
  });
}

/** The next `count` Japanese public holidays from today (business calendar), which the SLA clocks already skip. */
export function upcomingPublicHolidays(count = 10, today: string = businessToday()): { date: string; ja: string; en: string }[] {
  const found: { date: string; ja: string; en: string }[] = [];
  for (let day = 0, date = today; day < 800 && found.length < count; day++, date = addDays(date, 1)) {
    const holiday = publicHoliday(date);
    if (holiday) found.push({ date, ...holiday });
  }
  return found;
}

/** Product categories: those of the catalog's models and those that already have symptoms. */
export async function listProductCategories(): Promise<string[]> {
  const [models, symptoms] = await Promise.all([
    db.productModel.findMany({ distinct: ["category"], select: { category: true } }),
    db.symptomCategory.findMany({ distinct: ["productCategory"], select: { productCategory: true } }),
  ]);
  return [...new Set([...models.map((model) => model.category), ...symptoms.map((symptom) => symptom.productCategory)])].toSorted();
}

export async function listSymptomCategories(productCategory: string) {
  return db.symptomCategory.findMany({
    where: { productCategory },
    select: { id: true, code: true, nameJa: true, nameEn: true, archivedAt: true, _count: { select: { tickets: true } } },
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { sortOrder: "asc" }, { code: "asc" }],
  });
}

async function auditSymptom(actor: Actor, id: string, details: Record<string, string | boolean>): Promise<void> {
  await recordAudit({
    action: "desk.settings_updated",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "SymptomCategory",
    targetId: id,
    details,
  });
}

/** A new symptom at the end of its category's list; the code is unique within the category. */
export async function addSymptomCategory(actor: Actor, input: z.output<typeof ZSymptomCategorySchema>): Promise<{ id: string }> {
  const last = await db.symptomCategory.aggregate({ where: { productCategory: input.productCategory }, _max: { sortOrder: true } });
  try {
    const created = await db.symptomCategory.create({
      data: { ...input, sortOrder: (last._max.sortOrder ?? -1) + 1 },
      select: { id: true },
    });
    await auditSymptom(actor, created.id, { kind: "symptom_added", productCategory: input.productCategory, code: input.code });
    return created;
  } catch (error) {
    if (isUniqueViolation(error, ["productCategory", "code"]))
      throw new AppError("VALIDATION", { cause: { code: "repairs.settings.errors.codeTaken" } });
    throw error;
  }
}

export async function renameSymptomCategory(actor: Actor, input: { id: string; nameJa: string; nameEn: string }): Promise<void> {
  const { count } = await db.symptomCategory.updateMany({ where: { id: input.id }, data: { nameJa: input.nameJa, nameEn: input.nameEn } });
  if (count === 0) throw new AppError("NOT_FOUND");
  await auditSymptom(actor, input.id, { kind: "symptom_renamed", nameJa: input.nameJa, nameEn: input.nameEn });
}

/** Archived symptoms are no longer offered to customers; tickets that name one keep it. */
export async function setSymptomArchived(actor: Actor, input: { id: string; archived: boolean }): Promise<void> {
  const { count } = await db.symptomCategory.updateMany({
    where: { id: input.id },
    data: { archivedAt: input.archived ? new Date() : null },
  });
  if (count === 0) throw new AppError("NOT_FOUND");
  await auditSymptom(actor, input.id, { kind: input.archived ? "symptom_archived" : "symptom_restored" });
}

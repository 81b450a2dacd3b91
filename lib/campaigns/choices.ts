import "server-only";
import { purposeName, purposesWithVersions } from "@/lib/consents/policies";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";

/** What a campaign draft can name: live segments, optional purposes with a published text, open surveys. */
export async function campaignChoices(locale: Locale) {
  const [segments, purposes, surveys] = await Promise.all([
    db.segment.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    purposesWithVersions(),
    db.survey.findMany({
      where: { status: { not: "CLOSED" } },
      orderBy: { createdAt: "desc" },
      select: { id: true, titleJa: true, titleEn: true },
    }),
  ]);
  return {
    segments: segments.map((segment) => ({ value: segment.id, label: segment.name })),
    purposes: purposes
      .filter((purpose) => !purpose.required && !purpose.perDealer && purpose.versions.length > 0)
      .map((purpose) => ({ value: purpose.id, label: purposeName(purpose, locale) })),
    surveys: surveys.map((survey) => ({ value: survey.id, label: locale === "en" ? survey.titleEn : survey.titleJa })),
  };
}

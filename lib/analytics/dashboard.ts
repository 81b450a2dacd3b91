import "server-only";
import { db } from "@/lib/db";
import { purposesWithVersions } from "@/lib/consents/policies";
import { consentRates } from "@/lib/consents/stats";
import { medianTimesBetween } from "@/lib/repairs/dashboard";
import { businessTimeZone, businessToday, startOfBusinessDay } from "@/lib/time/business-time";

/**
 * The analytics dashboard (issue 15): every figure counted in SQL over the real tables for the
 * chosen months; only the warranty ends of every unit (a function per ownership) come from a
 * materialized view that a job refreshes (refresh.ts), and the page says as of when.
 */
export type MonthRange = { from: string; to: string };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function monthIndex(month: string): number {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return year * 12 + number - 1;
}

function monthOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The months asked for (YYYY-MM, at most 36, in order), or the last 12 including this one. */
export function parseRange(query: { from?: unknown; to?: unknown }, now: Date = new Date()): MonthRange {
  const current = businessToday(now).slice(0, 7);
  const to = typeof query.to === "string" && MONTH.test(query.to) && query.to <= current ? query.to : current;
  const fallback = monthOf(monthIndex(to) - 11);
  let from = typeof query.from === "string" && MONTH.test(query.from) && query.from <= to ? query.from : fallback;
  if (monthIndex(to) - monthIndex(from) > 35) from = monthOf(monthIndex(to) - 35);
  return { from, to };
}

export function monthsOf(range: MonthRange): string[] {
  return Array.from({ length: monthIndex(range.to) - monthIndex(range.from) + 1 }, (_, i) => monthOf(monthIndex(range.from) + i));
}

/** The instants the range starts and ends (exclusive), in the business's time zone. */
function bounds(range: MonthRange): { start: Date; end: Date } {
  return { start: startOfBusinessDay(`${range.from}-01`), end: startOfBusinessDay(`${monthOf(monthIndex(range.to) + 1)}-01`) };
}

export async function registrationsByMonth(range: MonthRange): Promise<{ month: string; registrations: number; transfers: number }[]> {
  const { start, end } = bounds(range);
  const rows = await db.$queryRaw<{ month: string; registrations: bigint; transfers: bigint }[]>`
    SELECT to_char(date_trunc('month', o."registeredAt" AT TIME ZONE 'UTC' AT TIME ZONE ${businessTimeZone()}), 'YYYY-MM') AS month,
      count(*) FILTER (WHERE o."transferredFromId" IS NULL) AS registrations, count(*) FILTER (WHERE o."transferredFromId" IS NOT NULL) AS transfers
    FROM "Ownership" o WHERE o."registeredAt" >= ${start} AND o."registeredAt" < ${end} GROUP BY 1`;
  return monthsOf(range).map((month) => {
    const row = rows.find((candidate) => candidate.month === month);
    return { month, registrations: Number(row?.registrations ?? 0), transfers: Number(row?.transfers ?? 0) };
  });
}

export type ModelRow = {
  code: string;
  nameJa: string;
  nameEn: string;
  /** New registrations in the range. */
  registrations: number;
  /** Units in the serial registry, units ever registered, now registered. */
  registry: number;
  everRegistered: number;
  activeUnits: number;
  /** Units sold by dealers, and of them registered after the sale. */
  dealerSold: number;
  dealerSoldRegistered: number;
  /** Repair requests in the range, per 1,000 units registered now. */
  repairs: number;
  repairsPer1000: number | null;
};

export async function byModel(range: MonthRange): Promise<ModelRow[]> {
  const { start, end } = bounds(range);
  const rows = await db.$queryRaw<
    {
      code: string;
      nameJa: string;
      nameEn: string;
      registrations: bigint;
      registry: bigint;
      ever: bigint;
      active: bigint;
      sold: bigint;
      sold_registered: bigint;
      repairs: bigint;
    }[]
  >`
    SELECT m.code, m."nameJa", m."nameEn",
      (SELECT count(*) FROM "Ownership" o JOIN "SerialUnit" s ON s.id = o."unitId"
        WHERE s."modelId" = m.id AND o."transferredFromId" IS NULL AND o."registeredAt" >= ${start} AND o."registeredAt" < ${end}) AS registrations,
      (SELECT count(*) FROM "SerialUnit" s WHERE s."modelId" = m.id) AS registry,
      (SELECT count(DISTINCT o."unitId") FROM "Ownership" o JOIN "SerialUnit" s ON s.id = o."unitId" WHERE s."modelId" = m.id) AS ever,
      (SELECT count(*) FROM "Ownership" o JOIN "SerialUnit" s ON s.id = o."unitId" WHERE s."modelId" = m.id AND o."endedAt" IS NULL) AS active,
      (SELECT count(*) FROM "DealerSale" d JOIN "SerialUnit" s ON s.id = d."unitId" WHERE s."modelId" = m.id) AS sold,
      (SELECT count(*) FROM "DealerSale" d JOIN "SerialUnit" s ON s.id = d."unitId"
        WHERE s."modelId" = m.id AND EXISTS (SELECT 1 FROM "Ownership" o WHERE o."unitId" = d."unitId" AND o."registeredAt" >= d."soldOn")) AS sold_registered,
      (SELECT count(*) FROM "RepairTicket" r JOIN "SerialUnit" s ON s.id = r."unitId"
        WHERE s."modelId" = m.id AND r."createdAt" >= ${start} AND r."createdAt" < ${end}) AS repairs
    FROM "ProductModel" m ORDER BY m.code`;
  return rows.map((row) => {
    const active = Number(row.active);
    const repairs = Number(row.repairs);
    return {
      code: row.code,
      nameJa: row.nameJa,
      nameEn: row.nameEn,
      registrations: Number(row.registrations),
      registry: Number(row.registry),
      everRegistered: Number(row.ever),
      activeUnits: active,
      dealerSold: Number(row.sold),
      dealerSoldRegistered: Number(row.sold_registered),
      repairs,
      repairsPer1000: active ? Math.round((repairs / active) * 10_000) / 10 : null,
    };
  });
}

/** Warranties ending in the next 30, 60 and 90 days (from the refreshed view), and when it was refreshed. */
export async function warrantyExpiries(now: Date = new Date()) {
  const today = businessToday(now);
  const [[row], refresh] = await Promise.all([
    db.$queryRaw<{ d30: bigint; d60: bigint; d90: bigint; covered: bigint }[]>`
      SELECT count(*) FILTER (WHERE "coveredUntil" BETWEEN ${today}::date AND ${today}::date + 30) AS d30,
        count(*) FILTER (WHERE "coveredUntil" BETWEEN ${today}::date AND ${today}::date + 60) AS d60,
        count(*) FILTER (WHERE "coveredUntil" BETWEEN ${today}::date AND ${today}::date + 90) AS d90,
        count(*) FILTER (WHERE "coveredUntil" >= ${today}::date) AS covered
      FROM analytics_unit_warranty`,
    db.analyticsRefresh.findUnique({ where: { view: "analytics_unit_warranty" } }),
  ]);
  return {
    within30: Number(row?.d30 ?? 0),
    within60: Number(row?.d60 ?? 0),
    within90: Number(row?.d90 ?? 0),
    covered: Number(row?.covered ?? 0),
    refreshedAt: refresh?.refreshedAt ?? null,
  };
}

/** Median minutes to the first response and to completion, for tickets answered / completed in the range. */
export function deskTimes(range: MonthRange) {
  const { start, end } = bounds(range);
  return medianTimesBetween(start, end);
}

export async function recallCompletion() {
  const rows = await db.$queryRaw<
    { code: string; titleJa: string; titleEn: string; notices: bigint; acknowledged: bigint; completed: bigint }[]
  >`
    SELECT c.code, c."titleJa", c."titleEn", count(n.id) AS notices,
      count(n."acknowledgedAt") AS acknowledged, count(n."completedAt") AS completed
    FROM "RecallCampaign" c LEFT JOIN "RecallNotice" n ON n."campaignId" = c.id
    WHERE c.status <> 'DRAFT' GROUP BY c.id ORDER BY c."publishedAt" DESC NULLS LAST`;
  return rows.map((row) => ({
    code: row.code,
    titleJa: row.titleJa,
    titleEn: row.titleEn,
    notices: Number(row.notices),
    acknowledged: Number(row.acknowledged),
    completed: Number(row.completed),
  }));
}

/** Points issued, redeemed and expired in the range (the program's accounts), and owed now. */
export async function pointsFigures(range: MonthRange) {
  const { start, end } = bounds(range);
  const [[moved], [owed]] = await Promise.all([
    db.$queryRaw<{ issued: number; redeemed: number; expired: number }[]>`
      SELECT COALESCE(-SUM(p.amount) FILTER (WHERE p."accountId" = 'program:ISSUED'), 0)::float8 AS issued,
        COALESCE(SUM(p.amount) FILTER (WHERE p."accountId" = 'program:REDEEMED'), 0)::float8 AS redeemed,
        COALESCE(SUM(p.amount) FILTER (WHERE p."accountId" = 'program:EXPIRED'), 0)::float8 AS expired
      FROM "PointsPosting" p JOIN "PointsEntry" e ON e.id = p."entryId"
      WHERE p."accountId" IN ('program:ISSUED', 'program:REDEEMED', 'program:EXPIRED') AND e."effectiveAt" >= ${start} AND e."effectiveAt" < ${end}`,
    db.$queryRaw<{ outstanding: number }[]>`
      SELECT COALESCE(SUM(balance) FILTER (WHERE kind IN ('PENDING', 'AVAILABLE')), 0)::float8 AS outstanding
      FROM "PointsAccount" WHERE "userId" IS NOT NULL`,
  ]);
  return { issued: moved?.issued ?? 0, redeemed: moved?.redeemed ?? 0, expired: moved?.expired ?? 0, outstanding: owed?.outstanding ?? 0 };
}

/** Opt-in rates now, per optional purpose (lib/consents/stats.ts). */
export async function consentNow(): Promise<{ purpose: string; name: { ja: string; en: string }; agreeing: number; customers: number }[]> {
  const [[month], purposes] = await Promise.all([consentRates(1).then((rows) => rows.slice(-1)), purposesWithVersions()]);
  if (!month) return [];
  return Object.entries(month.agreeing).map(([purpose, agreeing]) => {
    const found = purposes.find((candidate) => candidate.id === purpose);
    return { purpose, name: { ja: found?.nameJa ?? purpose, en: found?.nameEn ?? purpose }, agreeing, customers: month.customers };
  });
}

/** Per survey: invitations, responses and, where it asks one, the NPS. */
export async function surveyScores() {
  const rows = await db.$queryRaw<
    {
      id: string;
      titleJa: string;
      titleEn: string;
      status: string;
      invitations: bigint;
      responses: bigint;
      promoters: bigint;
      detractors: bigint;
      nps_answers: bigint;
    }[]
  >`
    SELECT s.id, s."titleJa", s."titleEn", s.status,
      (SELECT count(*) FROM "SurveyInvitation" i WHERE i."surveyId" = s.id) AS invitations,
      (SELECT count(*) FROM "SurveyResponse" r WHERE r."surveyId" = s.id) AS responses,
      count(a.*) FILTER (WHERE a.number >= 9) AS promoters, count(a.*) FILTER (WHERE a.number <= 6) AS detractors, count(a.*) AS nps_answers
    FROM "Survey" s
    LEFT JOIN "SurveyQuestion" q ON q."surveyId" = s.id AND q.type = 'NPS'
    LEFT JOIN "SurveyAnswer" a ON a."questionId" = q.id AND a.number IS NOT NULL
    WHERE s.status <> 'DRAFT' GROUP BY s.id ORDER BY s."createdAt" DESC`;
  return rows.map((row) => {
    const answers = Number(row.nps_answers);
    return {
      id: row.id,
      titleJa: row.titleJa,
      titleEn: row.titleEn,
      invitations: Number(row.invitations),
      responses: Number(row.responses),
      nps: answers ? Math.round(((Number(row.promoters) - Number(row.detractors)) / answers) * 100) : null,
    };
  });
}

export async function loadDashboard(range: MonthRange) {
  const [months, models, warranty, desk, recalls, points, consents, surveys] = await Promise.all([
    registrationsByMonth(range),
    byModel(range),
    warrantyExpiries(),
    deskTimes(range),
    recallCompletion(),
    pointsFigures(range),
    consentNow(),
    surveyScores(),
  ]);
  return { months, models, warranty, desk, recalls, points, consents, surveys };
}

import { getTranslations } from "next-intl/server";
import { byModel, parseRange, recallCompletion, registrationsByMonth, surveyScores } from "@/lib/analytics/dashboard";
import { recordAudit } from "@/lib/audit/log";
import { writeCsv, type CsvCell } from "@/lib/csv/write";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

const SECTIONS = ["months", "models", "recalls", "surveys"] as const;

/** One table of the analytics dashboard as CSV (counts only, no personal data), audited; others 404. */
export const GET = defineRoute({ permission: "analytics.read", hideWhenDenied: true }, async (request, { user }) => {
  const url = new URL(request.url);
  const section = SECTIONS.find((candidate) => candidate === url.searchParams.get("section"));
  if (!section) throw new AppError("NOT_FOUND");
  const range = parseRange(Object.fromEntries(url.searchParams));
  const locale = url.searchParams.get("locale") === "en" ? "en" : "ja";
  const t = await getTranslations({ locale, namespace: "analytics.columns" });
  let header: string[];
  let rows: CsvCell[][];
  if (section === "months") {
    header = [t("month"), t("registrations"), t("transfers")];
    rows = (await registrationsByMonth(range)).map((row) => [row.month, row.registrations, row.transfers]);
  } else if (section === "models") {
    header = [
      t("model"),
      t("registrations"),
      t("registry"),
      t("everRegistered"),
      t("activeUnits"),
      t("dealerSold"),
      t("dealerSoldRegistered"),
      t("repairs"),
      t("per1000"),
    ];
    rows = (await byModel(range)).map((row) => [
      row.code,
      row.registrations,
      row.registry,
      row.everRegistered,
      row.activeUnits,
      row.dealerSold,
      row.dealerSoldRegistered,
      row.repairs,
      row.repairsPer1000,
    ]);
  } else if (section === "recalls") {
    header = [t("recall"), t("notices"), t("acknowledged"), t("completed")];
    rows = (await recallCompletion()).map((row) => [row.code, row.notices, row.acknowledged, row.completed]);
  } else {
    header = [t("survey"), t("invitations"), t("responses"), t("nps")];
    rows = (await surveyScores()).map((row) => [locale === "en" ? row.titleEn : row.titleJa, row.invitations, row.responses, row.nps]);
  }
  await recordAudit({
    action: "analytics.exported",
    outcome: "SUCCESS",
    actorId: user.id,
    details: { section, ...range, rows: rows.length },
  });
  return new Response(writeCsv(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="analytics-${section}-${range.from}-${range.to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});

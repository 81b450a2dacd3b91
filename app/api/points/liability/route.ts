import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { liabilityCsv, liabilityReport } from "@/lib/points/liability";
import { defineRoute } from "@/lib/route";
import { businessToday } from "@/lib/time/business-time";

export const dynamic = "force-dynamic";

/** The liability report as CSV for finance; 404 for anyone without the report permission. */
export const GET = defineRoute({ permission: "points.report", hideWhenDenied: true }, async (request, { user }) => {
  const requested = new URL(request.url).searchParams.get("locale");
  const locale = isLocale(requested) ? requested : isLocale(user.locale) ? user.locale : "ja";
  const t = await getTranslations({ locale, namespace: "pointsAdmin" });
  const report = await liabilityReport();
  const body = liabilityCsv(report, [
    t("report.month"),
    t("report.issued"),
    t("report.redeemed"),
    t("report.expired"),
    t("report.adjusted"),
    t("report.expiring"),
  ]);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="points-liability-${businessToday()}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

import { getTranslations } from "next-intl/server";
import { exportAuditEvents, parseAuditFilter } from "@/lib/audit/queries";
import { writeCsv, type CsvCell } from "@/lib/csv/write";
import { isLocale } from "@/lib/i18n/routing";
import { defineRoute } from "@/lib/route";
import { businessToday } from "@/lib/time/business-time";

export const dynamic = "force-dynamic";

/** The audit log as CSV, with the page's filters (issue 14); for audit readers only, anyone else 404. */
export const GET = defineRoute({ permission: "audit.read", hideWhenDenied: true }, async (request, { user }) => {
  const url = new URL(request.url);
  const filter = parseAuditFilter(Object.fromEntries(url.searchParams));
  const requested = url.searchParams.get("locale");
  const locale = isLocale(requested) ? requested : isLocale(user.locale) ? user.locale : "ja";
  const t = await getTranslations({ locale, namespace: "staff.auditCsv" });
  const rows: CsvCell[][] = [];
  for await (const row of exportAuditEvents(user, filter)) {
    rows.push([
      String(row.id),
      row.at,
      row.action,
      row.outcome,
      row.actor?.email ?? row.actorLabel ?? "",
      row.actor?.role ?? "",
      row.targetType,
      row.targetId,
      row.subjects.join(" "),
      row.ipAddress,
      row.requestId,
    ]);
  }
  const header = ["id", "at", "action", "outcome", "actor", "role", "targetType", "targetId", "subjects", "ip", "requestId"].map((key) =>
    t(key as never),
  );
  return new Response(writeCsv(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${businessToday()}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { enterLocale } from "@/lib/i18n/page";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { viewRecentAuditEvents } from "@/lib/audit/queries";
import { requireArea, requirePagePermission } from "@/lib/auth/permissions.server";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("auditTitle") };
}

export default async function AuditLogPage({ params }: PageProps<"/[locale]/admin/audit">) {
  await enterLocale(params);
  const user = await requireArea("staff");
  // Agents are staff but may not read the audit log: same 404 as any other hidden page.
  await requirePagePermission(user, "audit.read");
  const [events, t, format] = await Promise.all([viewRecentAuditEvents(user), getTranslations(), getFormatter()]);
  return (
    <>
      <PageTitle lead={t("staff.auditLead")}>{t("staff.auditTitle")}</PageTitle>
      <Card>
        {events.length === 0 ? (
          <p className="text-slate-600">{t("staff.auditEmpty")}</p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-600">{t("staff.auditCount", { count: events.length })}</p>
            <TableScroll label={t("staff.auditTitle")}>
              <table className="w-full text-left text-sm">
                <thead className="text-slate-600">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">{t("staff.auditAt")}</th>
                    <th scope="col" className="py-1 pr-3 font-medium">{t("staff.auditAction")}</th>
                    <th scope="col" className="py-1 pr-3 font-medium">{t("staff.auditOutcome")}</th>
                    <th scope="col" className="py-1 pr-3 font-medium">{t("staff.auditActor")}</th>
                    <th scope="col" className="py-1 font-medium">{t("staff.auditIp")}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((event) => (
                    <tr key={String(event.id)} className="border-t border-slate-100 align-top">
                      <td className="py-1 pr-3 whitespace-nowrap">
                        {format.dateTime(event.at, { dateStyle: "short", timeStyle: "medium" })}
                      </td>
                      <td className="py-1 pr-3">
                        {/* catalog keys cannot contain dots: "auth.sign_in" → "auth_sign_in" */}
                        {t.has(`auditActions.${event.action.replaceAll(".", "_")}` as "auditActions.auth_sign_in")
                          ? t(`auditActions.${event.action.replaceAll(".", "_")}` as "auditActions.auth_sign_in")
                          : event.action}
                      </td>
                      <td className="py-1 pr-3">{t(`auditOutcomes.${event.outcome}`)}</td>
                      <td className="py-1 pr-3">
                        {event.actor ? event.actor.email : (event.actorLabel ?? t("staff.auditUnknownActor"))}
                      </td>
                      <td className="py-1 font-mono">{event.ipAddress ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
      </Card>
    </>
  );
}

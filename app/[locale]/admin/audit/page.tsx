import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AuditFilters } from "@/components/admin/audit-filters";
import { enterLocale } from "@/lib/i18n/page";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { auditFilterParams, listRecordedAuditActions, parseAuditFilter, searchAuditEvents } from "@/lib/audit/queries";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { TableScroll } from "@/components/ui/table-scroll";
import { UserText } from "@/components/ui/user-text";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("auditTitle") };
}

export default async function AuditLogPage({ params, searchParams }: PageProps<"/[locale]/admin/audit">) {
  await enterLocale(params);
  const user = await requireStaffPage("/admin/audit");
  const filter = parseAuditFilter(await searchParams);
  const [page, actions, t, format] = await Promise.all([
    searchAuditEvents(user, filter),
    listRecordedAuditActions(),
    getTranslations(),
    getFormatter(),
  ]);
  const { events } = page;
  const filtered = Object.keys(auditFilterParams(filter)).length > 0;
  const pageLink = (cursor: Record<string, string>) => ({ pathname: "/admin/audit", query: { ...auditFilterParams(filter), ...cursor } });
  const targetType = (type: string) =>
    t.has(`staff.auditTargetTypes.${type}` as never) ? t(`staff.auditTargetTypes.${type}` as never) : type;
  const linkClass =
    "inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-800 hover:bg-slate-50";
  return (
    <>
      <PageTitle lead={t("staff.auditLead")}>{t("staff.auditTitle")}</PageTitle>
      <Card>
        <AuditFilters filter={filter} actions={actions} />
        {events.length === 0 ? (
          <p className="text-slate-600">{filtered ? t("staff.auditEmptyFiltered") : t("staff.auditEmpty")}</p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-600">{t("staff.auditShowing", { count: events.length })}</p>
            <TableScroll label={t("staff.auditTitle")}>
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("staff.auditTitle")}</caption>
                <thead className="text-slate-600">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      {t("staff.auditAt")}
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      {t("staff.auditAction")}
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      {t("staff.auditOutcome")}
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      {t("staff.auditActor")}
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      {t("staff.auditTarget")}
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      {t("staff.auditIp")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((event) => (
                    <tr key={event.id} className="border-t border-slate-100 align-top">
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
                        <UserText>{event.actor ? event.actor.email : (event.actorLabel ?? t("staff.auditUnknownActor"))}</UserText>
                      </td>
                      <td className="min-w-48 py-1 pr-3">
                        {event.targetType ? (
                          <span>
                            {targetType(event.targetType)}
                            {event.targetId && <span className="font-mono text-xs break-all text-slate-600"> {event.targetId}</span>}
                          </span>
                        ) : event.subjects.length === 0 ? (
                          "—"
                        ) : null}
                        {event.subjects.length > 0 && (
                          <UserText className="block">{t("staff.auditWhose", { people: event.subjects.join(", ") })}</UserText>
                        )}
                      </td>
                      <td className="py-1 font-mono">
                        <span className="break-all">{event.ipAddress ?? "—"}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
        {(page.newer || page.older || filter.before || filter.after) && (
          <nav aria-label={t("staff.auditPages")} className="mt-4 flex flex-wrap gap-2">
            {(filter.before || filter.after) && (
              <Link href={pageLink({})} className={linkClass}>
                {t("staff.auditNewest")}
              </Link>
            )}
            {page.newer && (
              <Link href={pageLink({ after: page.newer })} className={linkClass}>
                {t("staff.auditNewer")}
              </Link>
            )}
            {page.older && (
              <Link href={pageLink({ before: page.older })} className={linkClass}>
                {t("staff.auditOlder")}
              </Link>
            )}
          </nav>
        )}
      </Card>
    </>
  );
}

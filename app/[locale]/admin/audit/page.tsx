import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AuditFilters } from "@/components/admin/audit-filters";
import { enterLocale } from "@/lib/i18n/page";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { auditFilterParams, listRecordedAuditActions, parseAuditFilter, searchAuditEvents } from "@/lib/audit/queries";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { DataTable } from "@/components/ui/data-table";
import { UserText } from "@/components/ui/user-text";

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
  return (
    <>
      <PageTitle lead={t("staff.auditLead")}>{t("staff.auditTitle")}</PageTitle>
      <Card>
        <AuditFilters filter={filter} actions={actions} />
        {events.length > 0 && <p className="mb-3 text-sm text-slate-600">{t("staff.auditShowing", { count: events.length })}</p>}
        <DataTable
          caption={t("staff.auditTitle")}
          empty={filtered ? t("staff.auditEmptyFiltered") : t("staff.auditEmpty")}
          columns={[
            { id: "at", header: t("staff.auditAt"), className: "whitespace-nowrap" },
            { id: "action", header: t("staff.auditAction") },
            { id: "outcome", header: t("staff.auditOutcome") },
            { id: "actor", header: t("staff.auditActor") },
            { id: "target", header: t("staff.auditTarget"), className: "min-w-48" },
            { id: "ip", header: t("staff.auditIp"), className: "font-mono" },
          ]}
          rows={events.map((event) => ({
            id: String(event.id),
            cells: {
              at: format.dateTime(event.at, { dateStyle: "short", timeStyle: "medium" }),
              // catalog keys cannot contain dots: "auth.sign_in" → "auth_sign_in"
              action: t.has(`auditActions.${event.action.replaceAll(".", "_")}` as "auditActions.auth_sign_in")
                ? t(`auditActions.${event.action.replaceAll(".", "_")}` as "auditActions.auth_sign_in")
                : event.action,
              outcome: t(`auditOutcomes.${event.outcome}`),
              actor: <UserText>{event.actor ? event.actor.email : (event.actorLabel ?? t("staff.auditUnknownActor"))}</UserText>,
              target: (
                <>
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
                </>
              ),
              ip: <span className="break-all">{event.ipAddress ?? "—"}</span>,
            },
          }))}
          // Keyset paging in the URL (lib/audit/queries.ts): the links keep the filter.
          serverPaging={{
            label: t("staff.auditPages"),
            first: filter.before || filter.after ? { href: pageLink({}), label: t("staff.auditNewest") } : undefined,
            previous: page.newer ? { href: pageLink({ after: page.newer }), label: t("staff.auditNewer") } : undefined,
            next: page.older ? { href: pageLink({ before: page.older }), label: t("staff.auditOlder") } : undefined,
          }}
        />
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RepairQueueFilters } from "@/components/admin/repair-queue-filters";
import { SlaBadge } from "@/components/admin/sla-badge";
import { PageTitle } from "@/components/page-title";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { TabLinks } from "@/components/ui/tab-links";
import { UserText } from "@/components/ui/user-text";
import { enterLocale } from "@/lib/i18n/page";
import { Link } from "@/lib/i18n/navigation";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import {
  parseQueueFilter,
  queueFilterParams,
  NAME_SEARCH_MIN_LENGTH,
  QUEUE_VIEWS,
  SEARCH_PEOPLE_LIMIT,
  type QueueFilter,
} from "@/lib/repairs/queue";
import { loadQueueFilterOptions, viewQueuePage } from "@/lib/repairs/queue-view";
import type { Clock } from "@/lib/repairs/sla";
import { businessTimeZone } from "@/lib/time/business-time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("repairs.queue"))("title") };
}

export default async function RepairQueuePage({ params, searchParams }: PageProps<"/[locale]/admin/repairs">) {
  await enterLocale(params);
  const user = await requireStaffPage("/admin/repairs");
  const filter = parseQueueFilter(await searchParams);
  const [page, options, t, label, format, locale] = await Promise.all([
    viewQueuePage(filter, user),
    loadQueueFilterOptions(),
    getTranslations("repairs.queue"),
    getTranslations("repairs.staffLabels"),
    getFormatter(),
    getLocale(),
  ]);
  const filterParams = queueFilterParams(filter);
  const pageLink = (cursor: Record<string, string>) => ({ pathname: "/admin/repairs", query: { ...filterParams, ...cursor } });
  const viewLink = (view: QueueFilter["view"]) => ({ pathname: "/admin/repairs", query: view === "all" ? {} : { view } });
  // Anything narrowing the view beyond the tab itself: the empty state then says so.
  const narrowed = Object.keys(filterParams).some((key) => key !== "view");
  const timeZone = businessTimeZone();
  const due = (clock: Clock) =>
    t("due", { time: format.dateTime(clock.dueAt, { timeZone, month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }) });
  const exportHref = `/api/repairs/export?${new URLSearchParams({ ...filterParams, locale }).toString()}`;
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <TabLinks
        label={t("views")}
        tabs={QUEUE_VIEWS.map((view) => ({
          key: view,
          href: viewLink(view),
          label: t(`viewNames.${view}`),
          current: filter.view === view,
        }))}
      />
      <Card>
        <RepairQueueFilters filter={filter} options={options} />
        {page.searchNotice && (
          <div className="mb-3">
            <Alert>
              {page.searchNotice === "cut"
                ? t("searchCut", { limit: SEARCH_PEOPLE_LIMIT })
                : t("searchTooShort", { min: NAME_SEARCH_MIN_LENGTH })}
            </Alert>
          </div>
        )}
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-600">{page.rows.length > 0 ? t("showing", { count: page.rows.length }) : null}</p>
          {/* A plain link: the browser downloads the file the route streams (not a page of the app). */}
          <a
            href={exportHref}
            className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-800 hover:bg-slate-50"
          >
            {t("exportCsv")}
          </a>
        </div>
        <DataTable
          caption={t(`viewNames.${filter.view}`)}
          empty={narrowed ? t("empty.filtered") : t(`empty.${filter.view}`)}
          columns={[
            { id: "number", header: t("columns.number"), className: "whitespace-nowrap font-mono" },
            { id: "status", header: t("columns.status"), className: "whitespace-nowrap" },
            { id: "product", header: t("columns.product"), className: "whitespace-nowrap" },
            { id: "customer", header: t("columns.customer"), className: "min-w-32" },
            { id: "assignee", header: t("columns.assignee"), className: "min-w-32" },
            { id: "coverage", header: t("columns.coverage"), className: "whitespace-nowrap" },
            { id: "firstResponse", header: t("columns.firstResponse") },
            { id: "resolution", header: t("columns.resolution") },
            { id: "created", header: t("columns.created"), className: "whitespace-nowrap" },
          ]}
          rows={page.rows.map((row) => ({
            id: row.id,
            cells: {
              number: (
                <Link href={`/admin/repairs/${row.id}`} className="text-brand-700 underline">
                  {row.number}
                </Link>
              ),
              status: label(`status.${row.status}`),
              product: (
                <span className="flex flex-col">
                  {/* Codes and serials are identifiers, not words: they may break anywhere in a narrow cell. */}
                  <span className="break-all">{row.unit.model.code}</span>
                  <span className="font-mono text-xs break-all text-slate-600">{row.unit.serial}</span>
                </span>
              ),
              customer: <UserText>{row.customer.name ?? "—"}</UserText>,
              assignee: row.assignee ? <UserText>{row.assignee.name ?? row.assignee.email}</UserText> : t("nobody"),
              coverage: label(`coverage.${row.coverage}`),
              firstResponse: (
                <SlaBadge
                  state={row.clocks.firstResponse.state}
                  label={label(`clock.${row.clocks.firstResponse.state}`)}
                  due={due(row.clocks.firstResponse)}
                />
              ),
              resolution: (
                <SlaBadge
                  state={row.clocks.resolution.state}
                  label={label(`clock.${row.clocks.resolution.state}`)}
                  due={due(row.clocks.resolution)}
                />
              ),
              created: format.dateTime(row.createdAt, { timeZone, dateStyle: "short", timeStyle: "short" }),
            },
          }))}
          // Keyset paging in the URL (lib/repairs/queue.ts): the links keep the view and the filters.
          serverPaging={{
            label: t("pages"),
            first: filter.after || filter.before ? { href: pageLink({}), label: t("firstPage") } : undefined,
            previous: page.previous ? { href: pageLink({ before: page.previous }), label: t("previousPage") } : undefined,
            next: page.next ? { href: pageLink({ after: page.next }), label: t("nextPage") } : undefined,
          }}
        />
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { RefreshAnalyticsButton } from "@/components/admin/analytics/refresh-button";
import { PageTitle } from "@/components/page-title";
import { BarChart } from "@/components/ui/bar-chart";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FormField } from "@/components/ui/form-field";
import { loadDashboard, parseRange } from "@/lib/analytics/dashboard";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics"))("title") };
}

/**
 * The analytics dashboard (issue 15): for the chosen months, registrations (per month and model,
 * against the registry and dealer sales), warranty expiries coming, repairs per model and per
 * 1,000 units, desk times, recall completion, points, consent opt-in and survey scores. Each table
 * has its CSV; every number also appears as text, not only in a chart.
 */
export default async function AnalyticsPage({ params, searchParams }: PageProps<"/[locale]/admin/analytics">) {
  const locale = await enterLocale(params);
  await requireStaffPage("/admin/analytics");
  const range = parseRange(await searchParams);
  const [data, t, format] = await Promise.all([loadDashboard(range), getTranslations("analytics"), getFormatter()]);
  const number = (value: number) => format.number(value);
  const percent = (part: number, whole: number) =>
    whole ? format.number(part / whole, { style: "percent", maximumFractionDigits: 1 }) : "—";
  const duration = (minutes: number | null) =>
    minutes === null
      ? t("noData")
      : minutes < 2880
        ? t("hours", { hours: format.number(minutes / 60, { maximumFractionDigits: 1 }) })
        : t("days", { days: format.number(minutes / 1440, { maximumFractionDigits: 1 }) });
  const csv = (section: string) => `/api/analytics/export?section=${section}&from=${range.from}&to=${range.to}&locale=${locale}`;
  const csvLink = (section: string) => (
    <a href={csv(section)} className="text-sm text-brand-700 underline">
      {t("csv")}
    </a>
  );
  const registered = data.months.reduce((sum, month) => sum + month.registrations, 0);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label={t("rangeLabel")}>
        <FormField type="month" name="from" label={t("from")} defaultValue={range.from} />
        <FormField type="month" name="to" label={t("to")} defaultValue={range.to} />
        <Button type="submit" variant="secondary">
          {t("apply")}
        </Button>
      </form>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("registrationsTitle")} className="lg:col-span-2">
          <p className="mb-2 text-sm text-slate-700" data-testid="registrations-total">
            {t("registrationsTotal", { count: registered })}
          </p>
          <BarChart
            title={t("registrationsTitle")}
            description={t("registrationsDescription", { from: range.from, to: range.to, count: registered })}
            series={[
              { key: "registrations", label: t("registrations"), color: "#2563eb" },
              { key: "transfers", label: t("transfers"), color: "#059669" },
            ]}
            groups={data.months.map((month) => ({
              label: month.month,
              shortLabel: month.month.slice(2),
              values: { registrations: month.registrations, transfers: month.transfers },
            }))}
            tableLabel={t("showNumbers")}
            categoryHeader={t("month")}
          />
          <p className="mt-2">{csvLink("months")}</p>
        </Card>
        <Card title={t("modelsTitle")} className="lg:col-span-2">
          <DataTable
            caption={t("modelsTitle")}
            empty={t("noData")}
            columns={[
              { id: "model", header: t("columns.model"), className: "min-w-40" },
              { id: "registrations", header: t("columns.registrations"), className: "text-right" },
              { id: "rate", header: t("columns.registryRate"), className: "text-right" },
              { id: "dealer", header: t("columns.dealerRate"), className: "text-right" },
              { id: "repairs", header: t("columns.repairs"), className: "text-right" },
              { id: "per1000", header: t("columns.per1000"), className: "text-right" },
            ]}
            rows={data.models.map((model) => ({
              id: model.code,
              cells: {
                model: `${model.code} — ${locale === "en" ? model.nameEn : model.nameJa}`,
                registrations: number(model.registrations),
                rate: `${percent(model.everRegistered, model.registry)} (${number(model.everRegistered)} / ${number(model.registry)})`,
                dealer: `${percent(model.dealerSoldRegistered, model.dealerSold)} (${number(model.dealerSoldRegistered)} / ${number(model.dealerSold)})`,
                repairs: number(model.repairs),
                per1000: model.repairsPer1000 === null ? "—" : format.number(model.repairsPer1000, { maximumFractionDigits: 1 }),
              },
            }))}
          />
          <p className="mt-2 text-sm text-slate-600">{t("modelsNote")}</p>
          <p className="mt-1">{csvLink("models")}</p>
        </Card>
        <Card title={t("warrantyTitle")}>
          <dl className="grid gap-3 sm:grid-cols-3">
            {(
              [
                ["within30", data.warranty.within30],
                ["within60", data.warranty.within60],
                ["within90", data.warranty.within90],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="rounded-md bg-slate-50 p-3">
                <dt className="text-sm text-slate-600">{t(key)}</dt>
                <dd className="text-2xl font-bold tabular-nums">{number(value)}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 text-sm text-slate-600">
            {data.warranty.refreshedAt
              ? t("asOf", { at: format.dateTime(data.warranty.refreshedAt, { dateStyle: "medium", timeStyle: "short" }) })
              : t("neverRefreshed")}
          </p>
          <div className="mt-2">
            <RefreshAnalyticsButton />
          </div>
        </Card>
        <Card title={t("deskTitle")}>
          <dl className="grid gap-3 sm:grid-cols-2">
            <div className="rounded-md bg-slate-50 p-3">
              <dt className="text-sm text-slate-600">{t("firstResponse")}</dt>
              <dd className="text-2xl font-bold">{duration(data.desk.firstResponseMinutes)}</dd>
              <dd className="text-sm text-slate-600">{t("basedOn", { count: data.desk.firstResponseCount })}</dd>
            </div>
            <div className="rounded-md bg-slate-50 p-3">
              <dt className="text-sm text-slate-600">{t("resolution")}</dt>
              <dd className="text-2xl font-bold">{duration(data.desk.resolutionMinutes)}</dd>
              <dd className="text-sm text-slate-600">{t("basedOn", { count: data.desk.resolutionCount })}</dd>
            </div>
          </dl>
        </Card>
        <Card title={t("pointsTitle")}>
          <dl className="grid gap-3 sm:grid-cols-2" data-testid="points-figures">
            {(
              [
                ["issued", data.points.issued],
                ["redeemed", data.points.redeemed],
                ["expired", data.points.expired],
                ["outstanding", data.points.outstanding],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="rounded-md bg-slate-50 p-3">
                <dt className="text-sm text-slate-600">{t(`points.${key}`)}</dt>
                <dd className="text-2xl font-bold tabular-nums">{number(value)}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t("consentTitle")}>
          {data.consents.length ? (
            <ul className="space-y-1 text-sm">
              {data.consents.map((row) => (
                <li key={row.purpose} className="flex justify-between gap-3">
                  <span>{row.name[locale]}</span>
                  <span className="tabular-nums">{percent(row.agreeing, row.customers)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">{t("noData")}</p>
          )}
        </Card>
        <Card title={t("recallsTitle")} className="lg:col-span-2">
          <DataTable
            caption={t("recallsTitle")}
            empty={t("noRecalls")}
            columns={[
              { id: "recall", header: t("columns.recall"), className: "min-w-48" },
              { id: "notices", header: t("columns.notices"), className: "text-right" },
              { id: "acknowledged", header: t("columns.acknowledged"), className: "text-right" },
              { id: "completed", header: t("columns.completed"), className: "text-right" },
            ]}
            rows={data.recalls.map((recall) => ({
              id: recall.code,
              cells: {
                recall: `${recall.code} — ${locale === "en" ? recall.titleEn : recall.titleJa}`,
                notices: number(recall.notices),
                acknowledged: `${number(recall.acknowledged)} (${percent(recall.acknowledged, recall.notices)})`,
                completed: `${number(recall.completed)} (${percent(recall.completed, recall.notices)})`,
              },
            }))}
          />
          <p className="mt-2">{csvLink("recalls")}</p>
        </Card>
        <Card title={t("surveysTitle")} className="lg:col-span-2">
          <DataTable
            caption={t("surveysTitle")}
            empty={t("noSurveys")}
            columns={[
              { id: "survey", header: t("columns.survey"), className: "min-w-48" },
              { id: "responses", header: t("columns.responses"), className: "text-right" },
              { id: "rate", header: t("columns.responseRate"), className: "text-right" },
              { id: "nps", header: t("columns.nps"), className: "text-right" },
            ]}
            rows={data.surveys.map((survey) => ({
              id: survey.id,
              cells: {
                survey: locale === "en" ? survey.titleEn : survey.titleJa,
                responses: <span data-testid="survey-responses">{number(survey.responses)}</span>,
                rate: percent(survey.responses, survey.invitations),
                nps: survey.nps === null ? "—" : number(survey.nps),
              },
            }))}
          />
          <p className="mt-2">{csvLink("surveys")}</p>
        </Card>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { listModels } from "@/lib/catalog/models";
import { enterLocale } from "@/lib/i18n/page";
import { Link } from "@/lib/i18n/navigation";
import { nameIn } from "@/lib/i18n/localized";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalog"))("title") };
}

export default async function CatalogPage({ params, searchParams }: PageProps<"/[locale]/admin/catalog">) {
  await enterLocale(params);
  await requireStaffPage("/admin/catalog");
  const [models, t, locale, query] = await Promise.all([listModels(), getTranslations("catalog"), getLocale(), searchParams]);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {typeof query.saved === "string" && (
        <div className="mb-4">
          <Alert tone="success">{t("saved", { code: query.saved })}</Alert>
        </div>
      )}
      <div className="mb-4">
        <Button asChild>
          <Link href="/admin/catalog/new">{t("newModel")}</Link>
        </Button>
      </div>
      <DataTable
        caption={t("title")}
        className="rounded-lg border border-slate-200 bg-white"
        empty={t("empty")}
        columns={[
          { id: "code", header: t("code"), sortable: true, className: "font-mono whitespace-nowrap" },
          { id: "name", header: t("name"), sortable: true },
          { id: "terms", header: t("warrantyTerms"), sortable: true },
          { id: "serial", header: t("serialFormat"), className: "font-mono" },
          { id: "units", header: t("units"), sortable: true },
        ]}
        rows={models.map((model) => ({
          id: model.id,
          sort: { code: model.code, name: nameIn(locale, model), terms: model.warrantyMonths, units: model._count.units },
          cells: {
            code: (
              <>
                <Link href={`/admin/catalog/${encodeURIComponent(model.code)}`} className="font-semibold text-brand-700 underline">
                  {model.code}
                </Link>
                {model.archivedAt && <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs">{t("archivedBadge")}</span>}
              </>
            ),
            name: nameIn(locale, model),
            terms: (
              <>
                {t("termsSummary", { months: model.warrantyMonths, bonus: model.registrationBonusMonths, plans: model._count.plans })}
                <br />
                <span className="text-slate-600">{t(`basis.${model.warrantyBasis}`)}</span>
              </>
            ),
            serial: (
              <>
                {model.serialPattern} <span className="text-slate-600">({t(`checkDigits.${model.checkDigit}`)})</span>
              </>
            ),
            units: model._count.units,
          },
        }))}
      />
    </>
  );
}

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
import { TableScroll } from "@/components/ui/table-scroll";

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
      <TableScroll label={t("title")} className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("code")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("name")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("warrantyTerms")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("serialFormat")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("units")}
              </th>
            </tr>
          </thead>
          <tbody>
            {models.map((model) => (
              <tr key={model.id} className="border-t border-slate-100">
                <td className="px-3 py-2 font-mono whitespace-nowrap">
                  <Link href={`/admin/catalog/${encodeURIComponent(model.code)}`} className="font-semibold text-brand-700 underline">
                    {model.code}
                  </Link>
                  {model.archivedAt && <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs">{t("archivedBadge")}</span>}
                </td>
                <td className="px-3 py-2">{nameIn(locale, model)}</td>
                <td className="px-3 py-2">
                  {t("termsSummary", { months: model.warrantyMonths, bonus: model.registrationBonusMonths, plans: model._count.plans })}
                  <br />
                  <span className="text-slate-600">{t(`basis.${model.warrantyBasis}`)}</span>
                </td>
                <td className="px-3 py-2 font-mono">
                  {model.serialPattern} <span className="text-slate-600">({t(`checkDigits.${model.checkDigit}`)})</span>
                </td>
                <td className="px-3 py-2">{model._count.units}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PointsAdminNav } from "@/components/admin/points/points-admin-nav";
import { PageTitle } from "@/components/page-title";
import { Button } from "@/components/ui/button";
import { TableScroll } from "@/components/ui/table-scroll";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { listRules } from "@/lib/points/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pointsAdmin"))("rulesTitle") };
}

/** Earning rules with their current version; each opens its version history. */
export default async function RulesPage({ params }: PageProps<"/[locale]/admin/points/rules">) {
  await enterLocale(params);
  await requireStaffPage("/admin/points/rules");
  const [rules, t, format, locale] = await Promise.all([listRules(), getTranslations("pointsAdmin"), getFormatter(), getLocale()]);
  return (
    <>
      <PageTitle lead={t("rulesLead")}>{t("rulesTitle")}</PageTitle>
      <PointsAdminNav current="/admin/points/rules" />
      <div className="mb-4">
        <Button asChild>
          <Link href="/admin/points/rules/new">{t("newCampaign")}</Link>
        </Button>
      </div>
      <TableScroll label={t("rulesTitle")}>
        <table className="w-full min-w-[40rem] text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3">
                {t("rule.name")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("rule.kind")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("rule.points")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("rule.version")}
              </th>
              <th scope="col" className="py-2">
                {t("rule.active")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => {
              const current = rule.versions[0];
              return (
                <tr key={rule.id} className="border-b border-slate-100">
                  <td className="py-2 pr-3">
                    <Link href={`/admin/points/rules/${rule.id}`} className="font-semibold text-brand-700 underline">
                      {current ? (locale === "en" ? current.nameEn : current.nameJa) : rule.code}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">{t(`ruleKind.${rule.kind}`)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{current ? format.number(current.points) : "—"}</td>
                  <td className="py-2 pr-3">{t("rule.versionShown", { version: current?.version ?? 0 })}</td>
                  <td className="py-2">{current?.active ? t("rule.activeYes") : t("rule.activeNo")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

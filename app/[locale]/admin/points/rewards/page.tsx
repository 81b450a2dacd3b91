import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PointsAdminNav } from "@/components/admin/points/points-admin-nav";
import { PageTitle } from "@/components/page-title";
import { Button } from "@/components/ui/button";
import { TableScroll } from "@/components/ui/table-scroll";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { listRewardsForAdmin } from "@/lib/points/rewards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pointsAdmin"))("rewardsTitle") };
}

/** The rewards catalog for admins: cost, stock, codes left, redemptions. */
export default async function RewardsAdminPage({ params }: PageProps<"/[locale]/admin/points/rewards">) {
  await enterLocale(params);
  await requireStaffPage("/admin/points/rewards");
  const [rewards, t, tp, format, locale] = await Promise.all([
    listRewardsForAdmin(),
    getTranslations("pointsAdmin"),
    getTranslations("points"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <>
      <PageTitle lead={t("rewardsLead")}>{t("rewardsTitle")}</PageTitle>
      <PointsAdminNav current="/admin/points/rewards" />
      <div className="mb-4">
        <Button asChild>
          <Link href="/admin/points/rewards/new">{t("newReward")}</Link>
        </Button>
      </div>
      {rewards.length === 0 ? (
        <p className="text-slate-700">{t("rewardsNone")}</p>
      ) : (
        <TableScroll label={t("rewardsTitle")}>
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  {t("reward.name")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("reward.kind")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("reward.cost")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("reward.left")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("reward.redeemed")}
                </th>
                <th scope="col" className="py-2">
                  {t("reward.active")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rewards.map((r) => (
                <tr key={r.id} className="border-b border-slate-100">
                  <td className="py-2 pr-3">
                    <Link href={`/admin/points/rewards/${r.id}`} className="font-semibold text-brand-700 underline">
                      {locale === "en" ? r.nameEn : r.nameJa}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">{tp(`rewardKind.${r.kind}`)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{format.number(r.cost)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">
                    {r.kind === "COUPON"
                      ? format.number(r._count.coupons)
                      : r.stock === null
                        ? t("reward.unlimited")
                        : format.number(r.stock)}
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{format.number(r._count.redemptions)}</td>
                  <td className="py-2">{r.active ? t("reward.activeYes") : t("reward.activeNo")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

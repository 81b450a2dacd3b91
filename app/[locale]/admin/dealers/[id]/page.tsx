import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DealerActiveButton } from "@/components/admin/dealers/dealer-active-button";
import { DealerForm } from "@/components/admin/dealers/dealer-form";
import { FlaggedSaleActions } from "@/components/admin/dealers/flagged-sale-actions";
import { StaffInviteForm } from "@/components/dealer/staff-invite-form";
import { StaffList } from "@/components/dealer/staff-list";
import { PageTitle } from "@/components/page-title";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getDealer } from "@/lib/dealers/admin";
import { listDealerStaff } from "@/lib/dealers/staff";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dealersAdmin"))("editTitle") };
}

/** One dealer for staff admins: details, active or not, its people (invite its admin), serials sold twice. */
export default async function DealerAdminPage({ params }: PageProps<"/[locale]/admin/dealers/[id]">) {
  await enterLocale(params);
  const user = await requireStaffPage("/admin/dealers/[id]");
  const id = (await params).id.slice(0, 40);
  const [dealer, people, t, format] = await Promise.all([
    getDealer(user, id),
    listDealerStaff(user, id),
    getTranslations("dealersAdmin"),
    getFormatter(),
  ]);
  if (!dealer || !people) notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/dealers" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={dealer.code}>{dealer.name}</PageTitle>
      <div className="space-y-6">
        {dealer.deactivatedAt && (
          <Alert>{t("deactivatedSince", { date: format.dateTime(dealer.deactivatedAt, { dateStyle: "long" }) })}</Alert>
        )}
        <Card title={t("detailsTitle")}>
          <DealerForm
            dealer={{ id: dealer.id, code: dealer.code, name: dealer.name, prefecture: dealer.prefecture ?? "", phone: dealer.phone ?? "" }}
          />
          <div className="mt-6 border-t border-slate-200 pt-4">
            <DealerActiveButton dealerId={dealer.id} name={dealer.name} active={!dealer.deactivatedAt} />
          </div>
        </Card>
        <Card title={t("peopleTitle")}>
          <StaffList people={people} selfId={user.id} asStaffAdmin />
          {!dealer.deactivatedAt && (
            <div className="mt-6 border-t border-slate-200 pt-4">
              <h3 className="mb-3 font-semibold">{t("inviteTitle")}</h3>
              <StaffInviteForm dealerId={dealer.id} asStaffAdmin />
            </div>
          )}
        </Card>
        <Card title={t("soldTwiceTitle", { count: dealer.sales.length })}>
          {dealer.sales.length === 0 ? (
            <p className="text-slate-700">{t("soldTwiceNone")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {dealer.sales.map((sale) => {
                const others = sale.unit.dealerSales.filter((other) => other.dealer.code !== dealer.code);
                const owner = sale.unit.ownerships[0];
                return (
                  <li key={sale.id} className="space-y-1 py-3">
                    <p className="font-mono break-all">
                      {sale.unit.serial} · {format.dateTime(sale.soldOn, { dateStyle: "medium", timeZone: "UTC" })}
                    </p>
                    {others.map((other) => (
                      <p key={other.dealer.code} className="text-sm text-slate-700">
                        {t("alsoSoldBy", {
                          dealer: `${other.dealer.name} (${other.dealer.code})`,
                          date: format.dateTime(other.soldOn, { dateStyle: "medium", timeZone: "UTC" }),
                        })}
                      </p>
                    ))}
                    {owner && (
                      <p className="text-sm text-slate-700">
                        {t("registeredWith", {
                          shop: owner.dealer?.name ?? t("noShop"),
                          date: format.dateTime(owner.registeredAt, { dateStyle: "medium" }),
                        })}
                      </p>
                    )}
                    <FlaggedSaleActions saleId={sale.id} serial={sale.unit.serial} />
                  </li>
                );
              })}
            </ul>
          )}
          <p className="mt-2 text-sm text-slate-600">{t("salesCount", { count: dealer._count.sales })}</p>
        </Card>
      </div>
    </>
  );
}

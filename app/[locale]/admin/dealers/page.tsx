import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { UserText } from "@/components/ui/user-text";
import { listDealers } from "@/lib/dealers/admin";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dealersAdmin"))("title") };
}

/** Dealers for staff admins: code, name, people, sales and registrations; deactivated ones last. */
export default async function DealersAdminPage({ params }: PageProps<"/[locale]/admin/dealers">) {
  await enterLocale(params);
  const user = await requireStaffPage("/admin/dealers");
  const [dealers, t, format] = await Promise.all([listDealers(user), getTranslations("dealersAdmin"), getFormatter()]);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="mb-4">
        <Button asChild>
          <Link href="/admin/dealers/new">{t("new")}</Link>
        </Button>
      </div>
      <Card>
        <DataTable
          caption={t("title")}
          empty={t("empty")}
          columns={[
            { id: "code", header: t("code"), className: "whitespace-nowrap font-mono", sortable: true },
            { id: "name", header: t("name"), className: "min-w-40", sortable: true },
            { id: "people", header: t("people") },
            { id: "sales", header: t("sales") },
            { id: "owners", header: t("registrations") },
            { id: "state", header: t("state"), className: "whitespace-nowrap" },
          ]}
          rows={dealers.map((dealer) => ({
            id: dealer.id,
            sort: { code: dealer.code, name: dealer.name },
            cells: {
              code: (
                <Link href={`/admin/dealers/${dealer.id}`} className="text-brand-700 underline">
                  {dealer.code}
                </Link>
              ),
              name: (
                <span className="flex flex-col">
                  <UserText>{dealer.name}</UserText>
                  {dealer.prefecture && <span className="text-sm text-slate-600">{dealer.prefecture}</span>}
                </span>
              ),
              people: format.number(dealer._count.staff),
              sales: format.number(dealer._count.sales),
              owners: format.number(dealer._count.ownerships),
              state: dealer.deactivatedAt ? t("stateDeactivated") : t("stateActive"),
            },
          }))}
        />
      </Card>
    </>
  );
}

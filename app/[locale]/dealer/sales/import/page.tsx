import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { SalesImportForm } from "@/components/dealer/sales-import-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { UserText } from "@/components/ui/user-text";
import { listSaleImports } from "@/lib/dealers/sales";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireDealerPage } from "@/lib/navigation/dealer-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dealer.sales"))("importTitle") };
}

/** Import the shop's sales from CSV (all or nothing), with the format and the shop's earlier imports. */
export default async function DealerSalesImportPage({ params }: PageProps<"/[locale]/dealer/sales/import">) {
  await enterLocale(params);
  const user = await requireDealerPage("/dealer/sales/import");
  const [imports, t, format] = await Promise.all([listSaleImports(user), getTranslations("dealer.sales"), getFormatter()]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dealer/sales" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={t("importLead")}>{t("importTitle")}</PageTitle>
      <div className="space-y-6">
        <Card>
          <SalesImportForm />
        </Card>
        <Card title={t("formatTitle")}>
          <p className="mb-2 text-sm text-slate-700">{t("formatBody")}</p>
          <pre tabIndex={0} aria-label={t("formatExample")} className="overflow-x-auto rounded-md bg-slate-100 p-3 text-sm">
            {"serial,sold_on,customer_email\nAC26-000123,2026-11-20,taro@example.com\nAC26-000124,2026/11/21,"}
          </pre>
        </Card>
        <Card title={t("historyTitle")}>
          <DataTable
            caption={t("historyTitle")}
            empty={t("historyEmpty")}
            columns={[
              { id: "when", header: t("columns.importedAt"), className: "whitespace-nowrap" },
              { id: "file", header: t("columns.file"), className: "min-w-32 break-all" },
              { id: "rows", header: t("columns.rows") },
              { id: "by", header: t("columns.by") },
            ]}
            rows={imports.map((row) => ({
              id: row.id,
              cells: {
                when: format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                file: <UserText>{row.fileName}</UserText>,
                rows:
                  row.flaggedCount > 0 ? t("rowsFlagged", { rows: row.rowCount, flagged: row.flaggedCount }) : format.number(row.rowCount),
                by: <UserText>{row.importedBy.name ?? "—"}</UserText>,
              },
            }))}
          />
        </Card>
      </div>
    </>
  );
}

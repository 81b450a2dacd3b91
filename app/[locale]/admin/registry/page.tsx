import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { RegistryImportPanel } from "@/components/admin/registry-import-panel";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { enterLocale } from "@/lib/i18n/page";
import { listRegistryImports } from "@/lib/products/registry-import";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registry"))("title") };
}

export default async function RegistryPage({ params }: PageProps<"/[locale]/admin/registry">) {
  await enterLocale(params);
  await requireStaffPage("/admin/registry");
  const [imports, t, format] = await Promise.all([listRegistryImports(), getTranslations("registry"), getFormatter()]);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("importTitle")}>
          <RegistryImportPanel />
        </Card>
        <Card title={t("historyTitle")}>
          {imports.length === 0 ? (
            <p className="text-sm text-slate-700">{t("noImports")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {imports.map((item) => (
                <li key={item.id} className="rounded border border-slate-200 p-2">
                  <span className="font-mono">{item.fileName}</span> ·{" "}
                  {format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  <br />
                  {t(`status.${item.status}`, { imported: item.importedRows, errors: item.errorCount })}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

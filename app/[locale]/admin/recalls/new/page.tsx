import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { RecallForm } from "@/components/admin/recall-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { listModels } from "@/lib/catalog/models";
import { enterLocale } from "@/lib/i18n/page";
import { nameIn } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recallsAdmin"))("new") };
}

export default async function NewRecallPage({ params }: PageProps<"/[locale]/admin/recalls/new">) {
  await enterLocale(params);
  await requireStaffPage("/admin/recalls/new");
  const [models, t, locale] = await Promise.all([listModels(), getTranslations("recallsAdmin"), getLocale()]);
  return (
    <>
      <PageTitle lead={t("newLead")}>{t("new")}</PageTitle>
      <Card className="max-w-4xl">
        <RecallForm models={models.map((model) => ({ code: model.code, name: nameIn(locale, model) }))} />
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ModelForm } from "@/components/admin/model-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalog"))("newModel") };
}

export default async function NewModelPage({ params }: PageProps<"/[locale]/admin/catalog/new">) {
  await enterLocale(params);
  await requireStaffPage("/admin/catalog/new");
  const t = await getTranslations("catalog");
  return (
    <>
      <PageTitle>{t("newModel")}</PageTitle>
      <Card className="max-w-3xl">
        <ModelForm
          existingCode={null}
          initial={{
            code: "",
            nameJa: "",
            nameEn: "",
            category: "",
            warrantyMonths: 12,
            warrantyBasis: "PURCHASE_DATE",
            graceMonths: 3,
            registrationBonusMonths: 0,
            registrationWindowDays: "30",
            serialPattern: "[0-9A-Z]{6,20}",
            checkDigit: "NONE",
            imageFileId: "",
            archived: false,
          }}
        />
      </Card>
    </>
  );
}

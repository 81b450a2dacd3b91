import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SurveyForm } from "@/components/admin/engagement/survey-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { listAttributes } from "@/lib/profiling/attributes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("engagement.surveys"))("new") };
}

export default async function NewSurveyPage({ params }: PageProps<"/[locale]/admin/engagement/surveys/new">) {
  const locale = await enterLocale(params);
  await requireStaffPage("/admin/engagement/surveys/new");
  const [attributes, t] = await Promise.all([listAttributes(), getTranslations("engagement.surveys")]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/engagement/surveys" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={t("newLead")}>{t("new")}</PageTitle>
      <Card className="max-w-4xl">
        <SurveyForm
          attributes={attributes
            .filter((attribute) => !attribute.archivedAt)
            .map((attribute) => ({
              id: attribute.id,
              type: attribute.type,
              label: locale === "en" ? attribute.labelEn : attribute.labelJa,
            }))}
        />
      </Card>
    </>
  );
}

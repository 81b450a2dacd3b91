import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PromptForm } from "@/components/admin/engagement/prompt-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { listAttributes } from "@/lib/profiling/attributes";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("engagement.prompts"))("new") };
}

export default async function NewPromptPage({ params }: PageProps<"/[locale]/admin/engagement/profiling/prompts/new">) {
  const locale = await enterLocale(params);
  await requireStaffPage("/admin/engagement/profiling/prompts/new");
  const [attributes, t] = await Promise.all([listAttributes(), getTranslations("engagement")]);
  const asked = attributes.filter((attribute) => !attribute.archivedAt);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/engagement/profiling" className="text-brand-700 underline">
          ← {t("profiling.title")}
        </Link>
      </p>
      <PageTitle lead={t("prompts.lead")}>{t("prompts.new")}</PageTitle>
      <Card className="max-w-3xl">
        {asked.length === 0 ? (
          <p>
            {t("prompts.noAttributes")}{" "}
            <Link href="/admin/engagement/profiling/attributes/new" className="text-brand-700 underline">
              {t("attributes.new")}
            </Link>
          </p>
        ) : (
          <PromptForm
            attributes={asked.map((attribute) => ({ id: attribute.id, label: locale === "en" ? attribute.labelEn : attribute.labelJa }))}
          />
        )}
      </Card>
    </>
  );
}

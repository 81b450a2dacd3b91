import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PromptForm } from "@/components/admin/engagement/prompt-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { listAttributes, listPrompts } from "@/lib/profiling/attributes";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("engagement.prompts"))("title") };
}

export default async function PromptPage({ params }: PageProps<"/[locale]/admin/engagement/profiling/prompts/[id]">) {
  const locale = await enterLocale(params);
  await requireStaffPage("/admin/engagement/profiling/prompts/[id]");
  const { id } = await params;
  const [prompts, attributes, t] = await Promise.all([listPrompts(), listAttributes(), getTranslations("engagement")]);
  const prompt = prompts.find((candidate) => candidate.id === id);
  if (!prompt) notFound();
  const choices = attributes.filter((attribute) => !attribute.archivedAt || prompt.questions.some((q) => q.attributeId === attribute.id));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/engagement/profiling" className="text-brand-700 underline">
          ← {t("profiling.title")}
        </Link>
      </p>
      <PageTitle lead={t("prompts.lead")}>{prompt.name}</PageTitle>
      <Card className="max-w-3xl">
        <PromptForm
          attributes={choices.map((attribute) => ({ id: attribute.id, label: locale === "en" ? attribute.labelEn : attribute.labelJa }))}
          saved={{
            promptId: prompt.id,
            name: prompt.name,
            moment: prompt.moment,
            active: prompt.active,
            attributeIds: prompt.questions.map((question) => question.attributeId),
          }}
        />
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SegmentBuilder } from "@/components/admin/engagement/segment-builder";
import { PageTitle } from "@/components/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { builderChoices } from "@/lib/segments/choices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("engagement.segments"))("new") };
}

export default async function NewSegmentPage({ params }: PageProps<"/[locale]/admin/engagement/segments/new">) {
  const locale = await enterLocale(params);
  await requireStaffPage("/admin/engagement/segments/new");
  const [choices, t] = await Promise.all([builderChoices(locale), getTranslations("engagement.segments")]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/engagement/segments" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={t("builderLead")}>{t("new")}</PageTitle>
      <SegmentBuilder choices={choices} />
    </>
  );
}

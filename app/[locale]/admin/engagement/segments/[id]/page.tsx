import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArchiveSegmentButton } from "@/components/admin/engagement/archive-segment-button";
import { SegmentBuilder } from "@/components/admin/engagement/segment-builder";
import { PageTitle } from "@/components/page-title";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { builderChoices } from "@/lib/segments/choices";
import { getSegment } from "@/lib/segments/segments";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("engagement.segments"))("title") };
}

export default async function SegmentPage({ params }: PageProps<"/[locale]/admin/engagement/segments/[id]">) {
  const locale = await enterLocale(params);
  await requireStaffPage("/admin/engagement/segments/[id]");
  const { id } = await params;
  const segment = id.length <= 40 ? await getSegment(id) : null;
  if (!segment) notFound();
  const [choices, t] = await Promise.all([builderChoices(locale), getTranslations("engagement.segments")]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/engagement/segments" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={segment.description || t("builderLead")}>{segment.name}</PageTitle>
      {segment.definition ? (
        <SegmentBuilder
          choices={choices}
          saved={{ segmentId: segment.id, name: segment.name, description: segment.description, definition: segment.definition }}
        />
      ) : (
        <Alert tone="error">{t("unreadable")}</Alert>
      )}
      <div className="mt-8 flex flex-wrap items-center gap-4 border-t border-slate-200 pt-4">
        <a href={`/api/segments/${segment.id}/export?locale=${locale}`} className="text-brand-700 underline">
          {t("exportCsv")}
        </a>
        <ArchiveSegmentButton segmentId={segment.id} />
      </div>
    </>
  );
}

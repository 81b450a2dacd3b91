import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArchiveAttributeButton } from "@/components/admin/engagement/archive-attribute-button";
import { AttributeForm } from "@/components/admin/engagement/attribute-form";
import { PageTitle } from "@/components/page-title";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getAttribute } from "@/lib/profiling/attributes";
import { parseOptions } from "@/lib/profiling/schemas";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("engagement.profiling"))("title") };
}

/** One attribute: its texts and options (code and type stay), how many answered, archive. */
export default async function AttributePage({ params }: PageProps<"/[locale]/admin/engagement/profiling/attributes/[id]">) {
  const locale = await enterLocale(params);
  await requireStaffPage("/admin/engagement/profiling/attributes/[id]");
  const { id } = await params;
  const attribute = id.length <= 40 ? await getAttribute(id) : null;
  if (!attribute) notFound();
  const t = await getTranslations("engagement");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/engagement/profiling" className="text-brand-700 underline">
          ← {t("profiling.title")}
        </Link>
      </p>
      <PageTitle lead={t("attributes.answeredBy", { count: attribute._count.answers })}>
        {locale === "en" ? attribute.labelEn : attribute.labelJa}
      </PageTitle>
      {attribute.archivedAt && (
        <div className="mb-4">
          <Alert tone="info">{t("attributes.archivedNote")}</Alert>
        </div>
      )}
      <Card className="max-w-4xl">
        <AttributeForm
          saved={{
            attributeId: attribute.id,
            code: attribute.code,
            type: attribute.type,
            labelJa: attribute.labelJa,
            labelEn: attribute.labelEn,
            purposeJa: attribute.purposeJa,
            purposeEn: attribute.purposeEn,
            sensitive: attribute.sensitive,
            options: parseOptions(attribute.options),
            minNumber: attribute.minNumber === null ? "" : String(attribute.minNumber),
            maxNumber: attribute.maxNumber === null ? "" : String(attribute.maxNumber),
          }}
        />
        <div className="mt-6 border-t border-slate-200 pt-4">
          <ArchiveAttributeButton attributeId={attribute.id} archived={attribute.archivedAt !== null} />
        </div>
      </Card>
    </>
  );
}

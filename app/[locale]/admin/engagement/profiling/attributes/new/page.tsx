import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AttributeForm } from "@/components/admin/engagement/attribute-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("engagement.attributes"))("new") };
}

export default async function NewAttributePage({ params }: PageProps<"/[locale]/admin/engagement/profiling/attributes/new">) {
  await enterLocale(params);
  await requireStaffPage("/admin/engagement/profiling/attributes/new");
  const t = await getTranslations("engagement");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/engagement/profiling" className="text-brand-700 underline">
          ← {t("profiling.title")}
        </Link>
      </p>
      <PageTitle lead={t("attributes.newLead")}>{t("attributes.new")}</PageTitle>
      <Card className="max-w-4xl">
        <AttributeForm />
      </Card>
    </>
  );
}

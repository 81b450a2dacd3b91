import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PurposeForm } from "@/components/admin/privacy/purpose-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacyAdmin"))("newPurpose") };
}

export default async function NewPurposePage({ params }: PageProps<"/[locale]/admin/privacy/new">) {
  await enterLocale(params);
  await requireStaffPage("/admin/privacy/new");
  const t = await getTranslations("privacyAdmin");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/privacy" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={t("newPurposeLead")}>{t("newPurpose")}</PageTitle>
      <Card className="max-w-3xl">
        <PurposeForm />
      </Card>
    </>
  );
}

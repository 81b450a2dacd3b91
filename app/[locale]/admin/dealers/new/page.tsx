import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DealerForm } from "@/components/admin/dealers/dealer-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dealersAdmin"))("new") };
}

export default async function NewDealerPage({ params }: PageProps<"/[locale]/admin/dealers/new">) {
  await enterLocale(params);
  await requireStaffPage("/admin/dealers/new");
  const t = await getTranslations("dealersAdmin");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/dealers" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={t("newLead")}>{t("new")}</PageTitle>
      <Card className="max-w-2xl">
        <DealerForm />
      </Card>
    </>
  );
}

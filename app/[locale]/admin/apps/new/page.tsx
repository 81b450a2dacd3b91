import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientForm } from "@/components/admin/apps/client-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apps"))("new") };
}

export default async function NewAppPage({ params }: PageProps<"/[locale]/admin/apps/new">) {
  await enterLocale(params);
  await requireStaffPage("/admin/apps/new");
  const t = await getTranslations("apps");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/apps" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle>{t("new")}</PageTitle>
      <Card className="max-w-2xl">
        <ClientForm />
      </Card>
    </>
  );
}

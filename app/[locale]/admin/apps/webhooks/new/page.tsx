import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WebhookForm } from "@/components/admin/apps/webhook-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks"))("new") };
}

export default async function NewWebhookPage({ params }: PageProps<"/[locale]/admin/apps/webhooks/new">) {
  await enterLocale(params);
  await requireStaffPage("/admin/apps/webhooks/new");
  const t = await getTranslations("webhooks");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/apps/webhooks" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={t("lead")}>{t("new")}</PageTitle>
      <Card className="max-w-2xl">
        <WebhookForm />
      </Card>
    </>
  );
}

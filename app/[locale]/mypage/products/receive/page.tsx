import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { AcceptTransferForm } from "@/components/products/accept-transfer-form";
import { Card } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("products"))("receiveTitle") };
}

export default async function ReceiveTransferPage({ params }: PageProps<"/[locale]/mypage/products/receive">) {
  await enterLocale(params);
  await requireArea("mypage");
  const t = await getTranslations("products");
  return (
    <>
      <PageTitle lead={t("receiveLead")}>{t("receiveTitle")}</PageTitle>
      <Card className="max-w-xl">
        <AcceptTransferForm />
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { ClaimForm } from "@/components/products/claim-form";
import { Card } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("products"))("claimTitle") };
}

export default async function ClaimPage({ params, searchParams }: PageProps<"/[locale]/mypage/products/claim">) {
  await enterLocale(params);
  await requireArea("mypage");
  const { serial } = await searchParams;
  const t = await getTranslations("products");
  return (
    <>
      <PageTitle lead={t("claimLead")}>{t("claimTitle")}</PageTitle>
      <Card className="max-w-2xl">
        <ClaimForm serial={typeof serial === "string" ? serial.slice(0, 60) : ""} />
      </Card>
    </>
  );
}

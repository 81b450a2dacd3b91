import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { RegisterProductForm } from "@/components/products/register-product-form";
import { Card } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";
import { registrationOptions } from "@/lib/products/catalog";
import { businessToday } from "@/lib/time/business-time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("products"))("registerTitle") };
}

export default async function RegisterProductPage({ params, searchParams }: PageProps<"/[locale]/mypage/products/register">) {
  await enterLocale(params);
  await requireArea("mypage");
  const { serial, invitation } = await searchParams;
  const [{ formats, dealers }, t] = await Promise.all([registrationOptions(), getTranslations("products")]);
  return (
    <>
      <PageTitle lead={t("registerLead")}>{t("registerTitle")}</PageTitle>
      <Card className="max-w-2xl">
        <RegisterProductForm
          formats={formats}
          dealers={dealers}
          initialSerial={typeof serial === "string" ? serial.slice(0, 60) : ""}
          invitation={typeof invitation === "string" ? invitation.slice(0, 100) : ""}
          today={businessToday()}
        />
      </Card>
    </>
  );
}

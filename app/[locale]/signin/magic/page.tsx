import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/auth/auth-page";
import { EmailRequestForm } from "@/components/auth/email-request-form";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("magicLink"))("title") };
}

export default async function MagicLinkRequestPage({ params, searchParams }: PageProps<"/[locale]/signin/magic">) {
  await enterLocale(params);
  const { callbackUrl } = await searchParams;
  const t = await getTranslations("magicLink");
  return (
    <AuthPage title={t("title")} lead={t("lead")}>
      <EmailRequestForm purpose="magicLink" callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
    </AuthPage>
  );
}

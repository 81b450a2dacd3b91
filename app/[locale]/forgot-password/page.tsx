import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/auth/auth-page";
import { EmailRequestForm } from "@/components/auth/email-request-form";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forgotPassword"))("title") };
}

export default async function ForgotPasswordPage({ params }: PageProps<"/[locale]/forgot-password">) {
  await enterLocale(params);
  const t = await getTranslations("forgotPassword");
  return (
    <AuthPage title={t("title")} lead={t("lead")}>
      <EmailRequestForm purpose="forgotPassword" />
    </AuthPage>
  );
}

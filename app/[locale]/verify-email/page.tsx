import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/auth/auth-page";
import { TokenActionButton } from "@/components/auth/token-action-button";
import { Alert } from "@/components/ui/alert";
import { verifyEmailAction } from "@/lib/auth/actions";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verifyEmail"))("title"), referrer: "no-referrer" };
}

export default async function VerifyEmailPage({ params, searchParams }: PageProps<"/[locale]/verify-email">) {
  await enterLocale(params);
  const { token } = await searchParams;
  const t = await getTranslations("verifyEmail");
  return (
    <AuthPage title={t("title")} lead={t("lead")}>
      {typeof token === "string" ? (
        <TokenActionButton token={token} action={verifyEmailAction} label={t("confirm")} busyLabel={t("confirming")} successMessage={t("done")} />
      ) : (
        <Alert tone="error">{t("invalid")}</Alert>
      )}
    </AuthPage>
  );
}

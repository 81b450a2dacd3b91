import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/auth/auth-page";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { pendingSecondFactor } from "@/lib/auth/second-factor";
import { enterLocale } from "@/lib/i18n/page";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("secondFactor"))("title") };
}

export default async function SecondFactorPage({ params }: PageProps<"/[locale]/signin/second-factor">) {
  await enterLocale(params);
  const t = await getTranslations("secondFactor");
  const pending = await pendingSecondFactor();
  return (
    <AuthPage title={t("title")} lead={pending ? t("lead") : undefined}>
      {pending ? (
        <SecondFactorForm />
      ) : (
        <>
          <Alert tone="error">{t("expired")}</Alert>
          <Button asChild variant="secondary">
            <Link href="/signin">{t("backToSignIn")}</Link>
          </Button>
        </>
      )}
    </AuthPage>
  );
}

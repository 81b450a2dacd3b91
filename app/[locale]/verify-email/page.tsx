import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/auth/auth-page";
import { VerifyEmailPanel } from "@/components/auth/verify-email-panel";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth/current-user";
import { homePathFor } from "@/lib/auth/permissions";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verifyEmail"))("title"), referrer: "no-referrer" };
}

export default async function VerifyEmailPage({ params, searchParams }: PageProps<"/[locale]/verify-email">) {
  await enterLocale(params);
  const { token } = await searchParams;
  const [t, user] = await Promise.all([getTranslations("verifyEmail"), getCurrentUser()]);
  if (typeof token !== "string") {
    return (
      <AuthPage title={t("title")}>
        <Alert tone="error">{t("invalid")}</Alert>
      </AuthPage>
    );
  }
  // The way on after confirming: the visitor's own area when signed in, sign-in otherwise.
  const next = user ? homePathFor(user.role) : "/signin";
  return (
    <AuthPage title={t("title")}>
      <VerifyEmailPanel
        token={token}
        next={next}
        texts={{
          lead: t("lead"),
          confirm: t("confirm"),
          confirming: t("confirming"),
          done: t("done"),
          doneLead: user ? t("doneLeadSignedIn") : t("doneLeadSignedOut"),
          next: user ? t(user.role === "CUSTOMER" ? "toMyPage" : "toHome") : t("toSignIn"),
          passwordRemoved: t("passwordRemoved"),
          setPassword: t("setPassword"),
        }}
      />
    </AuthPage>
  );
}

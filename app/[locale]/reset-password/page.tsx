import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/auth/auth-page";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { pendingPasswordReset } from "@/lib/auth/email-flows";
import { enterLocale } from "@/lib/i18n/page";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resetPassword"))("title"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ params, searchParams }: PageProps<"/[locale]/reset-password">) {
  await enterLocale(params);
  const { token } = await searchParams;
  const t = await getTranslations("resetPassword");
  // Looking does not use the link up; only a successful submit does.
  const user = typeof token === "string" ? await pendingPasswordReset(token) : null;
  return (
    <AuthPage
      title={user?.purpose === "ACCOUNT_INVITATION" ? t("invitationTitle") : t("title")}
      lead={user ? (user.purpose === "ACCOUNT_INVITATION" ? t("invitationLead") : t("lead")) : undefined}
    >
      {user && typeof token === "string" ? (
        <ResetPasswordForm token={token} hasSecondFactor={user.hasSecondFactor} />
      ) : (
        <>
          <Alert tone="error">{t("invalidLink")}</Alert>
          <Button asChild variant="secondary">
            <Link href="/forgot-password">{t("again")}</Link>
          </Button>
        </>
      )}
    </AuthPage>
  );
}

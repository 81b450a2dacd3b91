import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { enterLocale } from "@/lib/i18n/page";
import { AuthPage } from "@/components/auth/auth-page";
import { DemoAccounts } from "@/components/auth/demo-accounts";
import { PasskeySignInButton } from "@/components/auth/passkey-sign-in-button";
import { ProviderButtons } from "@/components/auth/provider-buttons";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/current-user";
import { homePathFor } from "@/lib/auth/permissions";
import { providerButtons } from "@/lib/auth/providers";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "@/lib/demo/accounts";
import { totpCode } from "@/lib/auth/totp";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

/** Auth.js sends errors of OIDC sign-in here as ?error=<type>. */
const PROVIDER_ERRORS: Record<string, "providerNotLinked" | "providerFailed" | "providerDenied"> = {
  OAuthAccountNotLinked: "providerNotLinked",
  AccessDenied: "providerDenied",
};

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/signin">) {
  await enterLocale(params);
  const query = await searchParams;
  const callbackUrl = typeof query.callbackUrl === "string" ? query.callbackUrl : undefined;
  const error = typeof query.error === "string" ? (PROVIDER_ERRORS[query.error] ?? "providerFailed") : undefined;
  const t = await getTranslations("signIn");
  const user = await getCurrentUser();

  return (
    <AuthPage title={t("title")} lead={t("lead")}>
      {query.signedOut === "1" && <Alert tone="success">{t("signedOut")}</Alert>}
      {query.reset === "1" && <Alert tone="success">{t("passwordReset")}</Alert>}
      {error && <Alert tone="error">{t(error)}</Alert>}
      {user ? (
        <Alert>
          <p>{t("alreadySignedIn", { email: user.email })}</p>
          <Button asChild variant="secondary" className="mt-3">
            <Link href={homePathFor(user.role)}>{t("continue")}</Link>
          </Button>
        </Alert>
      ) : (
        <>
          <SignInForm callbackUrl={callbackUrl} />
          <div className="flex items-center gap-3 text-sm text-slate-600" aria-hidden="true">
            <span className="h-px flex-1 bg-slate-200" />
            {t("or")}
            <span className="h-px flex-1 bg-slate-200" />
          </div>
          <PasskeySignInButton callbackUrl={callbackUrl} />
          <Button asChild variant="secondary" className="w-full">
            <Link href={{ pathname: "/signin/magic", query: callbackUrl ? { callbackUrl } : {} }}>{t("emailLink")}</Link>
          </Button>
          <ProviderButtons providers={providerButtons()} callbackUrl={callbackUrl} />
          <p className="pt-2 text-center text-sm">
            {t("noAccount")}{" "}
            <Link href="/signup" className="font-semibold text-brand-700 underline">
              {t("signUp")}
            </Link>
          </p>
        </>
      )}
      {env.DEMO_MODE && (
        <DemoAccounts accounts={DEMO_ACCOUNTS} password={DEMO_PASSWORD} totpCode={totpCode(DEMO_TOTP_SECRET, new Date())} />
      )}
    </AuthPage>
  );
}

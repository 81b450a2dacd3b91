import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { enterLocale } from "@/lib/i18n/page";
import { SignInForm } from "@/components/auth/sign-in-form";
import { DemoAccounts } from "@/components/auth/demo-accounts";
import { SiteHeader } from "@/components/site-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/current-user";
import { homePathFor } from "@/lib/auth/permissions";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo/accounts";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/signin">) {
  await enterLocale(params);
  const query = await searchParams;
  const callbackUrl = typeof query.callbackUrl === "string" ? query.callbackUrl : undefined;
  const t = await getTranslations("signIn");
  const user = await getCurrentUser();

  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-10">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("lead")}</p>
        <div className="mt-6 space-y-4">
          {query.signedOut === "1" && <Alert tone="success">{t("signedOut")}</Alert>}
          {user ? (
            <Alert>
              <p>{t("alreadySignedIn", { email: user.email })}</p>
              <Button asChild variant="secondary" className="mt-3">
                <Link href={homePathFor(user.role)}>{t("continue")}</Link>
              </Button>
            </Alert>
          ) : (
            <SignInForm callbackUrl={callbackUrl} />
          )}
        </div>
        {env.DEMO_MODE && <DemoAccounts accounts={DEMO_ACCOUNTS} password={DEMO_PASSWORD} />}
      </main>
    </>
  );
}

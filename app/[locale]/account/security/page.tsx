import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PasskeysPanel } from "@/components/account/passkeys-panel";
import { PasswordChangeForm } from "@/components/account/password-change-form";
import { ProvidersPanel } from "@/components/account/providers-panel";
import { TwoFactorPanel } from "@/components/account/two-factor-panel";
import { VerifyEmailFirst } from "@/components/account/verify-email-first";
import { PageTitle } from "@/components/page-title";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getSecurityOverview } from "@/lib/account/security-overview";
import { requireSignedIn } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("title") };
}

export default async function SecurityPage({ params, searchParams }: PageProps<"/[locale]/account/security">) {
  await enterLocale(params);
  const user = await requireSignedIn();
  const query = await searchParams;
  const [t, overview] = await Promise.all([getTranslations("security"), getSecurityOverview(user)]);
  const LINK_ERRORS = { stepUp: "linkErrorStepUp", taken: "linkErrorTaken", unverified: "linkErrorUnverified" } as const;
  const linkError =
    typeof query.linkError === "string" && query.linkError in LINK_ERRORS ? LINK_ERRORS[query.linkError as keyof typeof LINK_ERRORS] : null;
  // Until the address is confirmed nothing can be added here (lib/auth/email-proof.ts); the server refuses it too.
  const verified = overview.emailVerified;
  const notYet = <p className="text-sm text-slate-700">{t("verifyEmailFirst")}</p>;

  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <div className="space-y-6">
        {overview.mustKeepSecondFactor && !user.strong && <Alert tone="error">{t("secondFactorRequired")}</Alert>}
        {!verified && <VerifyEmailFirst email={user.email} />}
        {linkError && <Alert tone="error">{t(linkError)}</Alert>}
        {query.linked === "1" && <Alert tone="success">{t("linkedNow")}</Alert>}
        <Card title={t("twoFactorTitle")}>
          {verified ? (
            <TwoFactorPanel
              enabled={overview.totpEnabled}
              canDisable={!overview.mustKeepSecondFactor}
              remainingCodes={overview.remainingCodes}
            />
          ) : (
            notYet
          )}
        </Card>
        <Card title={t("passkeysTitle")}>
          <p className="mb-3 text-sm text-slate-700">{t("passkeysLead")}</p>
          {verified ? <PasskeysPanel passkeys={overview.passkeys} /> : notYet}
        </Card>
        <Card title={t("passwordTitle")}>
          <PasswordChangeForm hasSecondFactor={overview.totpEnabled} hasPassword={overview.hasPassword} />
        </Card>
        <Card title={t("providersTitle")}>{verified ? <ProvidersPanel providers={overview.providers} /> : notYet}</Card>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PasskeysPanel } from "@/components/account/passkeys-panel";
import { PasswordChangeForm } from "@/components/account/password-change-form";
import { ProvidersPanel } from "@/components/account/providers-panel";
import { TwoFactorPanel } from "@/components/account/two-factor-panel";
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
  const linkError = query.linkError === "stepUp" || query.linkError === "taken" ? query.linkError : null;

  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <div className="space-y-6">
        {overview.mustKeepSecondFactor && !user.strong && <Alert tone="error">{t("secondFactorRequired")}</Alert>}
        {linkError && <Alert tone="error">{t(linkError === "stepUp" ? "linkErrorStepUp" : "linkErrorTaken")}</Alert>}
        {query.linked === "1" && <Alert tone="success">{t("linkedNow")}</Alert>}
        <Card title={t("twoFactorTitle")}>
          <TwoFactorPanel enabled={overview.totpEnabled} canDisable={!overview.mustKeepSecondFactor} remainingCodes={overview.remainingCodes} />
        </Card>
        <Card title={t("passkeysTitle")}>
          <p className="mb-3 text-sm text-slate-700">{t("passkeysLead")}</p>
          <PasskeysPanel passkeys={overview.passkeys} />
        </Card>
        <Card title={t("passwordTitle")}>
          <PasswordChangeForm hasSecondFactor={overview.totpEnabled} hasPassword={overview.hasPassword} />
        </Card>
        <Card title={t("providersTitle")}>
          <ProvidersPanel providers={overview.providers} />
        </Card>
      </div>
    </>
  );
}

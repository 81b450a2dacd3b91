import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PasskeysPanel } from "@/components/account/passkeys-panel";
import { PasswordChangeForm } from "@/components/account/password-change-form";
import { ProvidersPanel } from "@/components/account/providers-panel";
import { TwoFactorPanel } from "@/components/account/two-factor-panel";
import { PageTitle } from "@/components/page-title";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PRIVILEGED_ROLES } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/auth/permissions.server";
import { providerButtons } from "@/lib/auth/providers";
import { remainingRecoveryCodes } from "@/lib/auth/recovery-codes";
import { db } from "@/lib/db";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("title") };
}

export default async function SecurityPage({ params, searchParams }: PageProps<"/[locale]/account/security">) {
  await enterLocale(params);
  const user = await requireSignedIn();
  const query = await searchParams;
  const [t, me, remaining] = await Promise.all([
    getTranslations("security"),
    db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: {
        passwordHash: true,
        totpEnabledAt: true,
        passkeys: { select: { id: true, name: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: "asc" } },
        accounts: { select: { provider: true } },
      },
    }),
    remainingRecoveryCodes(user.id),
  ]);
  const privileged = PRIVILEGED_ROLES.includes(user.role);
  const linked = new Set(me.accounts.map((account) => account.provider));
  const linkError = query.linkError === "stepUp" || query.linkError === "taken" ? query.linkError : null;

  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <div className="space-y-6">
        {privileged && !user.strong && <Alert tone="error">{t("secondFactorRequired")}</Alert>}
        {linkError && <Alert tone="error">{t(linkError === "stepUp" ? "linkErrorStepUp" : "linkErrorTaken")}</Alert>}
        {query.linked === "1" && <Alert tone="success">{t("linkedNow")}</Alert>}
        <Card title={t("twoFactorTitle")}>
          <TwoFactorPanel enabled={Boolean(me.totpEnabledAt)} canDisable={!privileged} remainingCodes={remaining} />
        </Card>
        <Card title={t("passkeysTitle")}>
          <p className="mb-3 text-sm text-slate-700">{t("passkeysLead")}</p>
          <PasskeysPanel passkeys={me.passkeys} />
        </Card>
        <Card title={t("passwordTitle")}>
          <PasswordChangeForm hasSecondFactor={Boolean(me.totpEnabledAt)} hasPassword={Boolean(me.passwordHash)} />
        </Card>
        <Card title={t("providersTitle")}>
          <ProvidersPanel providers={providerButtons().map((provider) => ({ ...provider, linked: linked.has(provider.id) }))} />
        </Card>
      </div>
    </>
  );
}

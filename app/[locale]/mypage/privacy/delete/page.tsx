import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StepUpProvider } from "@/components/account/step-up";
import { PageTitle } from "@/components/page-title";
import { DeleteAccountForm } from "@/components/privacy/delete-account-form";
import { PrivacyTabs } from "@/components/privacy/privacy-tabs";
import { Card } from "@/components/ui/card";
import { requireArea, requirePermission } from "@/lib/auth/permissions.server";
import { reauthenticationMethods } from "@/lib/auth/step-up";
import { enterLocale } from "@/lib/i18n/page";
import { retentionDays } from "@/lib/privacy/retention-rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacyDelete"))("title") };
}

/** Delete the account (GDPR 17): what happens, what is kept and for how long, then step-up and confirm. */
export default async function DeletePage({ params }: PageProps<"/[locale]/mypage/privacy/delete">) {
  await enterLocale(params);
  await requireArea("mypage");
  const user = await requirePermission("privacy.own");
  const [methods, days, t, tp] = await Promise.all([
    reauthenticationMethods(user.id),
    retentionDays(),
    getTranslations("privacyDelete"),
    getTranslations("privacy"),
  ]);
  const years = (kind: keyof typeof days) => Math.round(days[kind] / 365);
  return (
    <>
      <PageTitle lead={tp("lead")}>{tp("title")}</PageTitle>
      <PrivacyTabs current="delete" />
      <Card title={t("title")}>
        <div className="max-w-prose space-y-4 text-sm">
          <p>{t("lead")}</p>
          <div>
            <h3 className="font-semibold">{t("erasedTitle")}</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              <li>{t("erased.profile")}</li>
              <li>{t("erased.signIn")}</li>
              <li>{t("erased.photos")}</li>
              <li>{t("erased.texts")}</li>
              <li>{t("erased.points")}</li>
            </ul>
          </div>
          <div>
            <h3 className="font-semibold">{t("keptTitle")}</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              <li>{t("kept.repairs", { years: years("repair_records") })}</li>
              <li>{t("kept.warranty", { years: years("warranty_records") })}</li>
              <li>{t("kept.points", { years: years("points_ledger") })}</li>
              <li>{t("kept.consents", { years: years("consent_proofs") })}</li>
            </ul>
            <p className="mt-2">{t("keptWhy")}</p>
          </div>
          <p>{t("exportFirst")}</p>
          <StepUpProvider methods={methods}>
            <DeleteAccountForm />
          </StepUpProvider>
        </div>
      </Card>
    </>
  );
}

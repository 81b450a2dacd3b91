import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailSettings } from "@/components/account/email-settings";
import { ProfileForm } from "@/components/account/profile-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { getOwnAccount } from "@/lib/account/profile";
import { parseProfileNeeds } from "@/lib/account/profile-needs";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { Alert } from "@/components/ui/alert";
import { requireSignedIn } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";
import { can } from "@/lib/auth/permissions";
import { myAttributes } from "@/lib/profiling/answers";
import { MyAnswersForm } from "@/components/profiling/my-answers-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage({ params, searchParams }: PageProps<"/[locale]/account">) {
  await enterLocale(params);
  const user = await requireSignedIn();
  const query = await searchParams;
  // Sent here by a feature that needs more of the profile (progressive profiling).
  const needs = parseProfileNeeds(typeof query.need === "string" ? query.need : undefined);
  const returnTo = safeCallbackPath(typeof query.returnTo === "string" ? query.returnTo : undefined);
  const [account, t, attributes] = await Promise.all([
    getOwnAccount(user.id),
    getTranslations("account"),
    // Answers to the brand's questions belong to customers (issue 15); staff and dealers have none.
    can(user, "mypage.access") ? myAttributes(user.id) : Promise.resolve([]),
  ]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card title={t("profileTitle")}>
          {needs.length > 0 ? (
            <div className="mb-4">
              <Alert>{t("needsLead", { needs: needs.map((need) => t(`need_${need}`)).join(t("needsSeparator")) })}</Alert>
            </div>
          ) : (
            <p className="mb-4 text-sm text-slate-700">{t("profileLead")}</p>
          )}
          <ProfileForm
            returnTo={returnTo}
            initial={{
              name: account.name ?? "",
              nameKana: account.nameKana ?? "",
              phone: account.phone ?? "",
              postalCode: account.postalCode ?? "",
              prefecture: account.prefecture ?? "",
              city: account.city ?? "",
              addressLine1: account.addressLine1 ?? "",
              addressLine2: account.addressLine2 ?? "",
              locale: account.locale === "en" ? "en" : "ja",
              needs,
            }}
          />
        </Card>
        <Card title={t("emailTitle")}>
          <EmailSettings email={account.email} verified={Boolean(account.emailVerified)} />
        </Card>
        {attributes.length > 0 && (
          <Card title={t("answersTitle")} className="lg:col-span-2">
            <p className="mb-4 text-sm text-slate-700">{t("answersLead")}</p>
            <MyAnswersForm attributes={attributes} />
          </Card>
        )}
      </div>
    </>
  );
}

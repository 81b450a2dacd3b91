import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailSettings } from "@/components/account/email-settings";
import { ProfileForm } from "@/components/account/profile-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { getOwnAccount } from "@/lib/account/profile";
import { requireSignedIn } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage({ params }: PageProps<"/[locale]/account">) {
  await enterLocale(params);
  const user = await requireSignedIn();
  const [account, t] = await Promise.all([getOwnAccount(user.id), getTranslations("account")]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card title={t("profileTitle")}>
          <p className="mb-4 text-sm text-slate-700">{t("profileLead")}</p>
          <ProfileForm
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
            }}
          />
        </Card>
        <Card title={t("emailTitle")}>
          <EmailSettings email={account.email} verified={Boolean(account.emailVerified)} />
        </Card>
      </div>
    </>
  );
}

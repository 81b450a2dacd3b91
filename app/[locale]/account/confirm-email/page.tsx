import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TokenActionButton } from "@/components/auth/token-action-button";
import { PageTitle } from "@/components/page-title";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { confirmEmailChangeAction } from "@/lib/account/actions";
import { requireSignedIn } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("confirmEmailTitle"), referrer: "no-referrer" };
}

export default async function ConfirmEmailPage({ params, searchParams }: PageProps<"/[locale]/account/confirm-email">) {
  await enterLocale(params);
  await requireSignedIn();
  const { token } = await searchParams;
  const t = await getTranslations("account");
  return (
    <>
      <PageTitle>{t("confirmEmailTitle")}</PageTitle>
      <Card>
        {typeof token === "string" ? (
          <TokenActionButton
            token={token}
            action={confirmEmailChangeAction}
            label={t("confirmEmail")}
            busyLabel={t("confirming")}
            successMessage={t("emailChanged")}
          />
        ) : (
          <Alert tone="error">{t("emailChangeInvalid")}</Alert>
        )}
      </Card>
    </>
  );
}

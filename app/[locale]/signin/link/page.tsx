import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/auth/auth-page";
import { TokenActionButton } from "@/components/auth/token-action-button";
import { Alert } from "@/components/ui/alert";
import { magicLinkSignInAction } from "@/lib/auth/actions";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("magicLink"))("linkTitle"), referrer: "no-referrer" };
}

export default async function MagicLinkPage({ params, searchParams }: PageProps<"/[locale]/signin/link">) {
  await enterLocale(params);
  const { token } = await searchParams;
  const t = await getTranslations("magicLink");
  return (
    <AuthPage title={t("linkTitle")} lead={t("linkLead")}>
      {typeof token === "string" ? (
        <TokenActionButton token={token} action={magicLinkSignInAction} label={t("linkSubmit")} busyLabel={t("linkSubmitting")} />
      ) : (
        <Alert tone="error">{t("invalid")}</Alert>
      )}
    </AuthPage>
  );
}

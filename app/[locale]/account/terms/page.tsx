import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AcceptPoliciesForm } from "@/components/account/accept-policies-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { requireSignedIn } from "@/lib/auth/permissions.server";
import { missingPolicyConsents } from "@/lib/consents/current";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("terms"))("title") };
}

export default async function AcceptTermsPage({ params }: PageProps<"/[locale]/account/terms">) {
  await enterLocale(params);
  const user = await requireSignedIn();
  const [t, missing] = await Promise.all([getTranslations("terms"), missingPolicyConsents(user.id)]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <Card>{missing.length === 0 ? <Alert tone="success">{t("done")}</Alert> : <AcceptPoliciesForm />}</Card>
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SecurityEventsTable } from "@/components/account/security-events-table";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { listOwnSecurityEvents } from "@/lib/audit/queries";
import { requireSignedIn } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity"))("title") };
}

/** The user's own security events: sign-ins, failures, and changes to how they sign in. */
export default async function ActivityPage({ params }: PageProps<"/[locale]/account/activity">) {
  await enterLocale(params);
  const user = await requireSignedIn();
  const [t, events] = await Promise.all([getTranslations(), listOwnSecurityEvents(user.id, 50)]);
  return (
    <>
      <PageTitle>{t("activity.title")}</PageTitle>
      <Card>
        <p className="mb-3 text-sm text-slate-700">{t("activity.lead")}</p>
        <SecurityEventsTable events={events} />
      </Card>
    </>
  );
}

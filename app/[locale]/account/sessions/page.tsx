import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SessionsList } from "@/components/account/sessions-list";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/auth/permissions.server";
import { listOwnSessions } from "@/lib/auth/session-list";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessions"))("title") };
}

export default async function SessionsPage({ params }: PageProps<"/[locale]/account/sessions">) {
  await enterLocale(params);
  const user = await requireSignedIn();
  const [t, sessions] = await Promise.all([getTranslations("sessions"), listOwnSessions(user, user.sessionId)]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <Card>
        <p className="mb-3 text-sm text-slate-700">{t("lead")}</p>
        <SessionsList sessions={sessions} />
      </Card>
    </>
  );
}

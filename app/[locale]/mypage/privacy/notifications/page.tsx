import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { NotificationSwitch } from "@/components/privacy/notification-switch";
import { PrivacyTabs } from "@/components/privacy/privacy-tabs";
import { Card } from "@/components/ui/card";
import { requireArea, requirePermission } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";
import { emailChoices } from "@/lib/notifications/choices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacyNotifications"))("title") };
}

/** Which emails the customer gets, per kind (lib/notifications/kinds.ts); recall notices cannot be switched off. */
export default async function NotificationsPage({ params }: PageProps<"/[locale]/mypage/privacy/notifications">) {
  await enterLocale(params);
  await requireArea("mypage");
  const user = await requirePermission("privacy.own");
  const [choices, t, tp] = await Promise.all([emailChoices(user.id), getTranslations("privacyNotifications"), getTranslations("privacy")]);
  return (
    <>
      <PageTitle lead={tp("lead")}>{tp("title")}</PageTitle>
      <PrivacyTabs current="notifications" />
      <Card title={t("title")}>
        <p className="mb-4 text-sm text-slate-700">{t("lead")}</p>
        <ul className="divide-y divide-slate-100">
          {choices.map((choice) => (
            <li key={choice.kind} className="flex flex-wrap items-center justify-between gap-3 py-3" data-kind={choice.kind}>
              <div className="max-w-prose">
                <h3 className="font-medium">{t(`kinds.${choice.kind}.name`)}</h3>
                <p className="text-sm text-slate-700">{t(`kinds.${choice.kind}.description`)}</p>
                {choice.locked && (
                  <p id={`${choice.kind}-locked`} className="mt-1 text-sm text-amber-900">
                    {t("lockedReason")}
                  </p>
                )}
              </div>
              <NotificationSwitch kind={choice.kind} label={t(`kinds.${choice.kind}.name`)} email={choice.email} locked={choice.locked} />
            </li>
          ))}
        </ul>
        <p className="mt-4 text-sm text-slate-600">{t("accountEmails")}</p>
      </Card>
    </>
  );
}

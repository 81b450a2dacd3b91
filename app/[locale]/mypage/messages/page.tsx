import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { UserText } from "@/components/ui/user-text";
import { requireArea } from "@/lib/auth/permissions.server";
import { ownDealerMessages } from "@/lib/dealers/recalls";
import { inLocale, nameIn } from "@/lib/i18n/localized";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dealerMessages"))("title") };
}

/** Messages from the dealers that sold the customer's products (recall follow-up); opening marks them read. */
export default async function DealerMessagesPage({ params }: PageProps<"/[locale]/mypage/messages">) {
  await enterLocale(params);
  const user = await requireArea("mypage");
  const [messages, t, format, locale] = await Promise.all([
    ownDealerMessages(user),
    getTranslations("dealerMessages"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {messages.length === 0 ? (
        <Card>
          <p className="text-slate-700">{t("empty")}</p>
        </Card>
      ) : (
        <ul className="space-y-4">
          {messages.map((message) => (
            <li key={message.id} id={message.id}>
              <Card>
                <p className="text-sm text-slate-600">
                  <time dateTime={message.sentAt.toISOString()}>
                    {format.dateTime(message.sentAt, { dateStyle: "long", timeStyle: "short" })}
                  </time>
                  {!message.readAt && (
                    <span className="ml-2 rounded bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white">{t("new")}</span>
                  )}
                </p>
                <h2 className="mt-1 font-semibold">{t("from", { dealer: message.dealer.name })}</h2>
                <p className="text-sm text-slate-700">
                  {nameIn(locale, message.unit.model)} · <span className="font-mono break-all">{message.unit.serial}</span>
                  {message.campaign && <> · {inLocale(locale, { ja: message.campaign.titleJa, en: message.campaign.titleEn })}</>}
                </p>
                <UserText className="mt-3 block whitespace-pre-line [overflow-wrap:anywhere]">{message.body}</UserText>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

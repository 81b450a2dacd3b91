import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ChatPanel } from "@/components/chat/chat-panel";
import { ChatEmailChoice } from "@/components/chat/email-choice";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { UserText } from "@/components/ui/user-text";
import { requireArea } from "@/lib/auth/permissions.server";
import { getConversation } from "@/lib/chat/conversations";
import { loadConversationData } from "@/lib/chat/messages";
import { nameIn } from "@/lib/i18n/localized";
import { Link, redirect } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { emailAllowed } from "@/lib/notifications/choices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chat"))("conversationTitle") };
}

/** One inquiry, live. Another customer's conversation (or a made-up id) is 404; a repair's chat lives on the repair's page. */
export default async function InquiryPage({ params }: PageProps<"/[locale]/mypage/inquiries/[id]">) {
  await enterLocale(params);
  const user = await requireArea("mypage");
  const { id } = await params;
  const conversation = await getConversation(user, id);
  if (!conversation) notFound();
  const locale = await getLocale();
  if (conversation.ticketId) redirect({ href: `/mypage/repairs/${conversation.ticketId}#chat`, locale });
  const [data, emails, t] = await Promise.all([
    loadConversationData(user, conversation.id),
    emailAllowed(user.id, "chat_reply"),
    getTranslations("chat"),
  ]);
  const unit = conversation.ownership?.unit;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/mypage/inquiries" className="text-brand-700 underline">
          ← {t("listTitle")}
        </Link>
      </p>
      <PageTitle
        lead={
          unit ? (
            <>
              {nameIn(locale, unit.model)} · <span className="font-mono break-all">{unit.serial}</span>
            </>
          ) : (
            t("general")
          )
        }
      >
        <UserText>{conversation.subject}</UserText>
      </PageTitle>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <ChatPanel conversationId={conversation.id} viewer="CUSTOMER" initialData={data} otherName={t("support")} />
        <Card title={t("settingsTitle")}>
          <ChatEmailChoice initial={emails} />
        </Card>
      </div>
    </>
  );
}

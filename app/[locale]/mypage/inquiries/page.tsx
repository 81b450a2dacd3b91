import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConversationList } from "@/components/chat/conversation-list";
import { PageTitle } from "@/components/page-title";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/permissions.server";
import { listOwnConversations } from "@/lib/chat/conversations";
import { chatPathFor } from "@/lib/chat/unread-email";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chat"))("listTitle") };
}

/** The customer's conversations with support: general inquiries and the chats of their repair requests (issue 11). */
export default async function InquiriesPage({ params }: PageProps<"/[locale]/mypage/inquiries">) {
  await enterLocale(params);
  const user = await requireArea("mypage");
  const [conversations, t] = await Promise.all([listOwnConversations(user), getTranslations("chat")]);
  return (
    <>
      <PageTitle lead={t("listLead")}>{t("listTitle")}</PageTitle>
      <div className="mb-6">
        <Button asChild>
          <Link href="/mypage/inquiries/new">{t("newButton")}</Link>
        </Button>
      </div>
      {conversations.length === 0 ? (
        <Card className="max-w-2xl">
          <p className="text-slate-700">{t("noConversations")}</p>
        </Card>
      ) : (
        <div className="max-w-3xl">
          <ConversationList conversations={conversations} viewer="CUSTOMER" hrefOf={chatPathFor} />
        </div>
      )}
    </>
  );
}

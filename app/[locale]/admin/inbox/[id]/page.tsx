import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CustomerPanel } from "@/components/admin/repairs/customer-panel";
import { ChatPanel } from "@/components/chat/chat-panel";
import { ConversationAssignForm, ConversationStatusForm, InboxLive, NotificationSwitch } from "@/components/chat/inbox-controls";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { UserText } from "@/components/ui/user-text";
import { fillCannedReply, listCannedReplies } from "@/lib/chat/canned-replies";
import { getConversation } from "@/lib/chat/conversations";
import { loadConversationData } from "@/lib/chat/messages";
import { inLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { getCustomerPanel, listAssignableAgents } from "@/lib/repairs/staff-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chat"))("conversationTitle") };
}

/**
 * One conversation in the inbox: the live chat with canned replies in the customer's language, who
 * holds it and its status, the repair ticket it belongs to, and the customer panel (issue 10).
 */
export default async function InboxConversationPage({ params }: PageProps<"/[locale]/admin/inbox/[id]">) {
  const locale = await enterLocale(params);
  const user = await requireStaffPage("/admin/inbox/[id]");
  const { id } = await params;
  const conversation = await getConversation(user, id);
  if (!conversation) notFound();
  const [data, replies, agents, panel, t] = await Promise.all([
    loadConversationData(user, conversation.id),
    listCannedReplies(),
    listAssignableAgents(user),
    getCustomerPanel(user, conversation.customerId, { conversationId: conversation.id }),
    getTranslations("chat"),
  ]);
  const customerName = conversation.customer.name || t("customer");
  return (
    <>
      <InboxLive conversationId={conversation.id} />
      <p className="mb-2 text-sm">
        <Link href="/admin/inbox" className="text-brand-700 underline">
          ← {t("inbox.title")}
        </Link>
      </p>
      <PageTitle lead={<UserText>{customerName}</UserText>}>
        <UserText>{conversation.ticket ? t("ticketSubject", { number: conversation.ticket.number }) : conversation.subject}</UserText>
      </PageTitle>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          {conversation.ticketId && (
            <p className="text-sm">
              <Link href={`/admin/repairs/${conversation.ticketId}`} className="text-brand-700 underline">
                {t("inbox.ticketLink", { number: conversation.ticket?.number ?? "" })}
              </Link>{" "}
              <span className="text-slate-700">{t("inbox.notesStayOnTicket")}</span>
            </p>
          )}
          <ChatPanel
            conversationId={conversation.id}
            viewer="STAFF"
            initialData={data}
            otherName={customerName}
            myId={user.id}
            cannedReplies={replies.map((reply) => ({
              id: reply.id,
              title: inLocale(locale, { ja: reply.titleJa, en: reply.titleEn }),
              body: fillCannedReply(reply, conversation.customer, t("nameFallback")),
            }))}
          />
        </div>
        <aside aria-label={t("inbox.sideLabel")} className="min-w-0 space-y-6">
          <Card title={t("inbox.handlingTitle")}>
            <div className="space-y-5">
              <ConversationAssignForm
                key={conversation.assignee?.id ?? "none"}
                conversationId={conversation.id}
                assigneeId={conversation.assignee?.id ?? ""}
                me={user.id}
                agents={agents.map((agent) => ({ id: agent.id, label: agent.name || agent.email }))}
              />
              <ConversationStatusForm key={conversation.status} conversationId={conversation.id} status={conversation.status} />
              <NotificationSwitch />
            </div>
          </Card>
          {panel && <CustomerPanel panel={panel} />}
        </aside>
      </div>
    </>
  );
}

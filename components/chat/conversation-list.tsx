import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { UserText } from "@/components/ui/user-text";
import type { ConversationListItem } from "@/lib/chat/conversations";
import { nameIn } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";

const STATUS_STYLE = {
  OPEN: "border-sky-300 bg-sky-50 text-sky-900",
  WAITING_FOR_CUSTOMER: "border-amber-400 bg-amber-50 text-amber-950",
  CLOSED: "border-slate-300 bg-slate-100 text-slate-800",
} as const;

/**
 * Conversations as a list of cards (the customer's inquiries, the staff inbox): subject, what it is
 * about, last activity, status and unread count. `hrefOf` decides where each opens.
 */
export async function ConversationList({
  conversations,
  viewer,
  hrefOf,
}: {
  conversations: ConversationListItem[];
  viewer: "CUSTOMER" | "STAFF";
  hrefOf: (conversation: ConversationListItem) => string;
}) {
  const [t, format, locale] = await Promise.all([getTranslations("chat"), getFormatter(), getLocale()]);
  return (
    <ul className="space-y-3" data-testid="conversation-list">
      {conversations.map((conversation) => {
        const unit = conversation.ownership?.unit;
        return (
          <li key={conversation.id} className="rounded-md border border-slate-200 bg-white p-3">
            <p className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
              <Link href={hrefOf(conversation)} className="min-w-0 font-semibold text-brand-700 underline [overflow-wrap:anywhere]">
                <UserText>
                  {conversation.ticket ? t("ticketSubject", { number: conversation.ticket.number }) : conversation.subject}
                </UserText>
              </Link>
              <span className="flex items-center gap-2">
                {conversation.unread > 0 && (
                  <span className="rounded-full bg-red-700 px-2 py-0.5 text-xs font-bold text-white" data-testid="conversation-unread">
                    {t("unreadCount", { count: conversation.unread })}
                  </span>
                )}
                <span className={`rounded border px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[conversation.status]}`}>
                  {t(`${viewer === "CUSTOMER" ? "customerStatus" : "staffStatus"}.${conversation.status}`)}
                </span>
              </span>
            </p>
            <p className="mt-1 text-sm text-slate-700">
              {viewer === "STAFF" && (
                <>
                  <UserText>{conversation.customer.name || t("customer")}</UserText>
                  {" · "}
                </>
              )}
              {unit ? (
                <>
                  {nameIn(locale, unit.model)} · <span className="font-mono break-all">{unit.serial}</span>
                </>
              ) : conversation.ticket ? (
                t("aboutTicket", { number: conversation.ticket.number })
              ) : (
                t("general")
              )}
            </p>
            <p className="text-sm text-slate-600">
              {t("lastActivityAt", {
                when: format.dateTime(conversation.lastMessageAt ?? conversation.createdAt, { dateStyle: "medium", timeStyle: "short" }),
              })}
              {viewer === "STAFF" && (
                <>
                  {" · "}
                  {t("assigneeShort")}
                  {conversation.assignee ? <UserText>{conversation.assignee.name || conversation.assignee.email}</UserText> : t("nobody")}
                </>
              )}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConversationList } from "@/components/chat/conversation-list";
import { InboxLive, NotificationSwitch } from "@/components/chat/inbox-controls";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { CONVERSATION_STATUSES, INBOX_VIEWS, listInbox, type InboxFilter } from "@/lib/chat/conversations";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chat.inbox"))("title") };
}

const STATUS_FILTERS = ["ACTIVE", ...CONVERSATION_STATUSES] as const;

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** The support inbox (issue 11): unassigned, mine and all conversations, by status, newest activity first. */
export default async function InboxPage({ params, searchParams }: PageProps<"/[locale]/admin/inbox">) {
  await enterLocale(params);
  const user = await requireStaffPage("/admin/inbox");
  const query = await searchParams;
  const filter: InboxFilter = {
    view: pick(query.view, INBOX_VIEWS, "unassigned"),
    status: pick(query.status, STATUS_FILTERS, "ACTIVE"),
  };
  const page = Math.max(0, Math.min(1000, Number.parseInt(typeof query.page === "string" ? query.page : "0", 10) || 0));
  const [{ rows, total, counts }, t, chat] = await Promise.all([
    listInbox(user, filter, page),
    getTranslations("chat.inbox"),
    getTranslations("chat"),
  ]);
  const href = (change: Partial<InboxFilter> & { page?: number }) => ({
    pathname: "/admin/inbox",
    query: {
      view: change.view ?? filter.view,
      status: change.status ?? filter.status,
      ...(change.page ? { page: String(change.page) } : {}),
    },
  });
  return (
    <>
      <InboxLive />
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t("viewsLabel")}>
          <ul className="flex flex-wrap gap-1">
            {INBOX_VIEWS.map((view) => (
              <li key={view}>
                <Link
                  href={href({ view, page: 0 })}
                  aria-current={view === filter.view ? "page" : undefined}
                  className={`inline-flex min-h-11 items-center rounded-md px-3 text-sm ${view === filter.view ? "bg-brand-50 font-semibold text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  {t(`views.${view}`, { count: counts[view] })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <NotificationSwitch />
          {can(user, "chat.replies.manage") && (
            <Link href="/admin/inbox/replies" className="text-sm text-brand-700 underline">
              {t("repliesLink")}
            </Link>
          )}
        </div>
      </div>
      <nav aria-label={t("statusFilter")} className="mb-4">
        <ul className="flex flex-wrap gap-1">
          {STATUS_FILTERS.map((status) => (
            <li key={status}>
              <Link
                href={href({ status, page: 0 })}
                aria-current={status === filter.status ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-full border px-3 text-sm ${status === filter.status ? "border-brand-600 bg-brand-50 font-semibold text-brand-800" : "border-slate-300 text-slate-700 hover:bg-slate-100"}`}
              >
                {status === "ACTIVE" ? t("statusActive") : chat(`staffStatus.${status}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <Card className="max-w-2xl">
          <p className="text-slate-700">{t("empty")}</p>
        </Card>
      ) : (
        <div className="max-w-4xl space-y-4">
          <ConversationList conversations={rows} viewer="STAFF" hrefOf={(conversation) => `/admin/inbox/${conversation.id}`} />
          <p className="flex flex-wrap items-center gap-4 text-sm text-slate-700">
            {t("shown", { from: page * 50 + 1, to: page * 50 + rows.length, total })}
            {page > 0 && (
              <Link href={href({ page: page - 1 })} className="text-brand-700 underline">
                {t("previous")}
              </Link>
            )}
            {(page + 1) * 50 < total && (
              <Link href={href({ page: page + 1 })} className="text-brand-700 underline">
                {t("next")}
              </Link>
            )}
          </p>
        </div>
      )}
    </>
  );
}

import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { unreadCount } from "@/lib/chat/messages";
import { CHAT_NAV_HREFS, NOTICES_NAV_HREF } from "@/lib/navigation/nav";
import { unreadNoticeCount } from "@/lib/notices/inbox";
import { ChatEvents } from "./chat/chat-events";
import { Link } from "@/lib/i18n/navigation";
import { primaryNavFor } from "@/lib/navigation/nav";
import { AreaNav, CurrentPageLink } from "./area-nav";
import { LocaleSwitcher } from "./locale-switcher";
import { SignOutButton } from "./sign-out-button";

/**
 * Top bar of every page: brand, language, and who is signed in with sign-out, then the user's own
 * area navigation. It reads the user itself, so public pages (home, 404, legal) show a signed-in
 * user as signed in too.
 */
export async function SiteHeader() {
  const [t, user] = await Promise.all([getTranslations(), getCurrentUser()]);
  // Customers and staff (in a strong session) get the live chat: one event stream per tab and the unread badge.
  const chat = user && can(user, "chat.stream") && (user.role === "CUSTOMER" || user.strong);
  const notices = user && can(user, "mypage.access");
  const [unread, unreadNotices] = await Promise.all([chat ? unreadCount(user) : 0, notices ? unreadNoticeCount(user) : 0]);
  const links = user
    ? primaryNavFor(user).map((entry) => ({
        href: entry.href,
        label: t(`nav.${entry.labelKey}`),
        ...(chat && CHAT_NAV_HREFS.includes(entry.href) ? { unread } : {}),
        ...(notices && entry.href === NOTICES_NAV_HREF
          ? { count: { value: unreadNotices, label: t("nav.unreadNotices", { count: unreadNotices }) } }
          : {}),
      }))
    : [];
  return (
    <header className="border-b border-slate-200 bg-white">
      {chat && (
        <ChatEvents
          userId={user.id}
          side={user.role === "CUSTOMER" ? "CUSTOMER" : "STAFF"}
          notifyTitle={user.role === "CUSTOMER" ? undefined : t("chat.inbox.notifyTitle")}
          imageLabel={t("chat.image")}
        />
      )}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-1 px-4 py-1 sm:gap-x-3 sm:py-2">
        <Link href="/" className="mr-auto inline-flex min-h-11 items-center font-bold text-brand-700 sm:text-lg">
          {t("common.appName")}
        </Link>
        <Suspense>
          <LocaleSwitcher />
        </Suspense>
        {user ? (
          // Full width on a phone: the name and sign-out share a row of their own (issue 9 item 10).
          <div className="flex w-full min-w-0 items-center justify-between gap-3 sm:w-auto" data-testid="account-controls">
            <p className="min-w-0 truncate text-sm text-slate-700">
              <span className="sr-only">{t("common.signedInAs")}: </span>
              <span className="font-medium text-slate-900">{user.name ?? user.email}</span>{" "}
              <span className="text-slate-500">({t(`roles.${user.role}`)})</span>
            </p>
            {/* Never squeezed by a long name: the name is truncated instead. */}
            <div className="shrink-0">
              <SignOutButton />
            </div>
          </div>
        ) : (
          <CurrentPageLink
            href="/signin"
            className="inline-flex min-h-11 items-center rounded-md px-1.5 text-sm text-slate-700 hover:bg-slate-100 sm:px-2"
          >
            {t("common.signIn")}
          </CurrentPageLink>
        )}
      </div>
      {links.length > 0 && (
        <div className="border-t border-slate-100">
          <div className="mx-auto max-w-6xl px-2 sm:px-4">
            <AreaNav label={t("nav.primary")} links={links} />
          </div>
        </div>
      )}
    </header>
  );
}

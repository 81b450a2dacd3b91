/**
 * The navigation of each area as data (conventions: Tables drive repeated structure): the header, the active-page marking and
 * the tests read these lists, so a page is added in one place. Pure, so client components can use
 * it too; the server still guards every page itself (a hidden link is not a permission check).
 */
import type messages from "@/lib/i18n/messages/ja.json";
import { areaOf, can, type Actor, type Area, type Permission } from "@/lib/auth/permissions";
import { DEALER_PAGES } from "./dealer-pages";
import { STAFF_PAGES } from "./staff-pages";

export type NavLabelKey = keyof (typeof messages)["nav"];

export type NavEntry = {
  /** Path without the locale prefix. */
  href: string;
  /** Key in the `nav` namespace of the message catalog. */
  labelKey: NavLabelKey;
  /** Shown only to users who have it. */
  permission: Permission;
};

export type NavArea = Area | "account";

const ACCOUNT_ENTRY: NavEntry = { href: "/account", labelKey: "account", permission: "account.manage" };

export const NAVIGATION: Record<NavArea, readonly NavEntry[]> = {
  mypage: [
    { href: "/mypage", labelKey: "mypage", permission: "mypage.access" },
    { href: "/mypage/notices", labelKey: "notices", permission: "mypage.access" },
    { href: "/mypage/products", labelKey: "products", permission: "products.own" },
    { href: "/mypage/repairs", labelKey: "repairs", permission: "repairs.own" },
    { href: "/mypage/inquiries", labelKey: "inquiries", permission: "chat.own" },
    { href: "/mypage/points", labelKey: "myPoints", permission: "points.own" },
    { href: "/mypage/privacy", labelKey: "privacy", permission: "mypage.access" },
    ACCOUNT_ENTRY,
  ],
  // Derived from the list of staff pages (staff-pages.ts): the pages with a label, in its order.
  staff: [
    ...STAFF_PAGES.flatMap((page) =>
      "labelKey" in page ? [{ href: page.path, labelKey: page.labelKey, permission: page.permission }] : [],
    ),
    ACCOUNT_ENTRY,
  ],
  dealer: [
    ...DEALER_PAGES.flatMap((page) =>
      "labelKey" in page ? [{ href: page.path, labelKey: page.labelKey, permission: page.permission }] : [],
    ),
    ACCOUNT_ENTRY,
  ],
  // The sections of one's own account; shown under the user's area navigation.
  account: [
    { href: "/account", labelKey: "profile", permission: "account.manage" },
    { href: "/account/security", labelKey: "security", permission: "account.manage" },
    { href: "/account/sessions", labelKey: "sessions", permission: "account.manage" },
    { href: "/account/activity", labelKey: "activity", permission: "account.manage" },
  ],
};

/** The entry that carries the unread notices' count (issue 15). */
export const NOTICES_NAV_HREF = "/mypage/notices";

/** The entries that carry the chat's unread badge. */
export const CHAT_NAV_HREFS: readonly string[] = ["/mypage/inquiries", "/admin/inbox"];

/** The entries of `area` that `actor` may use, in order. */
export function navFor(area: NavArea, actor: Actor): NavEntry[] {
  return NAVIGATION[area].filter((entry) => can(actor, entry.permission));
}

/** A signed-in user's main navigation: their own area's, wherever they are (account, 404, home). */
export function primaryNavFor(actor: Actor): NavEntry[] {
  return navFor(areaOf(actor.role), actor);
}

/**
 * The entry that `pathname` (without locale) is on: the longest href equal to it or a parent of
 * it, so /mypage/products/123 marks "My products" and not "My Page". Null when none matches.
 */
export function activeHref(pathname: string, hrefs: readonly string[]): string | null {
  let best: string | null = null;
  for (const href of hrefs) {
    const matches = pathname === href || pathname.startsWith(href === "/" ? "/" : `${href}/`);
    if (matches && (best === null || href.length > best.length)) best = href;
  }
  return best;
}

/**
 * Every page of the staff area, as data (conventions: Tables drive repeated structure): the staff
 * navigation, the page guard `requireStaffPage()` (staff-pages.server.ts) and the access matrix in
 * e2e/access.spec.ts all read this list, so a new staff page is one line here. A test checks that
 * every `app/[locale]/admin/**\/page.tsx` has its entry. Pure (no server-only import), so client
 * components and Playwright specs can import it.
 */
import type { Permission } from "@/lib/auth/permissions";
import type { NavLabelKey } from "./nav";

export type StaffPage = {
  /** Route without the locale prefix, as in the app directory (`[id]` for dynamic segments). */
  path: `/admin${string}`;
  /** Needed on top of the staff area itself; checked on the server by `requireStaffPage()`. */
  permission: Permission;
  /** Key in the `nav` namespace when the page is in the staff navigation (in list order). */
  labelKey?: NavLabelKey;
};

export const STAFF_PAGES = [
  { path: "/admin", permission: "staff.dashboard.read", labelKey: "staffHome" },
  { path: "/admin/repairs", permission: "repairs.work", labelKey: "repairQueue" },
  // The load harness's framework floor (BENCH_FLOOR_PAGES): the staff layout around a page that reads nothing.
  { path: "/admin/floor", permission: "staff.access" },
  { path: "/admin/repairs/[id]", permission: "repairs.work" },
  { path: "/admin/repairs/dashboard", permission: "repairs.dashboard", labelKey: "deskDashboard" },
  { path: "/admin/inbox", permission: "chat.work", labelKey: "inbox" },
  { path: "/admin/inbox/[id]", permission: "chat.work" },
  { path: "/admin/inbox/new", permission: "chat.work" },
  { path: "/admin/inbox/replies", permission: "chat.replies.manage" },
  { path: "/admin/claims", permission: "claims.review", labelKey: "claims" },
  { path: "/admin/catalog", permission: "catalog.manage", labelKey: "catalog" },
  { path: "/admin/catalog/new", permission: "catalog.manage" },
  { path: "/admin/catalog/[code]", permission: "catalog.manage" },
  { path: "/admin/registry", permission: "registry.import", labelKey: "registry" },
  { path: "/admin/recalls", permission: "recalls.manage", labelKey: "recalls" },
  { path: "/admin/recalls/new", permission: "recalls.manage" },
  { path: "/admin/recalls/[id]", permission: "recalls.manage" },
  { path: "/admin/points", permission: "points.customers", labelKey: "points" },
  { path: "/admin/points/customers/[id]", permission: "points.customers" },
  { path: "/admin/points/rules", permission: "points.manage" },
  { path: "/admin/points/rules/new", permission: "points.manage" },
  { path: "/admin/points/rules/[id]", permission: "points.manage" },
  { path: "/admin/points/rewards", permission: "points.manage" },
  { path: "/admin/points/rewards/new", permission: "points.manage" },
  { path: "/admin/points/rewards/[id]", permission: "points.manage" },
  { path: "/admin/points/report", permission: "points.report" },
  { path: "/admin/points/settings", permission: "points.manage" },
  { path: "/admin/engagement", permission: "campaigns.manage", labelKey: "engagement" },
  { path: "/admin/analytics", permission: "analytics.read", labelKey: "analytics" },
  { path: "/admin/engagement/campaigns/new", permission: "campaigns.manage" },
  { path: "/admin/engagement/campaigns/[id]", permission: "campaigns.manage" },
  { path: "/admin/engagement/surveys", permission: "surveys.manage" },
  { path: "/admin/engagement/surveys/new", permission: "surveys.manage" },
  { path: "/admin/engagement/surveys/[id]", permission: "surveys.manage" },
  { path: "/admin/engagement/segments", permission: "segments.manage" },
  { path: "/admin/engagement/segments/new", permission: "segments.manage" },
  { path: "/admin/engagement/segments/[id]", permission: "segments.manage" },
  { path: "/admin/engagement/profiling", permission: "profiling.manage" },
  { path: "/admin/engagement/profiling/attributes/new", permission: "profiling.manage" },
  { path: "/admin/engagement/profiling/attributes/[id]", permission: "profiling.manage" },
  { path: "/admin/engagement/profiling/prompts/new", permission: "profiling.manage" },
  { path: "/admin/engagement/profiling/prompts/[id]", permission: "profiling.manage" },
  { path: "/admin/apps", permission: "apps.manage", labelKey: "apps" },
  { path: "/admin/apps/new", permission: "apps.manage" },
  { path: "/admin/apps/[id]", permission: "apps.manage" },
  { path: "/admin/apps/webhooks", permission: "apps.manage" },
  { path: "/admin/apps/webhooks/new", permission: "apps.manage" },
  { path: "/admin/apps/webhooks/[id]", permission: "apps.manage" },
  { path: "/admin/dealers", permission: "dealers.manage", labelKey: "dealers" },
  { path: "/admin/dealers/new", permission: "dealers.manage" },
  { path: "/admin/dealers/[id]", permission: "dealers.manage" },
  // Agents are staff but may not read the audit log: the same 404 as any other hidden page.
  { path: "/admin/audit", permission: "audit.read", labelKey: "audit" },
  { path: "/admin/desk", permission: "desk.manage", labelKey: "deskSettings" },
  { path: "/admin/privacy", permission: "privacy.manage", labelKey: "privacyAdmin" },
  { path: "/admin/privacy/new", permission: "privacy.manage" },
  { path: "/admin/privacy/stats", permission: "privacy.manage" },
  { path: "/admin/privacy/retention", permission: "privacy.manage" },
  { path: "/admin/privacy/[purpose]", permission: "privacy.manage" },
] as const satisfies readonly StaffPage[];

export type StaffPath = (typeof STAFF_PAGES)[number]["path"];

/** The entry of `path`; the type allows only listed paths, so a typo fails to compile. */
export function staffPage(path: StaffPath): StaffPage {
  const entry = STAFF_PAGES.find((page) => page.path === path);
  if (!entry) throw new Error(`Unknown staff page ${path}`);
  return entry;
}

/** Pages with a fixed path (no `[param]`), e.g. for access tests that visit every page. */
export function isStaticStaffPath(path: string): boolean {
  return !path.includes("[");
}

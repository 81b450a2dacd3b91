/**
 * Every page of the dealer area, as data (like staff-pages.ts): the dealer navigation, the page
 * guard `requireDealerPage()` and the access matrix read this list. Pure.
 */
import type { Permission } from "@/lib/auth/permissions";
import type { NavLabelKey } from "./nav";

export type DealerPage = {
  path: `/dealer${string}`;
  permission: Permission;
  labelKey?: NavLabelKey;
};

export const DEALER_PAGES = [
  { path: "/dealer", permission: "dealer.access", labelKey: "dealerHome" },
  { path: "/dealer/customers", permission: "dealer.customers", labelKey: "dealerCustomers" },
  // The load harness's framework floor (BENCH_FLOOR_PAGES): the dealer layout around a page that reads nothing.
  { path: "/dealer/floor", permission: "dealer.access" },
  { path: "/dealer/customers/[id]", permission: "dealer.customers" },
  { path: "/dealer/sales", permission: "dealer.sales", labelKey: "dealerSales" },
  { path: "/dealer/sales/import", permission: "dealer.sales" },
  { path: "/dealer/repairs", permission: "dealer.repairs", labelKey: "dealerRepairs" },
  { path: "/dealer/repairs/[id]", permission: "dealer.repairs" },
  { path: "/dealer/recalls", permission: "dealer.recalls", labelKey: "dealerRecalls" },
  { path: "/dealer/recalls/[id]", permission: "dealer.recalls" },
  { path: "/dealer/staff", permission: "dealer.staff.manage", labelKey: "dealerStaff" },
] as const satisfies readonly DealerPage[];

export type DealerPath = (typeof DEALER_PAGES)[number]["path"];

export function dealerPage(path: DealerPath): DealerPage {
  const entry = DEALER_PAGES.find((page) => page.path === path);
  if (!entry) throw new Error(`Unknown dealer page ${path}`);
  return entry;
}

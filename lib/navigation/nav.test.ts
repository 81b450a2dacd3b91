import { describe, expect, it } from "vitest";
import ja from "@/lib/i18n/messages/ja.json";
import { ROLES } from "@/lib/auth/permissions";
import { activeHref, NAVIGATION, navFor, primaryNavFor } from "./nav";

const actor = (role: (typeof ROLES)[number]) => ({ id: "u", role, dealerId: role === "DEALER_STAFF" ? "d" : null });

describe("navigation model", () => {
  it("gives customers My Page, Notices, My products, Repairs, Inquiries, Points, Privacy and Account in every area", () => {
    expect(primaryNavFor(actor("CUSTOMER")).map((e) => e.href)).toEqual([
      "/mypage",
      "/mypage/notices",
      "/mypage/products",
      "/mypage/repairs",
      "/mypage/inquiries",
      "/mypage/points",
      "/mypage/privacy",
      "/account",
    ]);
  });

  it("shows staff only the pages their role may use", () => {
    expect(primaryNavFor(actor("SUPPORT_AGENT")).map((e) => e.href)).toEqual(["/admin", "/admin/repairs", "/admin/inbox", "/account"]);
    expect(primaryNavFor(actor("SUPPORT_LEAD")).map((e) => e.href)).toEqual([
      "/admin",
      "/admin/repairs",
      "/admin/repairs/dashboard",
      "/admin/inbox",
      "/admin/claims",
      "/admin/points",
      "/admin/analytics",
      "/admin/audit",
      "/account",
    ]);
    expect(primaryNavFor(actor("ADMIN")).map((e) => e.href)).toContain("/admin/catalog");
    expect(primaryNavFor(actor("ADMIN")).map((e) => e.href)).toContain("/admin/dealers");
    expect(primaryNavFor(actor("SUPPORT_LEAD")).map((e) => e.href)).not.toContain("/admin/dealers");
    const dealerPages = ["/dealer", "/dealer/customers", "/dealer/sales", "/dealer/repairs", "/dealer/recalls"];
    expect(primaryNavFor(actor("DEALER_STAFF")).map((e) => e.href)).toEqual([...dealerPages, "/account"]);
    // Only a dealer admin manages the shop's staff.
    expect(primaryNavFor(actor("DEALER_ADMIN")).map((e) => e.href)).toEqual([...dealerPages, "/dealer/staff", "/account"]);
  });

  it("offers every account section to every role", () => {
    for (const role of ROLES) expect(navFor("account", actor(role))).toHaveLength(NAVIGATION.account.length);
  });

  it("has a catalog label for every entry", () => {
    for (const entries of Object.values(NAVIGATION)) {
      for (const entry of entries) expect(ja.nav[entry.labelKey], entry.labelKey).toBeTruthy();
    }
  });

  it("marks the deepest entry the path is on", () => {
    const hrefs = ["/mypage", "/mypage/products", "/account"];
    expect(activeHref("/mypage", hrefs)).toBe("/mypage");
    expect(activeHref("/mypage/products/abc", hrefs)).toBe("/mypage/products");
    expect(activeHref("/mypage/recalls/abc", hrefs)).toBe("/mypage");
    expect(activeHref("/account/security", hrefs)).toBe("/account");
    expect(activeHref("/mypage-x", hrefs)).toBeNull();
    expect(activeHref("/", hrefs)).toBeNull();
  });
});

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import ja from "@/lib/i18n/messages/ja.json";
import { can } from "@/lib/auth/permissions";
import { NAVIGATION } from "./nav";
import { STAFF_PAGES } from "./staff-pages";

const ADMIN_DIR = path.resolve(import.meta.dirname, "../../app/[locale]/admin");

/** Every `page.tsx` under app/[locale]/admin, as its route ("/admin/catalog/[code]") and source. */
function adminPageFiles(): { route: string; source: string }[] {
  return readdirSync(ADMIN_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "page.tsx")
    .map((file) => ({
      route: `/admin/${path.dirname(file).split(path.sep).join("/")}`.replace(/\/\.$/, ""),
      source: readFileSync(path.join(ADMIN_DIR, file), "utf8"),
    }));
}

describe("staff pages list", () => {
  const files = adminPageFiles();
  const listed = STAFF_PAGES.map((page) => page.path as string);

  it("finds the admin pages (so the checks below cannot pass on an empty directory)", () => {
    expect(files.map((file) => file.route)).toContain("/admin");
    expect(files.map((file) => file.route)).toContain("/admin/recalls/[id]");
  });

  it("has an entry for every admin page, and a page for every entry", () => {
    for (const file of files) expect(listed, `${file.route} is missing from STAFF_PAGES`).toContain(file.route);
    expect(listed.toSorted()).toEqual(files.map((file) => file.route).toSorted());
  });

  it("is guarded in every admin page by requireStaffPage with the page's own path", () => {
    for (const file of files) expect(file.source, file.route).toContain(`requireStaffPage("${file.route}")`);
  });

  it("lists each path once, for staff only", () => {
    expect(new Set(listed).size).toBe(listed.length);
    for (const page of STAFF_PAGES) {
      expect(can({ id: "u", role: "CUSTOMER", dealerId: null }, page.permission), page.path).toBe(false);
      expect(can({ id: "u", role: "DEALER_STAFF", dealerId: "d" }, page.permission), page.path).toBe(false);
    }
  });

  it("feeds the staff navigation with the labelled pages, in order, and the account entry", () => {
    expect(NAVIGATION.staff.map((entry) => entry.href)).toEqual([
      "/admin",
      "/admin/repairs",
      "/admin/repairs/dashboard",
      "/admin/inbox",
      "/admin/claims",
      "/admin/catalog",
      "/admin/registry",
      "/admin/recalls",
      "/admin/points",
      "/admin/engagement",
      "/admin/analytics",
      "/admin/apps",
      "/admin/dealers",
      "/admin/audit",
      "/admin/desk",
      "/admin/privacy",
      "/account",
    ]);
    for (const entry of NAVIGATION.staff) expect(ja.nav[entry.labelKey], entry.labelKey).toBeTruthy();
  });
});

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import ja from "@/lib/i18n/messages/ja.json";
import { can, ROLES } from "@/lib/auth/permissions";
import { DEALER_PAGES } from "./dealer-pages";

const DEALER_DIR = path.resolve(import.meta.dirname, "../../app/[locale]/dealer");

/** Every `page.tsx` under app/[locale]/dealer, as its route and source (like staff-pages.test.ts). */
function dealerPageFiles(): { route: string; source: string }[] {
  return readdirSync(DEALER_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "page.tsx")
    .map((file) => ({
      route: `/dealer/${path.dirname(file).split(path.sep).join("/")}`.replace(/\/\.$/, ""),
      source: readFileSync(path.join(DEALER_DIR, file), "utf8"),
    }));
}

describe("dealer pages list", () => {
  const files = dealerPageFiles();
  const listed = DEALER_PAGES.map((page) => page.path as string);

  it("has an entry for every dealer page and a page for every entry, each guarded with its own path", () => {
    expect(files.map((file) => file.route)).toContain("/dealer/customers/[id]");
    expect(listed.toSorted()).toEqual(files.map((file) => file.route).toSorted());
    for (const file of files) expect(file.source, file.route).toContain(`requireDealerPage("${file.route}")`);
  });

  it("[8.2.1] is for dealer roles only, each labelled page named in the catalog", () => {
    for (const page of DEALER_PAGES) {
      const roles = ROLES.filter((role) => can({ id: "u", role, dealerId: "d" }, page.permission));
      expect(
        roles.every((role) => role === "DEALER_STAFF" || role === "DEALER_ADMIN"),
        page.path,
      ).toBe(true);
      if ("labelKey" in page) expect(ja.nav[page.labelKey]).toBeTruthy();
    }
  });
});

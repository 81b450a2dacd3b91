import { can, type Permission } from "../lib/auth/permissions";
import { DEALER_PAGES } from "../lib/navigation/dealer-pages";
import { isStaticStaffPath, STAFF_PAGES } from "../lib/navigation/staff-pages";
import { createSession, createUser, expect, newContextAs, query, SESSION_COOKIE, test, type Role } from "./fixtures";

/**
 * Every protected area: a signed-out visitor goes to sign-in; a signed-in user of another role gets
 * the 404 page (which does not confirm the area exists), and the denial is audited. The staff pages
 * come from the one list in lib/navigation/staff-pages.ts (allowed: staff roles with the page's
 * permission per the policy), so a new staff page is tested here without editing this file; pages
 * with an `[id]` need a record and are covered by their own specs.
 */
const ROLES: Role[] = ["CUSTOMER", "SUPPORT_AGENT", "SUPPORT_LEAD", "ADMIN", "DEALER_STAFF", "DEALER_ADMIN"];
const mayUse = (role: Role, permission: Permission, area: Permission = "staff.access") => {
  const actor = { id: "x", role, dealerId: "d" };
  return can(actor, area) && can(actor, permission);
};

const AREAS: readonly { path: string; allowed: readonly Role[] }[] = [
  ...STAFF_PAGES.filter((page) => isStaticStaffPath(page.path)).map((page) => ({
    path: page.path,
    allowed: ROLES.filter((role) => mayUse(role, page.permission)),
  })),
  // The dealer pages come from their list too (lib/navigation/dealer-pages.ts).
  ...DEALER_PAGES.filter((page) => isStaticStaffPath(page.path)).map((page) => ({
    path: page.path,
    allowed: ROLES.filter((role) => mayUse(role, page.permission, "dealer.access")),
  })),
  { path: "/mypage", allowed: ["CUSTOMER"] },
  { path: "/mypage/products", allowed: ["CUSTOMER"] },
  { path: "/mypage/products/register", allowed: ["CUSTOMER"] },
  { path: "/mypage/products/receive", allowed: ["CUSTOMER"] },
  { path: "/mypage/products/claim", allowed: ["CUSTOMER"] },
  { path: "/mypage/repairs", allowed: ["CUSTOMER"] },
  { path: "/mypage/repairs/new", allowed: ["CUSTOMER"] },
  { path: "/mypage/inquiries", allowed: ["CUSTOMER"] },
  { path: "/mypage/inquiries/new", allowed: ["CUSTOMER"] },
  { path: "/mypage/points", allowed: ["CUSTOMER"] },
  { path: "/mypage/points/rewards", allowed: ["CUSTOMER"] },
  { path: "/mypage/privacy", allowed: ["CUSTOMER"] },
  { path: "/mypage/privacy/notifications", allowed: ["CUSTOMER"] },
  { path: "/mypage/privacy/data", allowed: ["CUSTOMER"] },
  { path: "/mypage/privacy/access", allowed: ["CUSTOMER"] },
  { path: "/mypage/privacy/delete", allowed: ["CUSTOMER"] },
  { path: "/mypage/privacy/apps", allowed: ["CUSTOMER"] },
  { path: "/mypage/messages", allowed: ["CUSTOMER"] },
  { path: "/mypage/notices", allowed: ["CUSTOMER"] },
  { path: "/mypage/surveys", allowed: ["CUSTOMER"] },
];

/** The text of the page's first level-1 heading, from the HTML the server sent. */
function headingOf(html: string): string {
  const match = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  return (match?.[1] ?? "").replace(/<[^>]+>/g, "").trim();
}

// Over HTTP, not in a browser: the server's answer (status, redirect, the page it sent) is what is
// under test here, and a browser per request made this matrix the suite's slowest file.
for (const area of AREAS) {
  test(`[8.2.1] ${area.path}: signed out → sign-in, other roles → 404 (audited), ${area.allowed.join(", ")} → the page`, async ({
    playwright,
    baseURL,
  }) => {
    const signedOut = await playwright.request.newContext({ baseURL });
    const toSignIn = await signedOut.get(`/ja${area.path}`);
    expect(toSignIn.status()).toBe(200);
    expect(toSignIn.url()).toMatch(new RegExp(`/ja/signin\\?callbackUrl=${encodeURIComponent(`/ja${area.path}`)}$`));
    expect(headingOf(await toSignIn.text())).toBe("ログイン");
    await signedOut.dispose();

    for (const role of ROLES) {
      const user = await createUser(role);
      const signedIn = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${await createSession(user.id)}` },
      });
      const response = await signedIn.get(`/en${area.path}`, { maxRedirects: 0 });
      await signedIn.dispose();
      if (area.allowed.includes(role)) {
        expect(response.status(), role).toBe(200);
      } else {
        // The not-found page itself (its heading, the same as for a path that does not exist) is
        // checked in a browser by layout.spec.ts and a11y.spec.ts.
        expect(response.status(), role).toBe(404);
        const denials = await query(`SELECT 1 FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'access.denied'`, [user.id]);
        expect(denials.length, `${role}: denial audited`).toBeGreaterThanOrEqual(1);
      }
    }
  });
}

test("[8.3.2] a role removed takes effect on the next request", async ({ page, login }) => {
  const user = await login("ADMIN");
  await page.goto("/en/admin/audit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  await query(`UPDATE "User" SET role = 'SUPPORT_AGENT' WHERE id = $1`, [user.id]);
  const response = await page.reload();
  expect(response?.status()).toBe(404);
});

test("[16.3.1] a denied visit appears in the audit log that admins read", async ({ page, login, browser, baseURL }) => {
  // A customer probes the staff area in their own browser...
  const customer = await createUser("CUSTOMER");
  const other = await newContextAs(browser, baseURL!, customer.id);
  await (await other.newPage()).goto("/en/admin");
  await other.close();
  // ...and an admin sees the denial.
  await login("ADMIN");
  // Filtered by the customer (a link with the filter in the URL), so other tests' entries cannot push it off the page.
  await page.goto(`/en/admin/audit?actor=${encodeURIComponent(customer.email)}&action=access.denied`);
  const row = page.getByRole("row").filter({ hasText: customer.email }).filter({ hasText: "Access denied" });
  await expect(row.first()).toBeVisible();
});

/** The own-account pages are for any signed-in user; a signed-out visitor is sent to sign in. */
test("[8.2.1] the own-account pages send signed-out visitors to sign in", async ({ playwright, baseURL }) => {
  const signedOut = await playwright.request.newContext({ baseURL });
  for (const path of [
    "/account",
    "/account/security",
    "/account/sessions",
    "/account/activity",
    "/account/terms",
    "/account/confirm-email?token=x",
  ]) {
    const response = await signedOut.get(`/en${path}`);
    expect(response.url(), path).toMatch(/\/en\/signin\?callbackUrl=/);
    expect(headingOf(await response.text()), path).toBe("Sign in");
  }
  await signedOut.dispose();
});

import { expect, expectAccessible, test, type Role } from "./fixtures";

/** An axe check on every page, in both languages. */
const PAGES: { path: string; role?: Role; heading: { ja: string; en: string } }[] = [
  { path: "", heading: { ja: "製品とのつながりを、ずっと。", en: "Stay connected with the products you own." } },
  { path: "/signin", heading: { ja: "ログイン", en: "Sign in" } },
  { path: "/no-such-page", heading: { ja: "ページが見つかりません", en: "Page not found" } },
  { path: "/mypage", role: "CUSTOMER", heading: { ja: "ようこそ", en: "Welcome" } },
  { path: "/admin", role: "SUPPORT_AGENT", heading: { ja: "スタッフダッシュボード", en: "Staff dashboard" } },
  { path: "/admin/audit", role: "ADMIN", heading: { ja: "監査ログ", en: "Audit log" } },
  { path: "/dealer", role: "DEALER_STAFF", heading: { ja: "販売店ポータル", en: "Dealer portal" } },
];

for (const locale of ["ja", "en"] as const) {
  for (const target of PAGES) {
    test(`axe: /${locale}${target.path}${target.role ? ` as ${target.role}` : ""}`, async ({ page, login }) => {
      if (target.role) await login(target.role);
      await page.goto(`/${locale}${target.path}`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(target.heading[locale]);
      await expectAccessible(page);
    });
  }
}

test("axe: the sign-in form with its errors showing", async ({ page }) => {
  await page.goto("/en/signin");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await expectAccessible(page);
});

test("the narrow (mobile) layout has no horizontal scrolling", async ({ page, login }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await login("SUPPORT_LEAD");
  for (const path of ["/ja/admin", "/ja/admin/audit", "/en/signin"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

import { createConversation } from "./chat-data";
import { createUser, expect, expectAccessible, newContextAs, test, type Role } from "./fixtures";
import { createRepairTicket } from "./repair-data";

/**
 * An axe check on every page, in both languages. The pages in a navigation (and the public ones)
 * are checked by layout.spec.ts as it loads them for its layout checks; these are the rest.
 */
const PAGES: { path: string; role?: Role; heading: { ja: string; en: string } }[] = [
  { path: "/reset-password?token=unknown", heading: { ja: "新しいパスワードの設定", en: "Choose a new password" } },
  { path: "/verify-email?token=unknown", heading: { ja: "メールアドレスの確認", en: "Confirm your email address" } },
  { path: "/signin/second-factor", heading: { ja: "2段階認証", en: "Two-step verification" } },
  { path: "/account-deleted", heading: { ja: "アカウントを削除しました", en: "Your account has been deleted" } },
  {
    path: "/admin/inbox/new",
    role: "SUPPORT_AGENT",
    heading: { ja: "お客さまとの会話を始める", en: "Start a conversation with the customer" },
  },
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

// Pages of one record: the record is made for the test. A paid ticket in diagnosis shows every desk form.
for (const locale of ["ja", "en"] as const) {
  test(`axe: /${locale}/admin/repairs/[id] as SUPPORT_AGENT`, async ({ page, login }) => {
    await login("SUPPORT_AGENT");
    const { id, number } = await createRepairTicket({ coverage: "PAID", steps: [{ to: "DIAGNOSING" }] });
    await page.goto(`/${locale}/admin/repairs/${id}`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
    await expectAccessible(page);
  });
}

// A conversation with messages, a link and receipts, from both sides (issue 11).
for (const locale of ["ja", "en"] as const) {
  test(`axe: /${locale} chat pages of one conversation, customer and staff`, async ({ page, login, browser, baseURL }) => {
    const customer = await login("CUSTOMER");
    const { id, subject } = await createConversation({ customer });
    await page.goto(`/${locale}/mypage/inquiries/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
    await expect(page.getByTestId("chat-message")).toHaveCount(2);
    await expectAccessible(page);
    const agent = await newContextAs(browser, baseURL!, (await createUser("SUPPORT_AGENT")).id);
    const staffPage = await agent.newPage();
    await staffPage.goto(`/${locale}/admin/inbox/${id}`);
    await expect(staffPage.getByRole("heading", { level: 1 })).toContainText(subject);
    await expect(staffPage.getByTestId("chat-message")).toHaveCount(2);
    await expectAccessible(staffPage);
    await agent.close();
  });
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
  for (const path of [
    "/ja/admin",
    "/ja/admin/audit",
    "/ja/admin/claims",
    "/en/signin",
    "/ja/account",
    "/ja/account/security",
    "/ja/account/sessions",
    "/ja/signup",
  ]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

// The check itself can fail, with and without frames (expectAccessible picks axe's mode by them).
test("axe: the check reports violations in the page and in a frame", async ({ page }) => {
  await page.setContent(`<html lang="en"><head><title>t</title></head><body><main><h1>t</h1><img src="data:,"></main></body></html>`);
  await expect(expectAccessible(page)).rejects.toThrow(/image-alt/);
  await page.setContent(
    `<html lang="en"><head><title>t</title></head><body><main><h1>t</h1><iframe title="f" srcdoc="<html lang='en'><body><img src='data:,'></body></html>"></iframe></main></body></html>`,
  );
  await expect.poll(() => page.frames().length).toBe(2);
  await expect(expectAccessible(page)).rejects.toThrow(/image-alt/);
});

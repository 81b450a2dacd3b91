import { createConversation } from "./chat-data";
import { createUser, expect, expectAccessible, newContextAs, test, type Role } from "./fixtures";
import { createRepairTicket } from "./repair-data";

/** An axe check on every page, in both languages. */
const PAGES: { path: string; role?: Role; heading: { ja: string; en: string } }[] = [
  { path: "", heading: { ja: "製品とのつながりを、ずっと。", en: "Stay connected with the products you own." } },
  { path: "/signin", heading: { ja: "ログイン", en: "Sign in" } },
  { path: "/no-such-page", heading: { ja: "ページが見つかりません", en: "Page not found" } },
  { path: "/mypage", role: "CUSTOMER", heading: { ja: "ようこそ", en: "Welcome" } },
  { path: "/admin", role: "SUPPORT_AGENT", heading: { ja: "スタッフダッシュボード", en: "Staff dashboard" } },
  { path: "/admin/audit", role: "ADMIN", heading: { ja: "監査ログ", en: "Audit log" } },
  { path: "/dealer", role: "DEALER_STAFF", heading: { ja: "販売店ポータル", en: "Dealer portal" } },
  { path: "/signup", heading: { ja: "アカウント作成", en: "Create an account" } },
  { path: "/signin/magic", heading: { ja: "メールのリンクでログイン", en: "Sign in with an email link" } },
  { path: "/forgot-password", heading: { ja: "パスワードの再設定", en: "Reset your password" } },
  { path: "/reset-password?token=unknown", heading: { ja: "新しいパスワードの設定", en: "Choose a new password" } },
  { path: "/verify-email?token=unknown", heading: { ja: "メールアドレスの確認", en: "Confirm your email address" } },
  { path: "/signin/second-factor", heading: { ja: "2段階認証", en: "Two-step verification" } },
  { path: "/legal/terms", heading: { ja: "利用規約", en: "Terms of use" } },
  { path: "/legal/privacy", heading: { ja: "プライバシーポリシー", en: "Privacy policy" } },
  { path: "/account", role: "CUSTOMER", heading: { ja: "アカウント", en: "Account" } },
  { path: "/account/security", role: "CUSTOMER", heading: { ja: "ログインと安全", en: "Sign-in & security" } },
  { path: "/account/sessions", role: "DEALER_STAFF", heading: { ja: "端末", en: "Devices" } },
  { path: "/account/activity", role: "ADMIN", heading: { ja: "セキュリティ履歴", en: "Security activity" } },
  { path: "/mypage/products", role: "CUSTOMER", heading: { ja: "登録製品", en: "My products" } },
  { path: "/mypage/products/register", role: "CUSTOMER", heading: { ja: "製品を登録", en: "Register a product" } },
  { path: "/mypage/products/receive", role: "CUSTOMER", heading: { ja: "製品を受け取る", en: "Receive a product" } },
  { path: "/mypage/products/claim", role: "CUSTOMER", heading: { ja: "登録の確認を依頼", en: "Ask us to review a registration" } },
  { path: "/mypage/repairs", role: "CUSTOMER", heading: { ja: "修理のご依頼", en: "Repairs" } },
  { path: "/mypage/repairs/new", role: "CUSTOMER", heading: { ja: "修理を依頼", en: "Request a repair" } },
  { path: "/admin/catalog", role: "ADMIN", heading: { ja: "製品カタログ", en: "Product catalog" } },
  { path: "/admin/catalog/new", role: "ADMIN", heading: { ja: "機種を追加", en: "New model" } },
  { path: "/admin/catalog/AC-2600", role: "ADMIN", heading: { ja: "機種を編集", en: "Edit model" } },
  { path: "/admin/registry", role: "ADMIN", heading: { ja: "シリアル台帳", en: "Serial registry" } },
  { path: "/admin/recalls", role: "ADMIN", heading: { ja: "リコール", en: "Recalls" } },
  { path: "/admin/recalls/new", role: "ADMIN", heading: { ja: "リコールを作成", en: "New recall campaign" } },
  { path: "/admin/claims", role: "SUPPORT_LEAD", heading: { ja: "所有者の確認依頼", en: "Ownership claims" } },
  { path: "/admin/repairs", role: "SUPPORT_AGENT", heading: { ja: "修理受付", en: "Repair desk" } },
  { path: "/admin/repairs/dashboard", role: "SUPPORT_LEAD", heading: { ja: "受付の状況", en: "Desk overview" } },
  { path: "/admin/desk", role: "ADMIN", heading: { ja: "受付の設定", en: "Desk settings" } },
  { path: "/mypage/inquiries", role: "CUSTOMER", heading: { ja: "お問い合わせ", en: "Inquiries" } },
  { path: "/mypage/inquiries/new", role: "CUSTOMER", heading: { ja: "新しいお問い合わせ", en: "New inquiry" } },
  { path: "/admin/inbox", role: "SUPPORT_AGENT", heading: { ja: "問い合わせ受信箱", en: "Support inbox" } },
  { path: "/admin/inbox/replies", role: "SUPPORT_LEAD", heading: { ja: "定型文", en: "Canned replies" } },
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

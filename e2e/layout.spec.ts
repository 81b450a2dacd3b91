import type { Locator, Page } from "@playwright/test";
import { can, ROLES } from "../lib/auth/permissions";
import { navFor, primaryNavFor } from "../lib/navigation/nav";
import {
  createDealer,
  createModelWithUnits,
  createUser,
  expect,
  expectAccessible,
  giveUnit,
  query,
  test,
  type Role,
  type TestUser,
} from "./fixtures";
import { createConversation } from "./chat-data";
import { dealerWorld } from "./dealer-data";
import { createRepairTicket } from "./repair-data";

/**
 * Issue 9 items 9 and 10: every navigation marks the current page, a signed-in user is shown as
 * signed in everywhere, and every page of every role fits a 390 px phone in both languages.
 * The pages come from the same navigation model the header uses (lib/navigation/nav.ts).
 * The same loops run the axe check on every page at 390 px in English, and on the navigation's pages
 * at desktop width in Japanese, so each page is loaded once for layout and accessibility;
 * a11y.spec.ts covers the pages outside any navigation.
 */
const LOCALES = ["ja", "en"] as const;
const MAIN_NAV = { ja: "メインナビゲーション", en: "Main navigation" } as const;
const ACCOUNT_NAV = { ja: "アカウントのメニュー", en: "Account sections" } as const;
const SIGN_OUT = { ja: "ログアウト", en: "Sign out" } as const;
const SIGN_IN = { ja: "ログイン", en: "Sign in" } as const;
const APP_NAME = { ja: "オーナーズポータル", en: "Owners Portal" } as const;

const actorOf = (user: TestUser) => ({ id: user.id, role: user.role, dealerId: user.dealerId });

/** Pages reachable only from within a page (forms, details), per role, beside those in the navigation. */
const EXTRA_PAGES: Partial<Record<Role, string[]>> = {
  CUSTOMER: [
    "/mypage/products/register",
    "/mypage/products/receive",
    "/mypage/products/claim",
    "/mypage/repairs/new",
    "/mypage/inquiries/new",
    "/mypage/points/rewards",
    "/mypage/messages",
    "/mypage/privacy/notifications",
    "/mypage/privacy/data",
    "/mypage/privacy/access",
    "/mypage/privacy/delete",
    "/mypage/privacy/apps",
    "/mypage/surveys",
    "/account/terms",
  ],
  DEALER_STAFF: ["/dealer/sales/import"],
  DEALER_ADMIN: ["/dealer/sales/import"],
  ADMIN: [
    "/admin/privacy/new",
    "/admin/privacy/terms",
    "/admin/privacy/stats",
    "/admin/privacy/retention",
    "/admin/catalog/new",
    "/admin/catalog/AC-2600",
    "/admin/recalls/new",
    "/admin/inbox/replies",
    "/admin/inbox/new",
    "/admin/points/rules",
    "/admin/points/rules/new",
    "/admin/points/rewards",
    "/admin/points/rewards/new",
    "/admin/points/report",
    "/admin/points/settings",
    "/admin/dealers/new",
    "/admin/engagement/campaigns/new",
    "/admin/engagement/segments",
    "/admin/engagement/segments/new",
    "/admin/engagement/surveys",
    "/admin/engagement/surveys/new",
    "/admin/engagement/profiling",
    "/admin/engagement/profiling/attributes/new",
    "/admin/engagement/profiling/prompts/new",
    "/admin/apps/new",
    "/admin/apps/demo-site",
    "/admin/apps/webhooks",
    "/admin/apps/webhooks/new",
  ],
};
const PUBLIC_PAGES = [
  "",
  "/signin",
  "/signup",
  "/signin/magic",
  "/forgot-password",
  "/legal/terms",
  "/legal/privacy",
  "/legal/dealer_share",
  "/developers",
  "/no-such-page",
];

const LONG_CHAT = [
  { side: "CUSTOMER" as const, body: "エアコンのタイマーが設定できません。取扱説明書のどこを見ればよいですか?" },
  {
    side: "STAFF" as const,
    body: `こちらをご覧ください: https://example.com/support/manuals/AC-2600/timer-settings?lang=ja&section=${"x".repeat(60)}`,
  },
];

/** Data that fills the tables and cards of a role's pages, so there is something to wrap. */
async function withContent(user: TestUser): Promise<string[]> {
  await query(
    `INSERT INTO "AuditEvent" (action, outcome, "actorId", "ipAddress") VALUES ('auth.sign_in', 'SUCCESS', $1, '203.0.113.7'), ('auth.sign_in', 'FAILURE', $1, '::1'), ('auth.password_changed', 'SUCCESS', $1, NULL)`,
    [user.id],
  );
  // The desk's ticket page (a paid ticket shows the most: customer panel, estimate form).
  // ...and a conversation in the inbox (issue 11), with a long link in it.
  if (can(actorOf(user), "repairs.work")) {
    const conversation = await createConversation({ messages: LONG_CHAT });
    const pages = [`/admin/repairs/${(await createRepairTicket({ coverage: "PAID" })).id}`, `/admin/inbox/${conversation.id}`];
    if (can(actorOf(user), "dealers.manage")) pages.push(`/admin/dealers/${await createDealer()}`);
    return pages;
  }
  // A dealer's customer, drop-off and recall (issue 13).
  if (user.dealerId) return (await dealerWorld(user)).paths;
  if (user.role !== "CUSTOMER") return [];
  const { unitIds } = await createModelWithUnits(1);
  // A repair waiting on an estimate: the request form, the estimate table and the timeline at their widest.
  const repair = await createRepairTicket({
    customer: user,
    coverage: "PAID",
    estimate: {
      sentById: (await createUser("SUPPORT_AGENT")).id,
      lines: [
        { description: "基板交換(メイン制御基板)", quantity: 1, unitPriceYen: 12000 },
        { description: "出張・点検費", quantity: 1, unitPriceYen: 3500 },
      ],
      note: "基板の交換と動作確認",
    },
  });
  return [
    `/mypage/products/${await giveUnit(user.id, unitIds[0]!)}`,
    `/mypage/repairs/new?product=${repair.product.ownershipId}`,
    `/mypage/repairs/${repair.id}`,
    "/mypage/repairs",
    `/mypage/inquiries/${(await createConversation({ customer: user, messages: LONG_CHAT })).id}`,
  ];
}

function pagesOf(user: TestUser): string[] {
  const actor = actorOf(user);
  const inNav = [...primaryNavFor(actor), ...navFor("account", actor)].map((entry) => entry.href);
  return [...new Set(["", ...inNav, ...(EXTRA_PAGES[user.role] ?? []), "/no-such-page"])];
}

/** Horizontal overflow of the page in px (0 when it fits). */
function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Table cells (and the header's texts) narrower than their widest word: Japanese squeezed into a
 * column breaks between any two characters ("ロ/グ/イ/ン"). Words come from the browser's own
 * word segmenter, so "ログイン" and "個人情報" count as one word each.
 */
function cellsNarrowerThanAWord(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const context = document.createElement("canvas").getContext("2d")!;
    const problems: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>("th, td, header a, header p, header button")) {
      // Identifiers (ids, hashes) are not words: they are marked break-all and may break anywhere.
      let text = cell.innerText;
      for (const id of cell.querySelectorAll<HTMLElement>(".break-all")) text = text.replace(id.innerText, " ");
      text = text.trim();
      if (!text || text.length > 60 || cell.getClientRects().length === 0) continue;
      const style = getComputedStyle(cell);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const segmenter = new Intl.Segmenter(document.documentElement.lang, { granularity: "word" });
      const words = [...segmenter.segment(text)].filter((part) => part.isWordLike).map((part) => part.segment);
      const widest = Math.max(0, ...words.map((word) => context.measureText(word).width));
      const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (room + 1 < widest) problems.push(`"${text}" has ${Math.round(room)}px for a ${Math.round(widest)}px word`);
    }
    return problems;
  });
}

/** Both are visible and side by side on one row. */
async function expectOnOneRow(first: Locator, second: Locator, what: string): Promise<void> {
  await expect(first).toBeVisible();
  await expect(second).toBeVisible();
  const [a, b] = [(await first.boundingBox())!, (await second.boundingBox())!];
  expect(Math.abs(a.y + a.height / 2 - (b.y + b.height / 2)), `${what} share a row`).toBeLessThan(Math.max(a.height, b.height) / 2);
}

/** The signed-in user's name and the sign-out button, side by side. */
async function expectAccountOnOneRow(page: Page, user: TestUser, locale: "ja" | "en"): Promise<void> {
  const banner = page.getByRole("banner");
  await expectOnOneRow(
    banner.getByText(user.name, { exact: true }),
    banner.getByRole("button", { name: SIGN_OUT[locale], exact: true }),
    "name and sign-out",
  );
}

/**
 * The pages a test of `role` checks: roles with many pages are split in two tests (every other
 * page), so they run side by side; the pages with test data go with the second half.
 */
const PARTS: Partial<Record<Role, number>> = { ADMIN: 2, CUSTOMER: 2 };
const partsOf = (role: Role) => Array.from({ length: PARTS[role] ?? 1 }, (_, part) => part);
async function pagesFor(user: TestUser, part: number): Promise<string[]> {
  const parts = PARTS[user.role] ?? 1;
  const listed = pagesOf(user).filter((_, index) => index % parts === part);
  return part === parts - 1 ? [...listed, ...(await withContent(user))] : listed;
}
const partName = (role: Role, part: number) => ((PARTS[role] ?? 1) > 1 ? ` (part ${part + 1})` : "");

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

// In English every page at 390 px with its axe check. In Japanese every page at 390 px and then,
// without loading it again, at desktop width (the layout is CSS alone: no script reads the
// width), where Japanese still wraps between words; the pages of the navigation get their axe
// check in Japanese there.
for (const role of ROLES) {
  for (const part of partsOf(role)) {
    for (const locale of LOCALES) {
      const widths = locale === "ja" ? "390 px and desktop" : "390 px";
      test(`${widths}: every page of a ${role} fits the screen and wraps by words (${locale})${partName(role, part)}`, async ({
        page,
        login,
      }) => {
        test.setTimeout(150_000);
        const user = await login(role);
        const inNav = new Set(primaryNavFor(actorOf(user)).map((entry) => entry.href));
        for (const path of await pagesFor(user, part)) {
          await page.setViewportSize(PHONE);
          await page.goto(`/${locale}${path}`);
          await expect(page.locator("html"), path).toHaveAttribute("lang", locale);
          await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
          expect(await pageOverflow(page), `${path}: horizontal page scroll`).toBeLessThanOrEqual(0);
          await expectAccountOnOneRow(page, user, locale);
          expect(await cellsNarrowerThanAWord(page), `${path}: text broken inside words`).toEqual([]);
          if (locale === "en") {
            await expectAccessible(page);
            continue;
          }
          await page.setViewportSize(DESKTOP);
          expect(await pageOverflow(page), `${path} (desktop): horizontal page scroll`).toBeLessThanOrEqual(0);
          expect(await cellsNarrowerThanAWord(page), `${path} (desktop): text broken inside words`).toEqual([]);
          if (inNav.has(path)) await expectAccessible(page);
        }
      });
    }
  }
}

for (const locale of LOCALES) {
  test(`390 px: public pages fit the screen and wrap by words (${locale})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of PUBLIC_PAGES) {
      await page.goto(`/${locale}${path}`);
      await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
      expect(await pageOverflow(page), `${path}: horizontal page scroll`).toBeLessThanOrEqual(0);
      expect(await cellsNarrowerThanAWord(page), `${path}: text broken inside words`).toEqual([]);
      const banner = page.getByRole("banner");
      await expectOnOneRow(
        banner.getByRole("link", { name: APP_NAME[locale] }),
        banner.getByRole("link", { name: SIGN_IN[locale], exact: true }),
        "brand and sign-in",
      );
      await expectAccessible(page);
    }
  });
}

test("every navigation marks the page the user is on, with a visible style", async ({ page, login }) => {
  const user = await login("ADMIN");
  for (const entry of primaryNavFor(actorOf(user))) {
    await page.goto(`/en${entry.href}`);
    const nav = page.getByRole("navigation", { name: MAIN_NAV.en });
    const current = nav.locator('a[aria-current="page"]');
    await expect(current, entry.href).toHaveCount(1);
    await expect(current).toHaveAttribute("href", `/en${entry.href}`);
    // The marking is visible, not only announced: the current link looks different from the others.
    const look = (selector: string) =>
      nav
        .locator(selector)
        .first()
        .evaluate((a) => {
          const style = getComputedStyle(a);
          return `${style.color} ${style.borderBottomColor} ${style.backgroundColor} ${style.fontWeight}`;
        });
    expect(await look('a[aria-current="page"]')).not.toBe(await look("a:not([aria-current])"));
  }
  // The language switcher marks the current language, which is this page.
  await expect(page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "English" })).toHaveAttribute(
    "aria-current",
    "page",
  );
});

test("the account area keeps the customer's navigation and marks its own section", async ({ page, login }) => {
  const user = await login("CUSTOMER");
  await page.goto("/ja/account/security");
  const main = page.getByRole("navigation", { name: MAIN_NAV.ja });
  await expect(main.getByRole("link", { name: "登録製品" })).toBeVisible();
  await expect(main.getByRole("link", { name: "マイページ" })).toBeVisible();
  await expect(main.getByRole("link", { name: "アカウント" })).toHaveAttribute("aria-current", "true");
  const sections = page.getByRole("navigation", { name: ACCOUNT_NAV.ja });
  await expect(sections.getByRole("link", { name: "ログインと安全" })).toHaveAttribute("aria-current", "page");
  await expect(sections.locator("[aria-current]")).toHaveCount(1);
  // A product's own page still belongs to "My products".
  const { unitIds } = await createModelWithUnits(1);
  await page.goto(`/ja/mypage/products/${await giveUnit(user.id, unitIds[0]!)}`);
  await expect(main.getByRole("link", { name: "登録製品" })).toHaveAttribute("aria-current", "true");
  await expect(main.locator("[aria-current]")).toHaveCount(1);
});

for (const locale of LOCALES) {
  test(`a signed-in user stays signed in on the home page and on a missing page (${locale})`, async ({ page, login }) => {
    const user = await login("CUSTOMER");
    for (const path of ["", "/no-such-page", "/mypage/products/no-such-product", "/admin"]) {
      const response = await page.goto(`/${locale}${path}`);
      if (path !== "") expect(response?.status(), path).toBe(404);
      await expectAccountOnOneRow(page, user, locale);
      // The customer's own navigation, wherever they are.
      const expected = primaryNavFor(actorOf(user)).length;
      await expect(page.getByRole("navigation", { name: MAIN_NAV[locale] }).getByRole("link")).toHaveCount(expected);
    }
  });
}

test("a signed-out visitor sees a sign-in link in the header, marked on the sign-in page", async ({ page }) => {
  await page.goto("/en/no-such-page");
  const signIn = page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true });
  await expect(signIn).toBeVisible();
  await expect(page.getByRole("banner").getByRole("button", { name: SIGN_OUT.en })).toHaveCount(0);
  await signIn.click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true })).toHaveAttribute("aria-current", "page");
});

import { randomBytes, randomUUID } from "node:crypto";
import { hashToken } from "../lib/auth/token-hash";
import { checkAgainstFormats } from "../lib/products/serial-format";
import {
  createModelWithUnits,
  createSession,
  createUser,
  expect,
  expectAccessible,
  giveUnit,
  query,
  randomClientAddress,
  SESSION_COOKIE,
  test,
} from "./fixtures";
import { receiptPhoto } from "./images";

/** Issue 9, the customer side: what a new customer hit in sign-up, registration, claims, recalls and My Page. */
test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": randomClientAddress() });
});

const L = {
  ja: {
    confirm: "メールアドレスを確認",
    pressButton: "ボタンを押して",
    confirmed: "メールアドレスを確認しました",
    toSignIn: "ログイン",
    toMyPage: "マイページへ",
    passwordRemoved: "別の端末でこのリンクが開かれたため",
    choosePassword: "パスワードを設定する",
    serial: "シリアル番号",
    hintExample: /例: ([0-9A-Z]+)/,
    serialErrors: /形式ではありません|入力に誤りがあるようです/,
    notFound: "見つかりません",
    ready: "登録できます",
    photo: "レシート・保証書(写真)",
    uploaded: "写真をアップロードしました",
    purchasedOn: "レシートの購入日",
    purchasedOnHint: "保証はこの日から数えます。",
    dateRequired: "レシートの購入日を入力してください。保証はこの日から数えます。",
    register: "製品を登録",
    registered: "製品を登録しました。",
    manufactureNote: "この機種の保証は製造日から数えるため、レシートや購入日は不要です。",
    fromManufacture: /この機種の保証は製造日に通常の販売までの期間3か月を加えた日から数えるため、レシートは不要です。/,
    noReceipt: /レシートの登録がないため、保証は製造日に通常の販売までの期間3か月を加えた日から数えます。/,
    fromReceipt: /レシートの購入日(.+)から12か月。/,
    claimMessage: "状況",
    counter: (n: string) => `${n} / 2,000文字`,
    left: "残り5文字",
    over: "1文字オーバー",
    tooLong: "入力が長すぎます。",
    claimPhotoHint: "シリアル番号が写ったレシートや保証書",
    sendClaim: "確認を依頼する",
    products: "登録製品",
    empty: "まだ製品が登録されていません",
    registerAction: "製品を登録",
    endsSoon: "まもなく終了",
    covered: "保証中",
    notices: "ご登録製品に関する重要な安全のお知らせ",
    flagOpen: "安全のお知らせ:ご確認ください",
    whatToDo: "お客様にお願いしたいこと",
    openProduct: /登録製品「.+」を開く/,
  },
  en: {
    confirm: "Confirm email address",
    pressButton: "Press the button",
    confirmed: "Your email address is confirmed",
    toSignIn: "Sign in",
    toMyPage: "Go to My Page",
    passwordRemoved: "opened on a different device",
    choosePassword: "Choose a password",
    serial: "Serial number",
    hintExample: /e\.g\. ([0-9A-Z]+)\./,
    serialErrors: /does not look like|check digit/,
    notFound: "cannot find",
    ready: "ready to register",
    photo: "Receipt or warranty card (photo)",
    uploaded: "Photo uploaded",
    purchasedOn: "Purchase date on the receipt",
    purchasedOnHint: "The warranty counts from this date.",
    dateRequired: "Enter the purchase date on the receipt: the warranty counts from it.",
    register: "Register product",
    registered: "Your product is registered.",
    manufactureNote: "This model's warranty counts from when it was made, so no receipt or purchase date is needed.",
    fromManufacture:
      /This model's warranty counts from when it was made plus 3 months, the usual time until it is sold, so no receipt is needed\./,
    noReceipt: /Without a receipt, the warranty counts from when the product was made plus 3 months/,
    fromReceipt: /12 months from the purchase date on your receipt \(.+\)\./,
    claimMessage: "What happened?",
    counter: (n: string) => `${n} of 2,000 characters`,
    left: "5 characters left",
    over: "1 character too many",
    tooLong: "This is too long.",
    claimPhotoHint: "A receipt or warranty card showing the serial number",
    sendClaim: "Ask us to review",
    products: "My products",
    empty: "You have not registered a product yet",
    registerAction: "Register a product",
    endsSoon: "Ends soon",
    covered: "Covered",
    notices: "Important safety notice for your product",
    flagOpen: "Safety notice: please read",
    whatToDo: "What to do",
    openProduct: /Open .+ in your products/,
  },
} as const;

/** A verification link for `user`, as the sign-up email carries it (the table keeps only the hash). */
async function verificationToken(user: { id: string; email: string }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await query(
    `INSERT INTO "AuthToken" (id, "tokenHash", purpose, "userId", email, "expiresAt") VALUES ($1, $2, 'EMAIL_VERIFICATION', $3, $4, now() + interval '1 day')`,
    [randomUUID(), hashToken(token), user.id, user.email],
  );
  return token;
}

/** A published recall covering one unit, with its notice to `userId` (as publishing makes them). */
async function recallNoticeFor(unitId: string, userId: string, code: string): Promise<string> {
  const admin = await createUser("ADMIN");
  const [row] = await query<{ id: string }>(
    `WITH c AS (INSERT INTO "RecallCampaign" (id, code, "modelId", "titleJa", "titleEn", "messageJa", "messageEn", lots, status, "createdById")
       SELECT gen_random_uuid()::text, $4, "modelId", 'ファンの点検 ' || $4, 'Fan inspection ' || $4, '電源を切ってお待ちください。', 'Please switch it off until it is inspected.', '{}', 'PUBLISHED', $2 FROM "SerialUnit" WHERE id = $1 RETURNING id)
     INSERT INTO "RecallNotice" (id, "campaignId", "unitId", "userId") SELECT gen_random_uuid()::text, c.id, $1, $3 FROM c RETURNING id`,
    [unitId, admin.id, userId, code],
  );
  return row!.id;
}

async function expectNoHorizontalScroll(page: import("@playwright/test").Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const locale of ["ja", "en"] as const) {
  const t = L[locale];

  // The browser that signed up gets "Sign in" (identity.spec.ts follows that link); here the link is
  // opened on another device, which proves the mailbox but not the password (email-proof.ts).
  test(`(${locale}) the verified-email page leads on: a new password when opened on another device, My Page when signed in, and the lead changes once confirmed`, async ({
    page,
    context,
    baseURL,
  }) => {
    const user = await createUser("CUSTOMER");
    await query(`UPDATE "User" SET "emailVerified" = NULL WHERE id = $1`, [user.id]);
    await page.goto(`/${locale}/verify-email?token=${await verificationToken(user)}`);
    await expect(page.getByText(t.pressButton)).toBeVisible();
    await page.getByRole("button", { name: t.confirm }).click();
    await expect(page.getByText(t.confirmed)).toBeVisible();
    await expect(page.getByText(t.pressButton)).toHaveCount(0);
    await expectAccessible(page);
    await expect(page.getByText(t.passwordRemoved)).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: t.choosePassword, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/forgot-password`));

    // Signed in (an address already confirmed, so nothing about the session changes): on to My Page.
    await context.addCookies([
      { name: SESSION_COOKIE, value: await createSession(user.id), url: baseURL!, httpOnly: true, sameSite: "Lax" },
    ]);
    await page.goto(`/${locale}/verify-email?token=${await verificationToken(user)}`);
    await page.getByRole("button", { name: t.confirm }).click();
    await page.getByRole("main").getByRole("link", { name: t.toMyPage }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/mypage$`));
  });

  test(`(${locale}) the serial hint's example passes the form's own check`, async ({ page, login }) => {
    await login("CUSTOMER");
    await page.goto(`/${locale}/mypage/products/register`);
    const field = page.getByLabel(t.serial);
    const hint = await page.locator(`[id="${await field.getAttribute("aria-describedby")}"]`).innerText();
    const example = t.hintExample.exec(hint)?.[1];
    expect(example, hint).toBeTruthy();
    // The seeded formats accept it (the old "AC26-0001-2" failed them) ...
    const formats = await query<{ pattern: string; checkDigit: "NONE" | "LUHN" | "ISO7064_MOD37_36" }>(
      `SELECT "serialPattern" AS pattern, "checkDigit" AS "checkDigit" FROM "ProductModel" WHERE "archivedAt" IS NULL`,
    );
    expect(checkAgainstFormats(example!, formats)).toBe("ok");
    // ... and so does the form as the customer types it.
    await field.fill(example!);
    const status = page.getByTestId("serial-status");
    await expect(status).toContainText(t.notFound);
    await expect(status).not.toContainText(t.serialErrors);
  });

  test(`(${locale}) only what the warranty basis needs is asked: nothing for a model counted from manufacture, the date (required, with why) once a receipt is added`, async ({
    page,
    login,
  }) => {
    test.setTimeout(60_000);
    const manufacture = await createModelWithUnits(1);
    await query(`UPDATE "ProductModel" SET "warrantyBasis" = 'MANUFACTURE_DATE' WHERE id = $1`, [manufacture.modelId]);
    const purchase = await createModelWithUnits(2);
    await login("CUSTOMER");

    // Counted from manufacture (like WM-90): no receipt, no date, and no talk of a missing receipt.
    await page.goto(`/${locale}/mypage/products/register`);
    await page.getByLabel(t.serial).fill(manufacture.serials[0]!);
    await expect(page.getByTestId("serial-status")).toContainText(t.ready);
    await expect(page.getByText(t.manufactureNote)).toBeVisible();
    await expect(page.getByLabel(t.photo)).toHaveCount(0);
    await expect(page.getByLabel(t.purchasedOn)).toHaveCount(0);
    await page.getByRole("button", { name: t.register, exact: true }).click();
    await expect(page.getByText(t.registered)).toBeVisible();
    await expect(page.getByTestId("warranty")).toContainText(t.fromManufacture);

    // Counted from purchase, without a receipt: no date asked; the explanation says why manufacture.
    await page.goto(`/${locale}/mypage/products/register`);
    await page.getByLabel(t.serial).fill(purchase.serials[0]!);
    await expect(page.getByTestId("serial-status")).toContainText(t.ready);
    await expect(page.getByLabel(t.purchasedOn)).toHaveCount(0);
    await page.getByRole("button", { name: t.register, exact: true }).click();
    await expect(page.getByText(t.registered)).toBeVisible();
    await expect(page.getByTestId("warranty")).toContainText(t.noReceipt);

    // With a receipt: the date is asked for, says why, and an empty one says it is required.
    await page.goto(`/${locale}/mypage/products/register`);
    await page.getByLabel(t.serial).fill(purchase.serials[1]!);
    await expect(page.getByTestId("serial-status")).toContainText(t.ready);
    await page.getByLabel(t.photo).setInputFiles({ name: "receipt.jpg", mimeType: "image/jpeg", buffer: await receiptPhoto() });
    await expect(page.getByText(t.uploaded)).toBeVisible();
    const date = page.getByLabel(t.purchasedOn);
    await expect(page.getByText(t.purchasedOnHint)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: t.register, exact: true }).click();
    await expect(page.getByText(t.dateRequired)).toBeVisible();
    await expect(date).toHaveAttribute("aria-invalid", "true");
    await date.fill("2026-03-01");
    await page.getByRole("button", { name: t.register, exact: true }).click();
    await expect(page.getByText(t.registered)).toBeVisible();
    await expect(page.getByTestId("warranty")).toContainText(t.fromReceipt);
  });

  test(`(${locale}) the claim form shows its limit with a live counter before "too long", and its photo hint fits a claim`, async ({
    page,
    login,
  }) => {
    await login("CUSTOMER");
    await page.goto(`/${locale}/mypage/products/claim?serial=AC26000002I`);
    const message = page.getByLabel(t.claimMessage);
    const counter = page.getByTestId("character-count");
    await expect(counter).toHaveText(t.counter("0"));
    // The counter is part of the field's description, so a screen reader hears the limit on focus.
    expect(await message.getAttribute("aria-describedby")).toContain(await counter.getAttribute("id"));
    await expect(page.getByText(t.claimPhotoHint)).toBeVisible();
    await expect(page.getByText(/manufacture|製造日/)).toHaveCount(0);
    await expectAccessible(page);

    await message.fill("x".repeat(1995));
    await expect(counter).toHaveText(t.counter("1,995"));
    await expect(page.getByText(t.left)).toBeAttached();
    await message.fill("x".repeat(2001));
    await expect(page.getByText(t.over)).toBeAttached();
    await expect(message).toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: t.sendClaim }).click();
    await expect(page.getByText(t.tooLong)).toBeVisible();
    await expect(message).toHaveValue("x".repeat(2001)); // nothing typed is lost
  });

  test(`(${locale}) My Page is a dashboard: an empty state with the register action, then products with their warranty state and an open recall, at 390 px`, async ({
    page,
    login,
  }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width: 390, height: 844 });
    const user = await login("CUSTOMER");
    await page.goto(`/${locale}/mypage`);
    const products = page.locator("section").filter({ has: page.getByRole("heading", { name: t.products, exact: true }) });
    await expect(products).toContainText(t.empty);
    await expect(products.getByRole("link", { name: t.registerAction, exact: true })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    // One unit well within its warranty, one ending within 60 days (no receipt: counted from
    // manufacture + 3 months, so made 14 months ago ends in about a month), one with a recall.
    const fresh = await createModelWithUnits(1);
    const old = await createModelWithUnits(1, { manufacturedOn: new Date(Date.now() - 425 * 86_400_000).toISOString().slice(0, 10) });
    await giveUnit(user.id, fresh.unitIds[0]!);
    const ownershipId = await giveUnit(user.id, old.unitIds[0]!);
    const code = `RC-${randomBytes(4).toString("hex").toUpperCase()}`;
    const noticeId = await recallNoticeFor(old.unitIds[0]!, user.id, code);

    await page.reload();
    const fresher = products.getByRole("listitem").filter({ hasText: fresh.serials[0]! });
    await expect(fresher.getByTestId("warranty-status")).toContainText(t.covered);
    const ending = products.getByRole("listitem").filter({ hasText: old.serials[0]! });
    await expect(ending.getByTestId("warranty-status")).toContainText(t.endsSoon);
    await expect(ending.getByRole("link", { name: t.flagOpen })).toHaveAttribute("href", `/${locale}/mypage/recalls/${noticeId}`);
    const notices = page.getByRole("region", { name: t.notices });
    await expect(notices.getByRole("link", { name: new RegExp(code) })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    // The product's card in My products flags it too, and the notice says what to do and links back.
    await page.goto(`/${locale}/mypage/products`);
    await page.getByRole("link", { name: t.flagOpen }).click();
    const whatToDo = page.getByRole("region", { name: t.whatToDo });
    await expect(whatToDo.getByRole("link", { name: "support@e2e.example" })).toHaveAttribute(
      "href",
      new RegExp(`^mailto:support@e2e\\.example\\?subject=${code}`),
    );
    await expect(whatToDo).toContainText(old.serials[0]!);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.getByRole("link", { name: t.openProduct }).click();
    await expect(page).toHaveURL(new RegExp(`/mypage/products/${ownershipId}$`));
  });
}

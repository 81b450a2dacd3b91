import type { Page } from "@playwright/test";
import { createUser, expect, expectAccessible, newContextAs, query, randomClientAddress, test } from "./fixtures";
import { receiptPhoto } from "./images";
import { attachCustomerPhoto, createRepairTicket, ownRepairableProduct, REQUEST_FORM } from "./repair-data";

/** Issue 10, "Customers can": repair requests from the customer's side. */
test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": randomClientAddress() });
});

const L = {
  ja: {
    ...REQUEST_FORM.ja,
    pickup: "宅配業者が引き取りに伺う",
    firstDate: "第1希望",
    postalCode: "郵便番号",
    free: "無料(保証期間内)",
    paid: "有料(お見積もりのあと)",
    title: (number: string) => `修理のご依頼 ${number}`,
    list: "修理のご依頼",
    card: "修理のご依頼",
    required: "続けるために必要です。",
    photoOpen: (n: number) => `写真 ${n} を大きく表示`,
    received: "修理のご依頼を受け付けました。",
  },
  en: {
    ...REQUEST_FORM.en,
    pickup: "A courier picks it up",
    firstDate: "Choice 1",
    postalCode: "Postal code",
    free: "Free (under warranty)",
    paid: "Charged (after an estimate)",
    title: (number: string) => `Repair request ${number}`,
    list: "Repairs",
    card: "Repair requests",
    required: "Needed to continue.",
    photoOpen: (n: number) => `Open photo ${n} full size`,
    received: "We received your repair request.",
  },
} as const;

const photo = async (name: string) => ({ name, mimeType: "image/jpeg", buffer: await receiptPhoto() });

/** The request form for one of the customer's products, opened by its address, with a symptom picked and the problem described. */
async function startRequest(page: Page, locale: "ja" | "en", ownershipId: string, description: string): Promise<void> {
  await page.goto(`/${locale}/mypage/repairs/new?product=${ownershipId}`);
  await page.getByLabel(L[locale].symptom, { exact: true }).selectOption({ label: L[locale].symptomOption });
  await page.getByLabel(L[locale].description).fill(description);
}

for (const locale of ["ja", "en"] as const) {
  const t = L[locale];
  test(`[issue 10] (${locale}) a customer files a request with two photos from the product page, sees it in the list and on My Page`, async ({
    page,
    login,
  }) => {
    test.setTimeout(60_000);
    const user = await login("CUSTOMER");
    const product = await ownRepairableProduct(user.id);
    await page.goto(`/${locale}/mypage/products/${product.ownershipId}`);
    await page.getByRole("link", { name: t.request, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/mypage/repairs/new\\?product=${product.ownershipId}$`));
    // Before sending: in warranty, so free, with the engine's explanation.
    await expect(page.getByTestId("repair-coverage")).toContainText(t.free);
    await expect(page.getByTestId("warranty")).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel(t.symptom, { exact: true }).selectOption({ label: t.symptomOption });
    await page.getByLabel(t.description).fill("Cold air stops after ten minutes / 10分ほどで冷えなくなります。");
    await page.getByLabel(t.photos).setInputFiles([await photo("a.jpg"), await photo("b.jpg")]);
    await expect(page.getByText(t.photoDone(1))).toBeVisible();
    await expect(page.getByText(t.photoDone(2))).toBeVisible();
    await page.getByRole("radio", { name: t.sendIn }).check();
    await page.getByRole("button", { name: t.submit }).click();

    await expect(page).toHaveURL(new RegExp(`/${locale}/mypage/repairs/[^/?]+\\?sent=1$`));
    const [ticket] = await query<{ id: string; number: string; photos: string }>(
      `SELECT t.id, t.number, (SELECT count(*) FROM "RepairPhoto" p WHERE p."ticketId" = t.id)::text AS photos FROM "RepairTicket" t WHERE "customerId" = $1`,
      [user.id],
    );
    expect(ticket!.photos).toBe("2");
    expect(ticket!.number).toMatch(/^R-\d{4}-\d{6}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title(ticket!.number));
    await expect(page.getByText(t.received, { exact: true })).toBeVisible();
    await expect(page.getByRole("img", { name: t.photoOpen(2) })).toBeVisible();
    await expect(page.locator('[aria-current="step"]')).toHaveCount(1);
    await expectAccessible(page);

    await page.goto(`/${locale}/mypage/repairs`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.list);
    await expect(page.getByRole("link", { name: ticket!.number })).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/${locale}/mypage`);
    await expect(page.getByRole("region", { name: t.card }).getByRole("link", { name: ticket!.number })).toBeVisible();
  });
}

test("a server-side refusal keeps everything typed: a pickup without an address is asked for it next to the fields", async ({
  page,
  login,
}) => {
  const user = await login("CUSTOMER");
  const description = "It makes a loud rattling noise at night.";
  await startRequest(page, "en", (await ownRepairableProduct(user.id)).ownershipId, description);
  await page.getByRole("radio", { name: L.en.pickup }).check();
  // A pickup date in a month (a past one would be refused for its own reason).
  const pickupDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel(L.en.firstDate).fill(pickupDate);
  // The profile has no address, so the form asks; left empty, the server refuses next to the fields.
  await expect(page.getByLabel(L.en.postalCode)).toBeVisible();
  await page.getByRole("button", { name: L.en.submit }).click();
  await expect(page.getByText(L.en.required).first()).toBeVisible();
  await expect(page.getByLabel(L.en.postalCode)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(L.en.description)).toHaveValue(description);
  await expect(page.getByLabel(L.en.firstDate)).toHaveValue(pickupDate);
  await expect(page.getByLabel(L.en.symptom, { exact: true })).not.toHaveValue("");
  expect(await query(`SELECT id FROM "RepairTicket" WHERE "customerId" = $1`, [user.id])).toHaveLength(0);
  await expectAccessible(page);

  // Filled in, the same form goes through, and the address is kept in the profile.
  await page.getByLabel(L.en.postalCode).fill("104-0061");
  await page.getByLabel("Prefecture").fill("東京都");
  await page.getByLabel("City / ward").fill("中央区");
  await page.getByLabel("Town and street number").fill("銀座1-1-1");
  await page.getByRole("button", { name: L.en.submit }).click();
  await expect(page).toHaveURL(/\/en\/mypage\/repairs\/[^/?]+\?sent=1$/);
  const [profile] = await query<{ city: string }>(`SELECT city FROM "User" WHERE id = $1`, [user.id]);
  expect(profile!.city).toBe("中央区");
});

test("a double click on send makes one request", async ({ page, login }) => {
  const user = await login("CUSTOMER");
  await startRequest(page, "ja", (await ownRepairableProduct(user.id)).ownershipId, "電源を入れてもすぐに止まってしまいます。");
  await page.getByRole("radio", { name: L.ja.sendIn }).check();
  await page.getByRole("button", { name: L.ja.submit }).dblclick();
  await expect(page).toHaveURL(/\/ja\/mypage\/repairs\/[^/?]+\?sent=1$/);
  // A retry with the same key (a second submit of the same form) returns the same ticket too.
  expect(await query(`SELECT id FROM "RepairTicket" WHERE "customerId" = $1`, [user.id])).toHaveLength(1);
});

test("a field of a choice the customer left (a bad phone number, then email instead) does not block sending", async ({ page, login }) => {
  const user = await login("CUSTOMER");
  await startRequest(page, "en", (await ownRepairableProduct(user.id)).ownershipId, "The display shows error E5 and it stops.");
  await page.getByRole("radio", { name: L.en.sendIn }).check();
  await page.getByRole("radio", { name: "Phone", exact: true }).check();
  await page.getByLabel("Phone number").fill("call me");
  await page.getByRole("button", { name: L.en.submit }).click();
  await expect(page.getByText("Enter a phone number with digits and hyphens.")).toBeVisible();
  await page.getByRole("radio", { name: "Email", exact: true }).check();
  await expect(page.getByLabel("Phone number")).toHaveCount(0);
  await page.getByRole("button", { name: L.en.submit }).click();
  await expect(page).toHaveURL(/\/en\/mypage\/repairs\/[^/?]+\?sent=1$/);
  const [ticket] = await query<{ contactPreference: string }>(`SELECT "contactPreference" FROM "RepairTicket" WHERE "customerId" = $1`, [
    user.id,
  ]);
  expect(ticket!.contactPreference).toBe("EMAIL");
});

test("[8.2.2] another customer gets 404 on a request page and its photos, and cannot act on it", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  const ticket = await createRepairTicket();
  const fileId = await attachCustomerPhoto(browser, baseURL!, ticket.customer.id, ticket.id);
  const ownerContext = await newContextAs(browser, baseURL!, ticket.customer.id);
  const ownerPage = await ownerContext.newPage();
  expect((await ownerPage.goto(`/en/mypage/repairs/${ticket.id}`))?.status()).toBe(200);
  expect((await ownerPage.request.get(`/api/files/${fileId}?variant=thumb`)).status()).toBe(200);
  await ownerContext.close();

  await login("CUSTOMER");
  for (const path of [
    `/en/mypage/repairs/${ticket.id}`,
    `/ja/mypage/repairs/${ticket.id}`,
    `/en/mypage/repairs/new?product=${ticket.product.ownershipId}`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  for (const variant of ["", "?variant=thumb"]) {
    const response = await page.request.get(`/api/files/${fileId}${variant}`);
    expect(response.status()).toBe(404);
  }
  const [row] = await query<{ status: string }>(`SELECT status FROM "RepairTicket" WHERE id = $1`, [ticket.id]);
  expect(row!.status).toBe("RECEIVED");
});

test("[8.2.1] signed-out visitors are sent to sign in from the repair pages", async ({ page }) => {
  for (const path of [
    "/ja/mypage/repairs",
    "/ja/mypage/repairs/new",
    "/ja/mypage/repairs/new?product=x",
    "/ja/mypage/repairs/some-ticket",
  ]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/ja\/signin\?callbackUrl=/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ログイン");
  }
});

test("(ja) out of warranty: the form says an estimate comes first; the customer approves the estimate after a confirmation", async ({
  page,
  login,
}) => {
  const user = await login("CUSTOMER");
  const product = await ownRepairableProduct(user.id, { expired: true });
  await page.goto(`/ja/mypage/repairs/new?product=${product.ownershipId}`);
  await expect(page.getByTestId("repair-coverage")).toContainText(L.ja.paid);

  const agent = await createUser("SUPPORT_AGENT");
  const ticket = await createRepairTicket({
    customer: user,
    product,
    estimate: { sentById: agent.id, lines: [{ description: "基板交換", quantity: 1, unitPriceYen: 12000 }], note: "基板の交換と動作確認" },
  });

  await page.goto("/ja/mypage/repairs");
  await expect(page.getByText("お見積もりのご確認をお待ちしています")).toBeVisible();
  await page.getByRole("link", { name: ticket.number }).click();
  await expect(page.getByTestId("estimate-total")).toHaveText("￥13,200");
  await expect(page.getByText("基板の交換と動作確認")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "承認する" }).click();
  const dialog = page.getByRole("dialog", { name: "このお見積もりを承認しますか?" });
  await expect(dialog).toContainText("￥13,200");
  // Going back changes nothing.
  await dialog.getByRole("button", { name: "戻る" }).click();
  expect((await query<{ status: string }>(`SELECT status FROM "RepairTicket" WHERE id = $1`, [ticket.id]))[0]!.status).toBe(
    "ESTIMATE_SENT",
  );
  await page.getByRole("button", { name: "承認する" }).click();
  await dialog.getByRole("button", { name: "承認する" }).click();
  await expect(page.getByText("お見積もりをご承認いただきました。")).toBeVisible();
  const [after] = await query<{ status: string; estimate: string }>(
    `SELECT t.status, e.status AS estimate FROM "RepairTicket" t JOIN "RepairEstimate" e ON e."ticketId" = t.id WHERE t.id = $1`,
    [ticket.id],
  );
  expect(after).toEqual({ status: "REPAIRING", estimate: "APPROVED" });
  await expect(page.getByRole("button", { name: "承認する" })).toHaveCount(0);
});

test("(en) when staff ask, the customer answers with text and a photo, and the request goes on", async ({ page, login }) => {
  const user = await login("CUSTOMER");
  const agent = await createUser("SUPPORT_AGENT");
  const ticket = await createRepairTicket({
    customer: user,
    steps: [
      { to: "WAITING_FOR_CUSTOMER", message: "Please send a photo of the rating label.", actorId: agent.id, resumeStatus: "DIAGNOSING" },
    ],
  });
  await page.goto(`/en/mypage/repairs/${ticket.id}`);
  await expect(page.getByRole("status").filter({ hasText: "We are waiting for your answer" })).toBeVisible();
  const question = page.getByRole("region", { name: "Question from our staff" });
  await expect(question).toContainText("Please send a photo of the rating label.");
  await expectAccessible(page);

  // Neither text nor photo: refused next to the field.
  await question.getByRole("button", { name: "Send your answer" }).click();
  await expect(question.getByText("Write an answer or add a photo.")).toBeVisible();
  await question.getByLabel("Your answer").fill("Here is the label.");
  await question.getByLabel("Choose photos").setInputFiles([await photo("label.jpg")]);
  await expect(question.getByText("Photo 1: uploaded")).toBeVisible();
  await question.getByRole("button", { name: "Send your answer" }).click();
  await expect(page.getByText("You sent more information.")).toBeVisible();
  await expect(page.getByText("Here is the label.")).toBeVisible();
  const [after] = await query<{ status: string; photos: string }>(
    `SELECT status, (SELECT count(*) FROM "RepairPhoto" WHERE "ticketId" = $1)::text AS photos FROM "RepairTicket" WHERE id = $1`,
    [ticket.id],
  );
  expect(after).toEqual({ status: "DIAGNOSING", photos: "1" });
});

test("(en) the customer cancels before diagnosis after a confirmation; later the button is gone", async ({ page, login }) => {
  const user = await login("CUSTOMER");
  const ticket = await createRepairTicket({ customer: user });
  await page.goto(`/en/mypage/repairs/${ticket.id}`);
  await page.getByRole("button", { name: "Cancel the request" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByText("This request was cancelled.")).toBeVisible();
  expect((await query<{ status: string }>(`SELECT status FROM "RepairTicket" WHERE id = $1`, [ticket.id]))[0]!.status).toBe("CANCELLED");
  await expect(page.getByRole("button", { name: "Cancel the request" })).toHaveCount(0);
  await page.goto("/en/mypage/repairs");
  await expect(page.getByRole("region", { name: "Past requests" }).getByRole("link", { name: ticket.number })).toBeVisible();
});

test("(ja) after completion the customer rates the repair once, and then sees the rating", async ({ page, login }) => {
  const user = await login("CUSTOMER");
  const ticket = await createRepairTicket({ customer: user, steps: [{ to: "COMPLETED", outcome: "REPAIRED" }] });
  await page.goto(`/ja/mypage/repairs/${ticket.id}`);
  await page.getByRole("button", { name: "評価を送る" }).click();
  await expect(page.getByText("1から5の評価を選んでください。")).toBeVisible();
  await page.getByRole("radio", { name: "4 満足" }).check();
  await page.getByLabel("コメント(任意)").fill("対応が早くて助かりました。");
  await page.getByRole("button", { name: "評価を送る" }).click();
  await expect(page.getByText("あなたの評価:4 / 5")).toBeVisible();
  await expect(page.getByRole("button", { name: "評価を送る" })).toHaveCount(0);
  const [row] = await query<{ rating: number; ratingComment: string }>(`SELECT rating, "ratingComment" FROM "RepairTicket" WHERE id = $1`, [
    ticket.id,
  ]);
  expect(row).toEqual({ rating: 4, ratingComment: "対応が早くて助かりました。" });
  // The product's history shows the request and its completion.
  await page.goto(`/ja/mypage/products/${ticket.product.ownershipId}`);
  await expect(page.getByText(`修理のご依頼 ${ticket.number} が完了しました`)).toBeVisible();
  await page
    .getByRole("listitem")
    .filter({ hasText: `修理のご依頼 ${ticket.number} が完了しました` })
    .getByRole("link", { name: "ご依頼を見る" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`修理のご依頼 ${ticket.number}`);
});

test("(en) from a recall notice the customer requests the recall repair, free although the warranty has ended", async ({ page, login }) => {
  const user = await login("CUSTOMER");
  const product = await ownRepairableProduct(user.id, { expired: true });
  const title = `Fan motor may overheat ${product.code}`;
  const [notice] = await query<{ id: string }>(
    `WITH c AS (INSERT INTO "RecallCampaign" (id, code, "modelId", "titleJa", "titleEn", "messageJa", "messageEn", lots, status, "createdById", "publishedAt")
       SELECT gen_random_uuid()::text, 'RC-' || substr(md5(random()::text), 1, 8), "modelId", 'ファンモーター過熱のおそれ', $2, '点検します', 'We will inspect it', '{}', 'PUBLISHED', $3, now()
       FROM "SerialUnit" WHERE id = $1 RETURNING id)
     INSERT INTO "RecallNotice" (id, "campaignId", "unitId", "userId") SELECT gen_random_uuid()::text, c.id, $1, $4 FROM c RETURNING id`,
    [product.unitId, title, (await createUser("ADMIN")).id, user.id],
  );
  await page.goto(`/en/mypage/recalls/${notice!.id}`);
  await page.getByRole("link", { name: "Request the recall repair" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/mypage/repairs/new\\?product=${product.ownershipId}$`));
  await expect(page.getByTestId("warranty")).toContainText("Warranty ended");
  await expect(page.getByTestId("repair-coverage")).toContainText("Free (recall)");
  await expect(page.getByTestId("repair-coverage")).toContainText(title);
});

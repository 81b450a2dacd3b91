import { randomUUID } from "node:crypto";
import {
  createDealer,
  createModelWithUnits,
  createSession,
  createUser,
  expect,
  expectAccessible,
  giveUnit,
  newContextAs,
  query,
  randomClientAddress,
  readEmail,
  SESSION_COOKIE,
  test,
} from "./fixtures";
import { createDropOff, dealerWorld, importSalesRows, publishRecallFor } from "./dealer-data";
import { attachCustomerPhoto, ownRepairableProduct, REQUEST_FORM } from "./repair-data";

/**
 * Issue 13 in the browser: a dealer's sales import pre-fills its buyer's registration; the dealer
 * sees its own customers masked and nobody else's (lists, search, direct URLs, export, files); the
 * customer's consent unmasks them, audited; drop-off steps reach the customer's timeline; recall
 * follow-up with messages through the portal; dealer accounts managed by their admins.
 */
const dealerNameOf = async (dealerId: string) =>
  (await query<{ name: string }>(`SELECT name FROM "Dealer" WHERE id = $1`, [dealerId]))[0]!.name;
const csvFile = (name: string, lines: string[]) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(["serial,sold_on,customer_email", ...lines].join("\n")),
});

test("[8.4.1][8.3.3] dealer A imports a sale and its buyer registers pre-filled; A sees the buyer masked and never dealer B's customers; the buyer's consent unmasks them, audited", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const dealerA = await login("DEALER_STAFF");
  const dealerName = await dealerNameOf(dealerA.dealerId!);
  const buyer = await createUser("CUSTOMER", { name: "山田 太郎" });
  const { serials, unitIds } = await createModelWithUnits(2);

  // A file with problems imports nothing and names every one.
  await page.goto("/en/dealer/sales/import");
  await expectAccessible(page);
  await page.getByLabel("CSV file").setInputFiles(csvFile("bad.csv", ["NOPE000001,2026-11-01,", `${serials[0]},2099-01-01,not-an-email`]));
  await page.getByRole("button", { name: "Import" }).click();
  const problems = page.getByTestId("import-problems");
  await expect(problems).toContainText("Nothing was imported: 3 problems");
  await expect(problems).toContainText("Line 2: serial NOPE000001 is not in the registry.");
  await expect(problems).toContainText("Line 3: the sale date (2099-01-01) is in the future.");
  await expect(problems).toContainText('Line 3: "not-an-email" is not an email address.');
  expect(await query(`SELECT 1 FROM "DealerSale" WHERE "dealerId" = $1`, [dealerA.dealerId])).toHaveLength(0);
  await page.getByLabel("CSV file").setInputFiles(csvFile("sales.csv", [`${serials[0]},2026-11-20,${buyer.email}`]));
  await page.getByRole("button", { name: "Import" }).dblclick();
  await expect(page.getByText("Imported 1 sales.")).toBeVisible();
  expect(await query(`SELECT 1 FROM "DealerSaleImport" WHERE "dealerId" = $1`, [dealerA.dealerId])).toHaveLength(1);

  // With the buyer's agreement at the till, the shop sends a registration invitation.
  await page.goto("/en/dealer/sales");
  const saleRow = page.getByRole("row").filter({ hasText: serials[0]! });
  await saleRow.getByRole("button", { name: "Send invitation" }).click();
  const invite = page.getByRole("dialog");
  await invite.getByRole("button", { name: "Send" }).click();
  await expect(invite.getByText("Confirm that the buyer agreed.")).toBeVisible();
  await invite.getByLabel("The buyer agreed at the till to receive this email").check();
  await invite.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Invitation sent.")).toBeVisible();
  await expect(saleRow).toContainText("Invited");
  const invitation = await readEmail(buyer.email, /でお買い上げの製品をご登録ください/);

  // The buyer opens it: date and shop come from the sale, no receipt is asked for.
  const buyerContext = await newContextAs(browser, baseURL!, buyer.id);
  await buyerContext.setExtraHTTPHeaders({ "x-forwarded-for": randomClientAddress() });
  const buyerPage = await buyerContext.newPage();
  const link = new URL(invitation.link!);
  expect(link.pathname).toBe("/ja/mypage/products/register");
  expect(link.searchParams.get("serial")).toBe(serials[0]);
  await buyerPage.goto(`/en/mypage/products/register${link.search}`);
  await expect(buyerPage.getByTestId("dealer-confirmed")).toContainText(
    `${dealerName} recorded selling this product to you on November 20, 2026`,
  );
  await expect(buyerPage.getByLabel("Where you bought it")).toHaveCount(0);
  await expectAccessible(buyerPage);
  await buyerPage.getByRole("button", { name: "Register product" }).click();
  await expect(buyerPage.getByText("Your product is registered.")).toBeVisible();
  await expect(buyerPage.getByText(`12 months from the purchase date recorded by ${dealerName} (November 20, 2026).`)).toBeVisible();

  // Dealer B and its own customer.
  const dealerB = await createUser("DEALER_STAFF");
  const ofB = await createUser("CUSTOMER", { name: "別店 花子" });
  await query(`INSERT INTO "Ownership" (id, "unitId", "userId", "dealerId") VALUES (gen_random_uuid()::text, $1, $2, $3)`, [
    unitIds[1],
    ofB.id,
    dealerB.dealerId,
  ]);

  // A sees its buyer masked, and B's customer nowhere: list, search, direct URL, export, files.
  await page.goto("/en/dealer/customers");
  await expect(page.getByRole("link", { name: /山\*\*\*/ })).toBeVisible();
  await expect(page.getByText(buyer.email)).toHaveCount(0);
  await expect(page.getByText("別店")).toHaveCount(0);
  for (const q of [serials[1]!, "別店"]) {
    await page.goto(`/en/dealer/customers?q=${encodeURIComponent(q)}`);
    await expect(page.getByText("No customer matches.")).toBeVisible();
  }
  expect((await page.goto(`/en/dealer/customers/${ofB.id}`))!.status()).toBe(404);
  const csv = await (await page.request.get("/api/dealer/customers?locale=en")).text();
  expect(csv).toContain(serials[0]);
  expect(csv).not.toContain(serials[1]);
  expect(csv).not.toContain(buyer.email);
  const dropOffAtB = await createDropOff(dealerB.dealerId!);
  const photoId = await attachCustomerPhoto(browser, baseURL!, dropOffAtB.customer.id, dropOffAtB.id);
  expect((await page.request.get(`/api/files/${photoId}`)).status()).toBe(404);
  expect((await page.goto(`/en/dealer/repairs/${dropOffAtB.id}`))!.status()).toBe(404);
  const contextB = await newContextAs(browser, baseURL!, dealerB.id);
  expect((await contextB.request.get(`/api/files/${photoId}`)).status()).toBe(200);
  await contextB.close();

  // The buyer lets dealer A see their details; A then sees them in full, and the view is audited.
  await buyerPage.goto("/en/mypage/privacy");
  await buyerPage.getByRole("button", { name: `Share with ${dealerName}` }).click();
  await expect(buyerPage.getByText(/Shared since/)).toBeVisible();
  await expectAccessible(buyerPage);
  await page.goto(`/en/dealer/customers/${buyer.id}`);
  await expect(page.getByText(buyer.email)).toBeVisible();
  await expect(page.getByText("Shown with the customer's consent", { exact: true })).toBeVisible();
  await expectAccessible(page);
  const views = await query(
    `SELECT 1 FROM "AuditEvent" WHERE action = 'personal_data.viewed' AND "actorId" = $1 AND $2 = ANY("subjectIds") AND details->>'reason' = 'consent'`,
    [dealerA.id, buyer.id],
  );
  expect(views).toHaveLength(1);

  // Withdrawing is one click too; A sees the buyer masked again from its next page.
  await buyerPage.getByRole("button", { name: `Stop sharing with ${dealerName}` }).click();
  await expect(buyerPage.getByText("Not shared (shown masked)")).toBeVisible();
  await page.reload();
  await expect(page.getByText(buyer.email)).toHaveCount(0);
  await buyerContext.close();
});

test("a drop-off moves through the shop's steps, and the customer sees each one on their request", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const dealer = await login("DEALER_STAFF");
  const dealerName = await dealerNameOf(dealer.dealerId!);
  // The customer asks for a repair and chooses to take the unit to this shop.
  const owner = await createUser("CUSTOMER");
  const product = await ownRepairableProduct(owner.id);
  const customer = await newContextAs(browser, baseURL!, owner.id);
  const customerPage = await customer.newPage();
  await customerPage.goto(`/en/mypage/repairs/new?product=${product.ownershipId}`);
  await customerPage.getByLabel(REQUEST_FORM.en.symptom, { exact: true }).selectOption({ label: REQUEST_FORM.en.symptomOption });
  await customerPage.getByLabel(REQUEST_FORM.en.description).fill("The fan makes a rattling noise.");
  await customerPage.getByRole("radio", { name: "I take it to a dealer" }).check();
  await customerPage.getByLabel("Dealer", { exact: true }).selectOption({ label: `${dealerName}(東京都)` });
  await customerPage.getByRole("button", { name: REQUEST_FORM.en.submit }).click();
  await expect(customerPage).toHaveURL(/\/en\/mypage\/repairs\/[^/?]+\?sent=1$/);
  const ticketId = new URL(customerPage.url()).pathname.split("/").at(-1)!;
  const [ticket] = await query<{ number: string }>(`SELECT number FROM "RepairTicket" WHERE id = $1`, [ticketId]);

  await page.goto("/en/dealer/repairs");
  await page.getByRole("link", { name: ticket!.number }).click();
  // Open at the shop: the contact of this ticket is shown, audited.
  await expect(page.getByText(owner.email)).toBeVisible();
  await expect(page.getByText("Shown for the repair at your shop")).toBeVisible();
  await expectAccessible(page);
  for (const [action, done] of [
    ["Record: received from the customer", "Recorded: received from the customer."],
    ["Record: sent to service", "Recorded: sent to service."],
    ["Record: back at the shop", "Recorded: back at the shop. The customer was emailed."],
    ["Record: returned to the customer", "Recorded: returned to the customer."],
  ] as const) {
    await page.getByRole("button", { name: action }).click();
    await expect(page.getByText(done)).toBeVisible();
  }
  await expect(page.getByText("Nothing left to record.")).toBeVisible();
  await readEmail(owner.email, /販売店でお受け取りいただけます/);

  await customerPage.goto(`/en/mypage/repairs/${ticketId}`);
  for (const text of [
    "The shop received your product.",
    "The shop sent your product to the service centre.",
    "Your product is back at the shop, ready to collect.",
    "The shop returned your product to you.",
  ]) {
    await expect(customerPage.getByText(text)).toBeVisible();
  }
  await customer.close();

  // Closed and back with the customer: the shop sees the contact masked again.
  await query(`UPDATE "RepairTicket" SET status = 'COMPLETED', "closedAt" = now() WHERE id = $1`, [ticketId]);
  await page.reload();
  await expect(page.getByText(owner.email)).toHaveCount(0);
});

test("dealer A follows a recall's completion for its sales and reaches the owners who have not completed it through the portal", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  const dealer = await login("DEALER_STAFF");
  const dealerName = await dealerNameOf(dealer.dealerId!);
  const { modelId, unitIds } = await createModelWithUnits(3);
  const [done, pending, elsewhere] = [await createUser("CUSTOMER"), await createUser("CUSTOMER"), await createUser("CUSTOMER")];
  await importSalesRows(dealer.dealerId!, dealer.id, [{ unitId: unitIds[0]! }, { unitId: unitIds[1]! }]);
  for (const [index, owner] of [done, pending, elsewhere].entries()) await giveUnit(owner.id, unitIds[index]!);
  const recall = await publishRecallFor(modelId, [
    { unitId: unitIds[0]!, userId: done.id },
    { unitId: unitIds[1]!, userId: pending.id },
    { unitId: unitIds[2]!, userId: elsewhere.id },
  ]);
  await query(`UPDATE "RecallNotice" SET "acknowledgedAt" = now(), "completedAt" = now() WHERE id = $1`, [recall.noticeIds[0]]);

  await page.goto("/en/dealer/recalls");
  const row = page.getByRole("row").filter({ hasText: recall.code });
  await expect(row.getByRole("cell").nth(1)).toHaveText("2");
  await expect(row.getByRole("cell").nth(3)).toHaveText("1 (50%)");
  await expectAccessible(page);
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Owners who have not completed it (1)" })).toBeVisible();
  await expect(page.getByText(pending.email)).toHaveCount(0);
  await page.getByLabel("Message").fill("店頭で無料点検を承ります。お気軽にお越しください。");
  // To everyone at once is confirmed first.
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const confirm = page.getByRole("dialog");
  await expect(confirm).toContainText("Send to all 1 owners who have not completed it?");
  await confirm.getByRole("button", { name: "Send to all" }).dblclick();
  await expect(page.getByText("Sent to 1.")).toBeVisible();
  await expectAccessible(page);
  expect(await query(`SELECT 1 FROM "DealerMessage" WHERE "dealerId" = $1`, [dealer.dealerId])).toHaveLength(1);

  await readEmail(pending.email, new RegExp(`${dealerName}からのお知らせ`));
  const owner = await newContextAs(browser, baseURL!, pending.id);
  const ownerPage = await owner.newPage();
  await ownerPage.goto("/en/mypage");
  await ownerPage.getByRole("link", { name: "1 new message from your dealer" }).click();
  await expect(ownerPage.getByRole("heading", { name: `From ${dealerName}` })).toBeVisible();
  await expect(ownerPage.getByText("店頭で無料点検を承ります。")).toBeVisible();
  await expectAccessible(ownerPage);
  await owner.close();
});

test("[8.2.1] a dealer account moved to another dealer, or disabled, loses access at its next request; others get 404 on dealer records", async ({
  page,
  login,
  playwright,
  baseURL,
}) => {
  const dealer = await login("DEALER_STAFF");
  const world = await dealerWorld(dealer);
  for (const path of world.paths) expect((await page.goto(`/en${path}`))!.status(), path).toBe(200);
  // Nobody else reaches them: a customer (even the one concerned), a support lead, another dealer's admin.
  for (const role of ["CUSTOMER", "SUPPORT_LEAD", "DEALER_ADMIN"] as const) {
    const user = role === "CUSTOMER" ? world.customer : await createUser(role);
    const other = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${await createSession(user.id)}` },
    });
    for (const path of world.paths) expect((await other.get(`/en${path}`, { maxRedirects: 0 })).status(), `${role} ${path}`).toBe(404);
    // The export is the asker's own: none for a customer or the desk, an empty list for another dealer.
    const exported = await other.get("/api/dealer/customers");
    if (role === "DEALER_ADMIN") expect((await exported.text()).trim().split("\r\n")).toHaveLength(1);
    else expect(exported.status(), role).toBe(404);
    await other.dispose();
  }
  expect((await page.goto("/en/dealer/staff"))!.status()).toBe(404);

  await query(`UPDATE "User" SET "dealerId" = $2 WHERE id = $1`, [dealer.id, await createDealer()]);
  for (const path of world.paths) expect((await page.goto(`/en${path}`))!.status(), path).toBe(404);
  await query(`UPDATE "User" SET "disabledAt" = now() WHERE id = $1`, [dealer.id]);
  await page.goto("/en/dealer");
  await expect(page).toHaveURL(/\/en\/signin/);
});

test("a dealer admin invites a colleague, who sets a password from the email; a staff admin adds a dealer, and deactivating it signs its people out", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await login("DEALER_ADMIN");
  await page.goto("/en/dealer/staff");
  const email = `invitee-${randomUUID()}@e2e.example`;
  await page.getByLabel("Name").fill("新人 スタッフ");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText("Invitation sent.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Invited (no password yet)");
  await expectAccessible(page);

  const mail = await readEmail(email, /販売店ポータルへのご招待/);
  const invitee = await browser.newContext({ baseURL });
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(mail.link!);
  await expect(inviteePage.getByRole("heading", { name: "パスワードを設定してください" })).toBeVisible();
  await inviteePage.getByLabel("新しいパスワード").fill(`invited-${randomUUID()}`);
  await inviteePage.getByRole("button", { name: "新しいパスワードを保存" }).click();
  await expect(inviteePage).toHaveURL(/\/ja\/signin\?reset=1/);
  await invitee.close();
  expect(
    await query(`SELECT 1 FROM "User" WHERE email = $1 AND role = 'DEALER_STAFF' AND "passwordHash" IS NOT NULL`, [email]),
  ).toHaveLength(1);

  // A staff admin adds a dealer, and deactivating it signs its people out at once.
  const admin = await newContextAs(browser, baseURL!, (await createUser("ADMIN")).id);
  const adminPage = await admin.newPage();
  await adminPage.goto("/en/admin/dealers/new");
  const code = `E2E-${randomUUID().slice(0, 6).toUpperCase()}`;
  await adminPage.getByLabel("Dealer code").fill(code);
  await adminPage.getByLabel("Name").fill("テスト電機");
  await adminPage.getByRole("button", { name: "Save" }).click();
  await expect(adminPage.getByRole("heading", { name: "テスト電機" })).toBeVisible();
  await expectAccessible(adminPage);
  const dealerId = (await query<{ id: string }>(`SELECT id FROM "Dealer" WHERE code = $1`, [code]))[0]!.id;
  const member = await createUser("DEALER_STAFF", { dealerId });
  const memberContext = await newContextAs(browser, baseURL!, member.id);
  const memberPage = await memberContext.newPage();
  expect((await memberPage.goto("/en/dealer"))!.status()).toBe(200);
  await adminPage.getByRole("button", { name: "Deactivate the dealer" }).click();
  await adminPage.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(adminPage.getByText("Dealer deactivated.")).toBeVisible();
  await memberPage.goto("/en/dealer");
  await expect(memberPage).toHaveURL(/\/en\/signin/);
  await memberContext.close();
  await admin.close();
});

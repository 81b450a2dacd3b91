import { randomUUID } from "node:crypto";
import { unzip } from "../scripts/test/unzip";
import {
  createModelWithUnits,
  createUser,
  expect,
  expectAccessible,
  giveUnit,
  newContextAs,
  query,
  signInThroughForm,
  test,
  uploadPhotoAs,
} from "./fixtures";
import { importSalesRows } from "./dealer-data";
import { receiptPhoto } from "./images";
import { createRepairTicket } from "./repair-data";

/**
 * Issue 14's "done when": the privacy center as a customer uses it, and the admin side of policy
 * versions. Every test makes its own people; the policy test adds a purpose of its own, so
 * publishing a version that needs re-acceptance asks nobody but its customer.
 */

test("[GDPR 7(1)] a consent is given in one step and withdrawn in one step, and both are in the history", async ({ page, login }) => {
  await login("CUSTOMER");
  await page.goto("/en/mypage/privacy");
  await expect(page.getByRole("link", { name: "Consents", exact: true })).toHaveAttribute("aria-current", "page");
  const marketing = page.locator('[data-purpose="marketing_email"]');
  await expect(marketing.getByText("Not agreed")).toBeVisible();
  await page.getByRole("button", { name: 'Agree to "Email about campaigns and products"' }).click();
  await expect(marketing.getByText(/Agreed since .* \(version 2026-12-03\)/)).toBeVisible();
  await page.getByRole("button", { name: 'Withdraw your agreement to "Email about campaigns and products"' }).click();
  await expect(marketing.getByText("Not agreed")).toBeVisible();
  const history = page.getByRole("table", { name: "History of your choices" });
  const row = history.getByRole("row").filter({ hasText: "Email about campaigns and products" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("2026-12-03");
  await expect(row).toContainText("On this page");
  await expectAccessible(page);

  // Notifications: one switch per kind; recall notices stay on and say why.
  await page.getByRole("link", { name: "Notifications", exact: true }).click();
  const repairs = page.locator('[data-kind="repair_update"]').getByRole("switch");
  await expect(repairs).toBeChecked();
  await repairs.uncheck();
  await expect(page.getByText('"Repair updates" emails are off.')).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-kind="repair_update"]').getByRole("switch")).not.toBeChecked();
  await expect(page.locator('[data-kind="recall_notice"]').getByRole("switch")).toBeDisabled();
  await expect(page.getByText(/the law requires the maker to reach owners/)).toBeVisible();
});

test("a new policy version that needs re-acceptance is asked at the next sign-in, with what changed", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  // Two people, two sign-ins, two publications and two axe checks: more than the default 30 s on a busy machine.
  test.slow();
  await login("ADMIN");
  const id = `e2e_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
  await page.goto("/en/admin/privacy/new");
  await page.getByLabel("Purpose ID").fill(id);
  await page.getByLabel("Name (Japanese)").fill("E2Eのお知らせ");
  await page.getByLabel("Name (English)").fill("E2E newsletter");
  await page.getByLabel("Description (Japanese)").fill("テスト用の項目です。");
  await page.getByLabel("Description (English)").fill("A purpose for this test.");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/en/admin/privacy/${id}$`));
  const publish = async (version: string, reaccept: boolean) => {
    await page.getByLabel("Version", { exact: true }).fill(version);
    await page.getByLabel(/Text in Japanese/).fill(`# E2Eのお知らせ ${version}\n\nお知らせをお送りします。`);
    await page.getByLabel(/Text in English/).fill(`# E2E newsletter ${version}\n\nWe send you a newsletter.`);
    if (reaccept) {
      await page.getByLabel(/Require re-acceptance/).check();
      await page.getByLabel("What changed (Japanese)").fill("配信の頻度が週1回になります。");
      await page.getByLabel("What changed (English)").fill("The newsletter now comes weekly.");
    }
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByRole("table", { name: "Versions" }).getByRole("link", { name: version, exact: true })).toBeVisible();
  };
  await publish("1", false);

  const customer = await createUser("CUSTOMER");
  const customerContext = await newContextAs(browser, baseURL!, customer.id);
  const customerPage = await customerContext.newPage();
  await customerPage.goto("/en/mypage/privacy");
  await customerPage.getByRole("button", { name: 'Agree to "E2E newsletter"' }).click();
  await expect(customerPage.locator(`[data-purpose="${id}"]`).getByText(/Agreed since .* \(version 1\)/)).toBeVisible();
  await customerContext.close();

  // A version that needs re-acceptance, with an empty summary first: the form says what is missing.
  await page.getByLabel("Version", { exact: true }).fill("2");
  await page.getByLabel(/Require re-acceptance/).check();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Say what changed when you ask for re-acceptance.").first()).toBeVisible();
  await page.getByLabel(/Require re-acceptance/).uncheck();
  await publish("2", true);
  await expectAccessible(page);

  // The customer's next sign-in: asked before My Page, shown what changed, answers once.
  const next = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}` } });
  const nextPage = await next.newPage();
  await nextPage.goto("/en/signin");
  await signInThroughForm(nextPage, "en", customer.email, customer.password);
  await expect(nextPage).toHaveURL(/\/en\/account\/terms$/);
  await expect(nextPage.getByText("The newsletter now comes weekly.")).toBeVisible();
  await expectAccessible(nextPage);
  await nextPage.getByRole("button", { name: "Accept and continue" }).click();
  await expect(nextPage.getByText("Choose one.")).toBeVisible();
  await nextPage.getByLabel("Yes, I agree to the new text").check();
  await nextPage.getByRole("button", { name: "Accept and continue" }).click();
  await expect(nextPage).toHaveURL(/\/en\/mypage$/);
  await nextPage.goto("/en/mypage/privacy");
  await expect(nextPage.locator(`[data-purpose="${id}"]`).getByText(/Agreed since .* \(version 2\)/)).toBeVisible();
  await next.close();
});

test("[GDPR 20] the customer downloads a zip whose JSON holds their records, with their photos", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  const customer = await login("CUSTOMER");
  const ticket = await createRepairTicket({ customer });
  const photoId = await uploadPhotoAs(page, "repair_photo", await receiptPhoto());
  await page.goto("/ja/mypage/privacy/data");
  await page.getByRole("button", { name: "データをまとめる" }).click();
  const download = page.getByRole("link", { name: /ダウンロード（/ });
  await expect(download).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page);
  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  const { readFile } = await import("node:fs/promises");
  const files = await unzip(await readFile((await file.path())!));
  const data = JSON.parse(files.get("my-data.json")!.toString("utf8"));
  expect(data.profile.email).toBe(customer.email);
  expect(data.repairs.map((repair: { number: string }) => repair.number)).toEqual([ticket.number]);
  expect(data.photos.map((photo: { file: string }) => photo.file)).toEqual([`photos/${photoId}.webp`]);
  expect(files.get(`photos/${photoId}.webp`)!.length).toBeGreaterThan(100);
  const ready = await (await import("./fixtures")).readEmail(customer.email, /データのダウンロード/);
  expect(ready.link).toContain("/ja/mypage/privacy/data");

  // [8.2.2] The link is the customer's alone.
  const href = (await download.getAttribute("href"))!;
  const stranger = await newContextAs(browser, baseURL!, (await createUser("CUSTOMER")).id);
  expect((await stranger.request.get(href)).status()).toBe(404);
  await stranger.close();
});

test("the customer sees a dealer's unmasked view of their data in who saw my data", async ({ browser, baseURL }) => {
  const dealer = await createUser("DEALER_STAFF");
  const [dealerRow] = await query<{ name: string }>(`SELECT name FROM "Dealer" WHERE id = $1`, [dealer.dealerId]);
  const dealerName = dealerRow!.name;
  const customer = await createUser("CUSTOMER");
  const { unitIds } = await createModelWithUnits(1);
  await importSalesRows(dealer.dealerId!, dealer.id, [{ unitId: unitIds[0]!, email: customer.email }]);
  await giveUnit(customer.id, unitIds[0]!);
  const customerContext = await newContextAs(browser, baseURL!, customer.id);
  const customerPage = await customerContext.newPage();
  await customerPage.goto("/en/mypage/privacy/access");
  await expect(customerPage.getByText("Nobody has displayed your data yet.")).toBeVisible();
  await customerPage.goto("/en/mypage/privacy");
  await customerPage.getByRole("button", { name: `Share with ${dealerName}` }).click();
  await expect(customerPage.getByText(/Shared since/)).toBeVisible();

  const dealerContext = await newContextAs(browser, baseURL!, dealer.id);
  const dealerPage = await dealerContext.newPage();
  await dealerPage.goto(`/en/dealer/customers/${customer.id}`);
  await expect(dealerPage.getByText(customer.email)).toBeVisible();
  await dealerContext.close();

  await customerPage.goto("/en/mypage/privacy/access");
  const row = customerPage.getByRole("table", { name: "Who saw your data" }).getByRole("row").filter({ hasText: dealerName });
  await expect(row.first()).toContainText("You let this dealer see your contact details");
  await expectAccessible(customerPage);
  await customerContext.close();
});

test("[GDPR 17] the customer deletes the account, cannot sign in, and staff still have the repair without their data", async ({
  page,
  login,
  browser,
}) => {
  const customer = await createUser("CUSTOMER", { name: "削除 花子" });
  const ticket = await createRepairTicket({ customer });
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}` },
  });
  const customerPage = await context.newPage();
  await customerPage.goto("/en/signin");
  await signInThroughForm(customerPage, "en", customer.email, customer.password);
  await expect(customerPage).toHaveURL(/\/en\/mypage$/);
  await customerPage.goto("/en/mypage/privacy/delete");
  await expect(customerPage.getByText(/Repair records \(product, work, dates\): 7 years/)).toBeVisible();
  await expectAccessible(customerPage);
  await customerPage.getByRole("button", { name: "Delete my account" }).click();
  await expect(customerPage.getByText("Tick the box to confirm.")).toBeVisible();
  await customerPage.getByLabel("I understand the above and want to delete my account").check();
  await customerPage.getByRole("button", { name: "Delete my account" }).click();
  await expect(customerPage.getByRole("heading", { name: "Your account has been deleted" })).toBeVisible();
  await customerPage.goto("/en/mypage");
  await expect(customerPage).toHaveURL(/\/en\/signin/);

  await expect
    .poll(async () => (await query<{ erasedAt: Date | null }>(`SELECT "erasedAt" FROM "User" WHERE id = $1`, [customer.id]))[0]!.erasedAt, {
      timeout: 20_000,
    })
    .not.toBeNull();
  const final = await (await import("./fixtures")).readEmail(customer.email, /アカウントを削除しました/);
  expect(final.text).toMatch(/修理の記録: \d{4}-\d{2}-\d{2}まで/);

  await customerPage.goto("/en/signin");
  await signInThroughForm(customerPage, "en", customer.email, customer.password);
  await expect(customerPage.getByRole("alert").filter({ hasText: /is incorrect/ })).toBeVisible();
  await context.close();

  await login("SUPPORT_AGENT");
  await page.goto(`/en/admin/repairs/${ticket.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ticket.number);
  await expect(page.getByText("This customer deleted their account.")).toBeVisible();
  await expect(page.getByText("削除 花子")).toHaveCount(0);
  await expect(page.getByText(customer.email)).toHaveCount(0);
});

test("admins see consent rates, set retention periods, run the retention job and watch it finish", async ({ page, login }) => {
  await login("ADMIN");
  const customer = await createUser("CUSTOMER");
  await query(
    `INSERT INTO "Consent" (id, "userId", purpose, "policyVersion", "textHash", channel)
     SELECT gen_random_uuid()::text, $1, 'research', version, "textHash", 'e2e_fixture' FROM "PolicyVersion" WHERE "purposeId" = 'research' ORDER BY "publishedAt" DESC LIMIT 1`,
    [customer.id],
  );
  await page.goto("/en/admin/privacy/stats");
  await expect(page.getByRole("link", { name: "Consent statistics" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("img", { name: /Opt-in rate over the last 12 months/ })).toBeVisible();
  const research = page.getByRole("table", { name: "Agreeing now" }).getByRole("row").filter({ hasText: "Product research and surveys" });
  await expect(research).toContainText("%");

  await page.getByRole("link", { name: "Retention", exact: true }).click();
  const outbox = page.getByLabel("Development outbox emails");
  await outbox.fill("0");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Not a period this kind allows (see the range below).")).toBeVisible();
  await outbox.fill("90");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Retention periods saved.")).toBeVisible();
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.getByText("The retention job has started.")).toBeVisible();
  const run = page.getByRole("table", { name: "Runs" }).getByRole("row").filter({ hasText: "An administrator" }).first();
  await expect(run).toContainText("Finished", { timeout: 30_000 });
  await expectAccessible(page);
});

test("the audit log filters by target and exports what it shows as CSV", async ({ page, login }) => {
  await login("ADMIN");
  const customer = await createUser("CUSTOMER");
  const ticket = await createRepairTicket({ customer });
  const agent = await createUser("SUPPORT_AGENT");
  await query(
    `INSERT INTO "AuditEvent" (action, outcome, "actorId", "targetType", "targetId", "subjectIds") VALUES ('personal_data.viewed', 'SUCCESS', $1, 'RepairTicket', $2, ARRAY[$3])`,
    [agent.id, ticket.id, customer.id],
  );
  await page.goto("/en/admin/audit");
  await page.getByLabel("Target", { exact: true }).fill(ticket.id);
  await page.getByRole("button", { name: "Apply" }).click();
  const rows = page.getByRole("table", { name: "Audit log" }).getByRole("row");
  await expect(rows.filter({ hasText: agent.email })).toHaveCount(1);
  await expect(rows.filter({ hasText: customer.email })).toHaveCount(1);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download as CSV/ }).click()]);
  const { readFile } = await import("node:fs/promises");
  const csv = (await readFile((await download.path())!)).toString("utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain('"Target id"');
  expect(lines[1]).toContain(ticket.id);
  expect(lines[1]).toContain(customer.email);
  const exported = await query(`SELECT details FROM "AuditEvent" WHERE action = 'audit.exported' AND details->'filter'->>'target' = $1`, [
    ticket.id,
  ]);
  expect(exported).toHaveLength(1);
});

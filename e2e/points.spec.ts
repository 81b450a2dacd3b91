import { randomUUID } from "node:crypto";
import { createModelWithUnits, createUser, expect, expectAccessible, newContextAs, query, randomClientAddress, test } from "./fixtures";

/**
 * Issue 12 in the browser: points pending after a registration, released by staff ("release now"),
 * a reward redeemed with a confirmation that shows the balance after, the history and chart, and an
 * adjustment above the threshold that a second staff member approves (four eyes).
 */
async function createReward(cost: number): Promise<{ id: string; name: string }> {
  const id = randomUUID();
  const name = `Test reward ${id.slice(0, 6)}`;
  await query(
    `INSERT INTO "Reward" (id, kind, "nameJa", "nameEn", "descriptionJa", "descriptionEn", cost, stock, "updatedAt")
     VALUES ($1, 'GOODS', $2, $3, 'テスト用の特典', 'A reward for this test', $4, 5, now())`,
    [id, `テスト特典 ${id.slice(0, 6)}`, name, cost],
  );
  return { id, name };
}

test("a registration earns pending points; staff release them; the customer redeems a reward and sees it in the history", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  // Its own address, so the velocity check (registrations per address per day) does not hold the award.
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": randomClientAddress() });
  const { serials } = await createModelWithUnits(1);
  const customer = await login("CUSTOMER");
  await page.goto(`/en/mypage/products/register?serial=${serials[0]}`);
  await expect(page.getByTestId("serial-status")).toContainText("ready to register");
  await page.getByLabel("Where you bought it").selectOption({ label: "東京中央電機" });
  await page.getByRole("button", { name: "Register product" }).click();
  await expect(page.getByText("Your product is registered.")).toBeVisible();

  await page.goto("/en/mypage/points");
  await expect(page.getByTestId("points-available")).toHaveText("0 pts");
  await expect(page.getByTestId("points-pending")).toHaveText("100 pts");
  await expect(page.getByRole("cell", { name: "Product registration" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Pending" })).toBeVisible();
  await expectAccessible(page);

  // A support lead releases the pending points now.
  const lead = await createUser("SUPPORT_LEAD");
  const staff = await newContextAs(browser, baseURL!, lead.id);
  const staffPage = await staff.newPage();
  await staffPage.goto(`/en/admin/points?q=${encodeURIComponent(customer.email)}`);
  await staffPage.getByRole("link", { name: customer.name }).click();
  await expect(staffPage.getByTestId("wallet-pending")).toHaveText("100 pts");
  await expectAccessible(staffPage);
  await staffPage.getByRole("button", { name: "Release now" }).click();
  await staffPage.getByRole("dialog").getByRole("button", { name: "Release now" }).click();
  await expect(staffPage.getByText("Points released.")).toBeVisible();
  await expect(staffPage.getByTestId("wallet-available")).toHaveText("100 pts");
  const released = await query(`SELECT 1 FROM "AuditEvent" WHERE action = 'points.released' AND "actorId" = $1`, [lead.id]);
  expect(released).toHaveLength(1);
  await staff.close();

  // The customer redeems a reward of 60 points: the confirmation shows what is left.
  const reward = await createReward(60);
  await page.goto("/en/mypage/points/rewards");
  await expect(page.getByText("Points you can use: 100 pts")).toBeVisible();
  const card = page.getByRole("listitem").filter({ hasText: reward.name });
  await card.getByRole("link", { name: "Exchange" }).click();
  await expect(page.getByTestId("balance-after")).toHaveText("40 pts");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Exchange" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Afterwards you have 40 points");
  // A double click redeems once (one key per visit).
  await dialog.getByRole("button", { name: "Exchange" }).dblclick();
  await expect(page.getByText(`You exchanged your points for “${reward.name}”. You have 40 points left.`)).toBeVisible();
  const redemptions = await query(`SELECT 1 FROM "Redemption" WHERE "userId" = $1`, [customer.id]);
  expect(redemptions).toHaveLength(1);

  await page.getByRole("link", { name: "See your points history" }).click();
  await expect(page.getByTestId("points-available")).toHaveText("40 pts");
  await expect(page.getByRole("cell", { name: `Exchanged for: ${reward.name}` })).toBeVisible();
  await expect(page.getByRole("img", { name: /Bar chart of points earned and spent/ })).toBeVisible();
  // The filter keeps only what was spent, and marks itself.
  await page.getByRole("navigation", { name: "Filter the history" }).getByRole("link", { name: "Spent" }).click();
  await expect(page.getByRole("link", { name: "Spent" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("cell", { name: "Product registration" })).toHaveCount(0);
  await expect(page.getByRole("cell", { name: `Exchanged for: ${reward.name}` })).toBeVisible();
});

test("an adjustment above the threshold waits for a second admin, who approves it (four eyes)", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const customer = await createUser("CUSTOMER");
  const proposer = await login("ADMIN");
  await page.goto(`/en/admin/points/customers/${customer.id}`);
  await page.getByLabel("Points (negative to take away)").fill("5000");
  await page.getByLabel("Reason (kept in the customer's history and the audit log)").fill("Goodwill for a repair that took three weeks");
  await page.getByRole("button", { name: "Adjust" }).click();
  await expect(page.getByText("Adjustment proposed. It waits for another staff member's approval.")).toBeVisible();
  await expect(page.getByTestId("wallet-available")).toHaveText("0 pts");
  // The proposer cannot approve their own.
  await page.goto("/en/admin/points");
  const item = page.getByTestId("adjustment-awaiting").filter({ hasText: customer.name });
  await expect(item.getByText("You proposed this; another staff member decides it.")).toBeVisible();
  await expect(item.getByRole("button", { name: "Approve" })).toHaveCount(0);

  const approver = await createUser("ADMIN");
  const second = await newContextAs(browser, baseURL!, approver.id);
  const secondPage = await second.newPage();
  await secondPage.goto("/en/admin/points");
  const pending = secondPage.getByTestId("adjustment-awaiting").filter({ hasText: customer.name });
  await expect(pending).toContainText("Goodwill for a repair that took three weeks");
  await pending.getByRole("button", { name: "Approve" }).click();
  await expect(secondPage.getByText("Adjustment approved and applied.")).toBeVisible();
  await secondPage.goto(`/en/admin/points/customers/${customer.id}`);
  await expect(secondPage.getByTestId("wallet-available")).toHaveText("5,000 pts");
  await expect(secondPage.getByText("Adjustment of 5,000 pts · Applied")).toBeVisible();
  await second.close();

  const audit = await query<{ action: string; actorId: string }>(
    `SELECT action, "actorId" FROM "AuditEvent" WHERE action LIKE 'points.adjustment_%' AND $1 = ANY("subjectIds") ORDER BY at`,
    [customer.id],
  );
  expect(audit).toEqual([
    { action: "points.adjustment_proposed", actorId: proposer.id },
    { action: "points.adjustment_decided", actorId: approver.id },
  ]);
});

test("an admin changes a campaign (a new version, with why) and reads the liability report with this month's movements", async ({
  page,
  login,
}) => {
  test.setTimeout(60_000);
  await login("ADMIN");
  const name = `Test campaign ${randomUUID().slice(0, 6)}`;
  await page.goto("/en/admin/points/rules/new");
  await page.getByLabel("Name (Japanese)").fill(`テスト ${name}`);
  await page.getByLabel("Name (English)").fill(name);
  await page.getByLabel("Points", { exact: true }).fill("200");
  // A category no product has, so the campaign awards nothing in other tests.
  await page.getByLabel("Product category").fill(`none-${randomUUID().slice(0, 6)}`);
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByText("Say why you change the rule.")).toBeVisible();
  await page.getByLabel("Why this change").fill("Spring campaign");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("rule-version")).toHaveCount(1);
  await page.getByLabel("Points", { exact: true }).fill("250");
  await page.getByLabel("Why this change").fill("More points in the last week");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByText("Version 2 saved.")).toBeVisible();
  const versions = page.getByTestId("rule-version");
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText("Version 2 · 250 pts");
  await expect(versions.first()).toContainText("More points in the last week");
  await expect(versions.last()).toContainText("Version 1 · 200 pts");
  await expectAccessible(page);

  // Movements of this month (other tests' too) are in the report; the CSV has the same columns.
  const customer = await createUser("CUSTOMER");
  await page.goto(`/en/admin/points/customers/${customer.id}`);
  await page.getByLabel("Points (negative to take away)").fill("700");
  await page.getByLabel("Reason (kept in the customer's history and the audit log)").fill("Goodwill for a late delivery");
  await page.getByRole("button", { name: "Adjust" }).click();
  await expect(page.getByText("Adjustment applied.")).toBeVisible();
  await page.goto("/en/admin/points/report");
  const thisMonth = new Intl.DateTimeFormat("en", { year: "numeric", month: "long", timeZone: "Asia/Tokyo" }).format(new Date());
  const row = page.getByTestId("liability-month").filter({ hasText: thisMonth });
  const adjusted = Number((await row.locator("td").last().innerText()).replace(/,/g, ""));
  expect(adjusted).toBeGreaterThanOrEqual(700);
  expect(Number((await page.getByTestId("liability-available").innerText()).replace(/,/g, ""))).toBeGreaterThanOrEqual(700);
  await expectAccessible(page);
  const csv = await page.request.get("/api/points/liability?locale=en");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain(`"Month","Issued","Redeemed","Expired","Adjusted","Expiring"`);
});

test("[8.2.1] staff cannot use a customer's points pages, and support agents cannot open the staff points pages", async ({
  page,
  login,
}) => {
  const customer = await createUser("CUSTOMER");
  await login("SUPPORT_AGENT");
  expect((await page.goto(`/en/admin/points/customers/${customer.id}`))?.status()).toBe(404);
  expect((await page.goto("/en/mypage/points/rewards"))?.status()).toBe(404);
  expect((await page.request.get("/api/points/liability")).status()).toBe(404);
});

import { readFile } from "node:fs/promises";
import { createModelWithUnits, createSession, createUser, expect, query, SESSION_COOKIE, test, type Role } from "./fixtures";
import { createRepairTickets } from "./repair-data";

/**
 * Issue 10, the desk: the queue (search, saved views, paging), its CSV export, the dashboard for
 * leads and the desk settings for admins; and the 404s for everyone else.
 */

test("an agent finds a ticket by its serial and by its number, and the view is audited", async ({ page, login }) => {
  const agent = await login("SUPPORT_AGENT");
  const { customer, product, numbers } = await createRepairTickets(1);
  await page.goto("/ja/admin/repairs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("修理受付");
  const search = page.getByRole("searchbox", { name: "検索" });
  await search.fill(product.serial);
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${product.serial}`));
  const link = page.getByRole("link", { name: numbers[0]!, exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute("href", /\/ja\/admin\/repairs\/[a-z0-9]+$/);
  const row = page.getByRole("row").filter({ has: link });
  await expect(row).toContainText(product.code);
  await expect(row).toContainText(customer.name);
  await expect(row).toContainText("期限内");
  // The search box keeps what was searched.
  await expect(page.getByRole("searchbox", { name: "検索" })).toHaveValue(product.serial);

  await page.getByRole("searchbox", { name: "検索" }).fill(numbers[0]!.toLowerCase().replace(/-/g, ""));
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page.getByRole("link", { name: numbers[0]!, exact: true })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2);

  // [16.3.1] Each page that showed the customer's name is a view of personal data.
  const views = await query<{ subjectIds: string[] }>(
    `SELECT "subjectIds" FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'personal_data.viewed' AND "targetType" = 'RepairQueue'`,
    [agent.id],
  );
  // (The unfiltered first page may have shown this newest ticket too.)
  expect(views.filter((view) => view.subjectIds.includes(customer.id)).length).toBeGreaterThanOrEqual(2);
  expect(views.every((view) => view.subjectIds.length > 0)).toBe(true);
});

test("the saved views: mine after an assignment, and the empty state of an agent with nothing", async ({ page, login }) => {
  const agent = await login("SUPPORT_AGENT");
  await page.goto("/en/admin/repairs?view=mine");
  await expect(page.getByText("Nothing is assigned to you.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Mine", exact: true })).toHaveAttribute("aria-current", "page");

  const { numbers } = await createRepairTickets(1);
  await query(`UPDATE "RepairTicket" SET "assigneeId" = $1 WHERE number = $2`, [agent.id, numbers[0]]);
  await page.reload();
  const link = page.getByRole("link", { name: numbers[0]!, exact: true });
  await expect(link).toBeVisible();
  await expect(page.getByRole("row").filter({ has: link })).toContainText(agent.name);
  // The tabs are links that set the view.
  await page.getByRole("link", { name: "Unassigned", exact: true }).click();
  await expect(page).toHaveURL(/view=unassigned/);
  await expect(page.getByRole("link", { name: "Unassigned", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: numbers[0]!, exact: true })).toHaveCount(0);
});

test("the breaching view lists a ticket past its deadline with the state in words", async ({ page, login }) => {
  await login("SUPPORT_AGENT");
  const late = await createRepairTickets(1, { breached: true });
  const onTime = await createRepairTickets(1);
  await page.goto(`/en/admin/repairs?view=breaching&q=${encodeURIComponent(late.customer.email)}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: late.numbers[0]!, exact: true }) });
  await expect(row).toContainText("Overdue");
  await expect(row).toContainText(/Due \d/);
  await page.goto(`/en/admin/repairs?view=breaching&q=${encodeURIComponent(onTime.customer.email)}`);
  await expect(page.getByText("No repair requests match these filters.")).toBeVisible();
});

test("paging links appear when a search has more than one page", async ({ page, login }) => {
  await login("SUPPORT_LEAD");
  const { customer, numbers } = await createRepairTickets(53);
  await page.goto(`/en/admin/repairs?q=${encodeURIComponent(customer.email)}`);
  const paging = page.getByRole("navigation", { name: "Pages of the repair queue" });
  // Newest first: the first 50 tickets, then the 3 oldest.
  await expect(page.getByRole("link", { name: numbers[0]!, exact: true })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(51);
  await expect(paging.getByRole("link", { name: "Previous page" })).toHaveCount(0);
  await paging.getByRole("link", { name: "Next page" }).click();
  await expect(page.getByRole("row")).toHaveCount(4);
  await expect(page.getByRole("link", { name: numbers[52]!, exact: true })).toBeVisible();
  await expect(paging.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await paging.getByRole("link", { name: "Previous page" }).click();
  await expect(page.getByRole("row")).toHaveCount(51);
  await expect(page.getByRole("link", { name: numbers[0]!, exact: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(customer.email).replace(/%40/, "(%40|@)")}`));
});

test("the CSV export downloads the filtered rows, formula-safe and in the page's language", async ({ page, login }) => {
  const agent = await login("SUPPORT_AGENT");
  const { customer, numbers } = await createRepairTickets(3, {
    customer: await createUser("CUSTOMER", { name: "=HYPERLINK(1)" }),
    description: '=cmd|"/c calc"!A1',
  });
  await query(
    `INSERT INTO "RepairNote" (id, "ticketId", "authorId", body) VALUES (gen_random_uuid()::text, $1, $2, 'internal-secret-note')`,
    [(await query<{ id: string }>(`SELECT id FROM "RepairTicket" WHERE number = $1`, [numbers[0]]))[0]!.id, agent.id],
  );
  await page.goto(`/en/admin/repairs?q=${encodeURIComponent(customer.email)}`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^repairs-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await download.path())!, "utf8");
  const lines = text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toContain('"Ticket","Status","Priority"');
  expect(lines).toHaveLength(4);
  for (const number of numbers) expect(text).toContain(`"${number}"`);
  // A cell a spreadsheet would run as a formula starts with a quote mark instead.
  expect(text).toContain(`"'=HYPERLINK(1)"`);
  expect(text).toContain(`"'=cmd|""/c calc""!A1"`);
  expect(text).not.toContain(`,"=`);
  expect(text).not.toContain("internal-secret-note");
  const audit = await query<{ details: { rows: number; export: string }; subjectIds: string[] }>(
    `SELECT details, "subjectIds" FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'personal_data.viewed' AND details->>'export' = 'csv'`,
    [agent.id],
  );
  expect(audit).toHaveLength(1);
  expect(audit[0]!.details.rows).toBe(3);
  expect(audit[0]!.subjectIds).toEqual([customer.id]);

  // Japanese headers when asked from the Japanese page.
  const ja = await page.request.get(`/api/repairs/export?q=${encodeURIComponent(customer.email)}&locale=ja`);
  expect(ja.status()).toBe(200);
  expect(ja.headers()["cache-control"]).toContain("no-store");
  expect(await ja.text()).toContain('"受付番号","状態"');
});

test("a lead sees the dashboard numbers", async ({ page, login }) => {
  await login("SUPPORT_LEAD");
  await createRepairTickets(3, { breached: true });
  const [open] = await query<{ n: string }>(`SELECT count(*) AS n FROM "RepairTicket" WHERE "closedAt" IS NULL AND status = 'RECEIVED'`);
  await page.goto("/en/admin/repairs/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Desk overview");
  await expect(page.getByRole("heading", { name: /^Open requests \(\d+\)$/ })).toBeVisible();
  // Received tickets: at least the ones counted just before the page was read.
  const received = Number((await page.getByRole("definition").first().textContent())!.replace(/,/g, ""));
  expect(received).toBeGreaterThanOrEqual(Number(open!.n));
  await expect(page.getByText("Requests past a deadline")).toBeVisible();
  await expect(page.getByText("Time to first response")).toBeVisible();
  await expect(page.getByRole("img", { name: "Requests received and closed (last 30 days)" })).toBeVisible();
  await page.getByText("Show the numbers per day").click();
  const today = page.getByRole("table", { name: "Requests received and closed (last 30 days)" }).getByRole("row").last();
  const opened = Number(await today.getByRole("cell").first().textContent());
  expect(opened).toBeGreaterThanOrEqual(3);
});

// Both tests write the one settings row: one worker runs them in turn (the file runs fully parallel).
test.describe("the desk settings row", () => {
  test.describe.configure({ mode: "default" });

  test("an admin saves the desk settings; a bad value shows its message and keeps the input", async ({ page, login }) => {
    const admin = await login("ADMIN");
    const [row] = await query<{ closedDates: string[] | null }>(
      `SELECT "closedDates"::text[] AS "closedDates" FROM "DeskSettings" WHERE id = 'desk'`,
    );
    const before = { closedDates: row!.closedDates ?? [] };
    try {
      await page.goto("/ja/admin/desk");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("受付の設定");
      await expect(page.getByRole("heading", { name: "これからの祝日" })).toBeVisible();
      const warn = page.getByRole("textbox", { name: "警告を出す時点（%）" });
      await warn.fill("150");
      const dates = page.getByRole("textbox", { name: "臨時休業日" });
      await dates.fill(`${[...before.closedDates, "2099-12-30"].join("\n")}\n2099-12-31`);
      await page.getByRole("button", { name: "設定を保存" }).click();
      await expect(page.getByText("1〜99 の整数を入力してください。")).toBeVisible();
      await expect(warn).toHaveValue("150");
      await expect(warn).toHaveAttribute("aria-invalid", "true");
      await warn.fill("80");
      await dates.fill(`${await dates.inputValue()}\n2099-13-01`);
      await page.getByRole("button", { name: "設定を保存" }).click();
      await expect(page.getByText("日付を 1 行に 1 日ずつ、2026-12-29 の形で入力してください。")).toBeVisible();
      await dates.fill((await dates.inputValue()).replace("\n2099-13-01", ""));
      await page.getByRole("button", { name: "設定を保存" }).click();
      await expect(page.getByText("受付の設定を保存しました。")).toBeVisible();
      const [after] = await query<{ closedDates: string[]; warnAtPercent: number; updatedById: string }>(
        `SELECT "closedDates"::text[] AS "closedDates", "warnAtPercent", "updatedById" FROM "DeskSettings" WHERE id = 'desk'`,
      );
      expect(after!.closedDates).toEqual(expect.arrayContaining(["2099-12-30", "2099-12-31"]));
      expect(after!.updatedById).toBe(admin.id);
      const audit = await query(`SELECT 1 FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'desk.settings_updated'`, [admin.id]);
      expect(audit).toHaveLength(1);
    } finally {
      // Other tests' SLA clocks read the same row: put it back as it was.
      await query(`UPDATE "DeskSettings" SET "closedDates" = $1::date[], "warnAtPercent" = 75 WHERE id = 'desk'`, [before.closedDates]);
    }
  });

  test("[8.2.1] the desk settings action refuses agents and leads, and changes nothing", async ({ page, login, playwright, baseURL }) => {
    await login("ADMIN");
    await page.goto("/en/admin/desk");
    // Capture the save the admin's page sends (the settings as they are), then replay it with another
    // value from the sessions of staff who may not change the settings.
    const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await page.getByRole("button", { name: "Save settings" }).click();
    const original = await captured;
    await expect(page.getByText("Desk settings saved.")).toBeVisible();
    const headers = { ...original.headers() };
    delete (headers as Record<string, string>)["cookie"];
    // The forged body may differ in length.
    delete (headers as Record<string, string>)["content-length"];
    const forged = original.postData()!.replace(/("warnAtPercent":)"?\d+"?/, '$1"42"');
    expect(forged).toContain('"warnAtPercent":"42"');
    for (const role of ["SUPPORT_AGENT", "SUPPORT_LEAD"] as const) {
      const user = await createUser(role);
      const other = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${await createSession(user.id)}` },
      });
      const answer = await other.fetch(original.url(), { method: "POST", headers, data: forged });
      expect(answer.status(), role).toBeLessThan(500);
      expect(await answer.text(), role).toContain('"code":"FORBIDDEN"');
      await other.dispose();
    }
    expect(await query(`SELECT 1 FROM "DeskSettings" WHERE "warnAtPercent" = 42`)).toEqual([]);
  });
});

test("an admin adds, renames and archives a symptom category; a taken code is refused next to the field", async ({ page, login }) => {
  await login("ADMIN");
  await createModelWithUnits(1); // makes sure the "test" kind of product exists
  const code = `e2e_${Date.now().toString(36)}`;
  await page.goto("/en/admin/desk?category=test");
  const add = page.getByRole("form", { name: "Add symptom" });
  await add.getByRole("textbox", { name: "Code" }).fill(code);
  await add.getByRole("textbox", { name: "Name in Japanese" }).fill("異音がする");
  await add.getByRole("textbox", { name: "Name in English" }).fill("Makes a noise");
  await add.getByRole("button", { name: "Add symptom" }).click();
  await expect(page.getByText("Symptom added.")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: code });
  await expect(row).toContainText("Makes a noise");
  await expect(add.getByRole("textbox", { name: "Code" })).toHaveValue("");

  await add.getByRole("textbox", { name: "Code" }).fill(code);
  await add.getByRole("textbox", { name: "Name in Japanese" }).fill("重複");
  await add.getByRole("textbox", { name: "Name in English" }).fill("Duplicate");
  await add.getByRole("button", { name: "Add symptom" }).click();
  await expect(add.getByText("This kind of product already has a symptom with this code.")).toBeVisible();
  await expect(add.getByRole("textbox", { name: "Name in English" })).toHaveValue("Duplicate");
  await expect(page.getByRole("row").filter({ hasText: code })).toHaveCount(1);

  await row.getByRole("button", { name: `Rename ${code}` }).click();
  const rename = page.getByRole("form", { name: `Rename ${code}` });
  await rename.getByRole("textbox", { name: "Name in English" }).fill("Makes a strange noise");
  await rename.getByRole("button", { name: "Save names" }).click();
  await expect(page.getByRole("row").filter({ hasText: code })).toContainText("Makes a strange noise");
  await page
    .getByRole("row")
    .filter({ hasText: code })
    .getByRole("button", { name: `Archive ${code}` })
    .click();
  await expect(page.getByRole("row").filter({ hasText: code })).toContainText("Archived");
  const [saved] = await query<{ nameEn: string; archivedAt: Date | null }>(
    `SELECT "nameEn", "archivedAt" FROM "SymptomCategory" WHERE "productCategory" = 'test' AND code = $1`,
    [code],
  );
  expect(saved!.nameEn).toBe("Makes a strange noise");
  expect(saved!.archivedAt).not.toBeNull();
});

const NEW_PAGES = ["/admin/repairs", "/admin/repairs/dashboard", "/admin/desk"];

for (const role of ["CUSTOMER", "DEALER_STAFF"] as const satisfies readonly Role[]) {
  test(`[8.2.1] ${role} gets 404 on the desk pages and the export`, async ({ page, login }) => {
    await login(role);
    for (const path of NEW_PAGES) {
      const response = await page.goto(`/en${path}`);
      expect(response?.status(), path).toBe(404);
    }
    const exported = await page.request.get("/api/repairs/export");
    expect(exported.status()).toBe(404);
    expect(await exported.text()).not.toContain("R-");
  });
}

test("[8.2.1] agents get 404 on the dashboard and the settings, and see only the queue in the navigation", async ({ page, login }) => {
  await login("SUPPORT_AGENT");
  for (const path of ["/admin/repairs/dashboard", "/admin/desk"]) {
    const response = await page.goto(`/en${path}`);
    expect(response?.status(), path).toBe(404);
  }
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Repair desk" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Desk settings" })).toHaveCount(0);
});

test("[8.2.1] a signed-out visitor gets no CSV", async ({ request }) => {
  const response = await request.get("/api/repairs/export");
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toContain("application/json");
});

test("[6.3.3] staff without a strong session get no CSV", async ({ playwright, baseURL }) => {
  const agent = await createUser("SUPPORT_AGENT");
  const token = await createSession(agent.id, { strong: false });
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${token}` } });
  const response = await context.get("/api/repairs/export");
  expect(response.status()).toBe(403);
  await context.dispose();
});

import { createSession, createUser, expect, newContextAs, query, randomClientAddress, SESSION_COOKIE, test } from "./fixtures";
import { attachCustomerPhoto, createRepairTicket } from "./repair-data";

/** Issue 10, staff side: one repair ticket on the service desk (app/[locale]/admin/repairs/[id]). */
test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": randomClientAddress() });
});

test("an agent works a paid repair: assigns it to self, notes, asks the customer, estimates, repairs, ships back and completes", async ({
  page,
  login,
}) => {
  test.setTimeout(120_000);
  const agent = await login("SUPPORT_AGENT");
  const { id: ticketId, number, customer, product } = await createRepairTicket({ coverage: "PAID" });
  await page.goto(`/en/admin/repairs/${ticketId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Repair ${number}`);
  await expect(page.getByText("Status: Received")).toBeVisible();
  await expect(page.getByText("Cost: Out of warranty (paid)")).toBeVisible();

  // SLA clocks, both running, with their due times.
  await expect(page.getByTestId("sla-firstResponse")).toContainText("First response");
  await expect(page.getByTestId("sla-firstResponse")).toContainText(/On time|Due soon/);
  await expect(page.getByTestId("sla-resolution")).toContainText("Due ");

  // The customer panel beside the ticket shows their product with its (expired) warranty and how to contact them.
  const panel = page.getByRole("complementary", { name: "Customer" });
  await expect(panel.getByTestId("panel-product")).toContainText(product.serial);
  await expect(panel.getByTestId("panel-product")).toContainText("Expired");
  await expect(panel).toContainText(customer.email);
  await expect(panel).toContainText("By email");

  // Assign to self.
  await page.getByRole("button", { name: "Assign to me", exact: true }).click();
  await expect(page.getByText(`Assigned to: ${agent.name}`)).toBeVisible();
  await expect(page.getByTestId("timeline-event").filter({ hasText: `Assigned to ${agent.name}` })).toBeVisible();

  // An internal note, marked as never shown to the customer.
  await page.getByLabel("Note for staff").fill("Board looks burnt near the fuse.");
  await page.getByRole("button", { name: "Add note", exact: true }).click();
  const note = page.getByTestId("internal-note");
  await expect(note).toContainText("Board looks burnt near the fuse.");
  await expect(note).toContainText("Internal note — never shown to the customer");

  // A stale move (someone moved the ticket meanwhile) is refused with the server's message beside the control.
  await query(`UPDATE "RepairTicket" SET status = 'DIAGNOSING' WHERE id = $1`, [ticketId]);
  await page.getByRole("button", { name: "Change status", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "changed by someone else meanwhile" })).toBeVisible();
  expect(
    await query(`SELECT count(*)::int AS n FROM "RepairEvent" WHERE "ticketId" = $1 AND "toStatus" = 'DIAGNOSING'`, [ticketId]),
  ).toEqual([{ n: 0 }]);
  await page.reload();

  // Ask the customer: too short a message is explained beside the field and what was typed stays.
  await page.getByLabel("Message to the customer").fill("Pic?");
  await page.getByRole("button", { name: "Send the question", exact: true }).click();
  await expect(page.getByText("Write at least 5 characters so the customer knows what to send.")).toBeVisible();
  await expect(page.getByLabel("Message to the customer")).toHaveValue("Pic?");
  // Then the ticket waits for them and the resolution clock pauses.
  await page.getByLabel("Message to the customer").fill("Please send a photo of the label on the back.");
  await page.getByRole("button", { name: "Send the question", exact: true }).click();
  await expect(page.getByText("Status: Waiting for the customer")).toBeVisible();
  await expect(page.getByTestId("sla-resolution")).toContainText("Paused");
  await expect(page.getByTestId("timeline-event").filter({ hasText: "Please send a photo of the label on the back." })).toBeVisible();

  // The customer answers (as their page would: back to diagnosing, clock running again).
  await query(`UPDATE "RepairTicket" SET status = 'DIAGNOSING', "resumeStatus" = NULL, "pausedAt" = NULL WHERE id = $1`, [ticketId]);
  await page.reload();

  // An estimate with two lines and live totals (10 % tax by default).
  await page.getByLabel("Description (line 1)").fill("Replace the main board");
  await page.getByLabel("Unit price in yen (line 1)").fill("12000");
  await page.getByRole("button", { name: "Add a line", exact: true }).click();
  await page.getByLabel("Description (line 2)").fill("Labour");
  await page.getByLabel("Quantity (line 2)").fill("2");
  await page.getByLabel("Unit price in yen (line 2)").fill("1500");
  const totals = page.getByTestId("estimate-totals");
  await expect(totals).toContainText("15,000");
  await expect(totals).toContainText("1,500");
  await expect(totals).toContainText("16,500");
  await page.getByRole("button", { name: "Send the estimate", exact: true }).click();
  await expect(page.getByText("Status: Estimate sent")).toBeVisible();
  // The customer's turn: the resolution clock waits for their decision.
  await expect(page.getByTestId("sla-resolution")).toContainText("Paused");
  const estimate = page.getByTestId("estimate");
  await expect(estimate).toContainText("Replace the main board");
  await expect(estimate).toContainText("total ¥16,500");
  await expect(estimate).toContainText("waiting for the customer");

  // The customer approves it (as their page would), and the repair starts.
  await query(`UPDATE "RepairEstimate" SET status = 'APPROVED', "decidedAt" = now() WHERE "ticketId" = $1`, [ticketId]);
  await query(`UPDATE "RepairTicket" SET status = 'REPAIRING' WHERE id = $1`, [ticketId]);
  await page.reload();
  await expect(page.getByText("Status: Repairing")).toBeVisible();

  // The parts used.
  await page.getByLabel("Part number (row 1)").fill("PCB-2600-A");
  await page.getByLabel("Part name (row 1)").fill("Main board");
  await page.getByRole("button", { name: "Save parts", exact: true }).click();
  await expect(page.getByText("Parts saved.")).toBeVisible();
  expect(await query(`SELECT "partNumber", quantity FROM "RepairPart" WHERE "ticketId" = $1`, [ticketId])).toEqual([
    { partNumber: "PCB-2600-A", quantity: 1 },
  ]);

  // Shipping back needs the outcome: without it the server says so beside the field.
  await page.getByLabel("Move to").selectOption({ label: "Shipped back" });
  await page.getByRole("button", { name: "Change status", exact: true }).click();
  await expect(page.getByText("Choose the outcome of the repair.")).toBeVisible();
  await page.getByLabel("Outcome of the repair").selectOption({ label: "Repaired" });
  await page.getByRole("button", { name: "Change status", exact: true }).click();
  await expect(page.getByText("Status: Shipped back")).toBeVisible();
  await expect(page.getByTestId("timeline-event").filter({ hasText: "Shipped back: Repaired" })).toBeVisible();

  await page.getByRole("button", { name: "Change status", exact: true }).click();
  await expect(page.getByText("Status: Completed")).toBeVisible();
  await expect(page.getByTestId("sla-resolution")).toContainText("Met");
  await expect(page.getByRole("button", { name: "Change status", exact: true })).toHaveCount(0);

  // [16.3.1] Every look at the customer's data is in the audit log, with the ticket as target.
  const views = await query<{ targetType: string; subjectIds: string[] }>(
    `SELECT "targetType", "subjectIds" FROM "AuditEvent" WHERE action = 'personal_data.viewed' AND "actorId" = $1 AND "targetId" = $2`,
    [agent.id, ticketId],
  );
  expect(views.length).toBeGreaterThanOrEqual(2);
  for (const view of views) expect(view).toEqual({ targetType: "RepairTicket", subjectIds: [customer.id] });
});

test("(ja) staff take a warranty repair through diagnosis into repair, then cancel it with a reason, only after confirming", async ({
  page,
  login,
}) => {
  await login("SUPPORT_LEAD");
  const { id: ticketId, number } = await createRepairTicket();
  await page.goto(`/ja/admin/repairs/${ticketId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`修理 ${number}`);
  await expect(page.getByText("費用: 保証期間内（無償）")).toBeVisible();
  // A warranty repair needs no estimate: the form is not offered.
  await expect(page.getByRole("button", { name: "見積もりを送る" })).toHaveCount(0);

  // Free repairs go from diagnosis straight to repair; the control offers only the moves the status table allows.
  const moveTo = page.getByLabel("変更後の状態");
  await expect(moveTo.locator("option")).toHaveText(["診断中"]);
  await page.getByRole("button", { name: "状態を変更", exact: true }).click();
  await expect(page.getByText("状態: 診断中")).toBeVisible();
  await expect(moveTo.locator("option")).toHaveText(["修理中", "返送済み"]);
  // A move the status table refuses (the repair became paid meanwhile: it needs an approved estimate) is explained beside the control.
  await query(`UPDATE "RepairTicket" SET coverage = 'PAID' WHERE id = $1`, [ticketId]);
  await moveTo.selectOption({ label: "修理中" });
  await page.getByRole("button", { name: "状態を変更", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "お客様が見積もりを承認してから" })).toBeVisible();
  await query(`UPDATE "RepairTicket" SET coverage = 'WARRANTY' WHERE id = $1`, [ticketId]);
  await page.getByRole("button", { name: "状態を変更", exact: true }).click();
  await expect(page.getByText("状態: 修理中")).toBeVisible();

  // Too short a reason: said beside the field, no dialog.
  await page.getByLabel("理由(お客様に表示されます)").fill("不要");
  await page.getByRole("button", { name: "キャンセルする…", exact: true }).click();
  await expect(page.getByText("理由を5文字以上で書いてください。")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.getByLabel("理由(お客様に表示されます)").fill("お客様のご希望により修理を取りやめます。");
  await page.getByRole("button", { name: "キャンセルする…", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `${number} をキャンセルしますか?` });
  await dialog.getByRole("button", { name: "キャンセルしない", exact: true }).click();
  await expect(page.getByText("状態: 修理中")).toBeVisible();
  await page.getByRole("button", { name: "キャンセルする…", exact: true }).click();
  await dialog.getByRole("button", { name: "キャンセルする", exact: true }).click();
  await expect(page.getByText("状態: キャンセル")).toBeVisible();
  await expect(page.getByText("お客様のご希望により修理を取りやめます。").first()).toBeVisible();
  expect(await query(`SELECT count(*)::int AS n FROM "RepairEvent" WHERE "ticketId" = $1 AND kind = 'cancelled'`, [ticketId])).toEqual([
    { n: 1 },
  ]);
});

test("[8.2.2] [6.3.3] a repair photo is 404 for another customer, a dealer and desk staff whose session is not strong", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const { id: ticketId, customer } = await createRepairTicket();
  const fileId = await attachCustomerPhoto(browser, baseURL!, customer.id, ticketId);
  const readers = [
    { who: "the customer", token: await createSession(customer.id), status: 200 },
    { who: "desk staff, strong session", token: await createSession((await createUser("SUPPORT_AGENT")).id), status: 200 },
    { who: "another customer", token: await createSession((await createUser("CUSTOMER")).id), status: 404 },
    { who: "a dealer", token: await createSession((await createUser("DEALER_STAFF")).id), status: 404 },
    { who: "desk staff, weak session", token: await createSession((await createUser("SUPPORT_AGENT")).id, { strong: false }), status: 404 },
  ];
  for (const reader of readers) {
    const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${reader.token}` } });
    const response = await context.get(`/api/files/${fileId}`);
    expect(response.status(), reader.who).toBe(reader.status);
    if (reader.status === 404) expect(response.headers()["content-type"] ?? "", reader.who).not.toContain("image/");
    await context.dispose();
  }
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get(`/api/files/${fileId}`)).status()).toBe(404);
  await anonymous.dispose();
});

test("the customer's photo opens large in a dialog that zooms with the keyboard (each view audited), and staff add a diagnosis photo", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  const agent = await login("SUPPORT_AGENT");
  const { id: ticketId, customer } = await createRepairTicket();
  await page.goto(`/en/admin/repairs/${ticketId}`);
  await expect(page.getByText("No photos yet.")).toBeVisible();

  const customerFileId = await attachCustomerPhoto(browser, baseURL!, customer.id, ticketId);
  await page.reload();
  const customerThumbnail = page.getByRole("button", { name: "Enlarge: Customer's photo 1", exact: true });
  await customerThumbnail.click();
  const customerDialog = page.getByRole("dialog", { name: "Customer's photo 1" });
  await expect(customerDialog.getByRole("img", { name: "Customer's photo 1" })).toBeVisible();
  await customerDialog.getByRole("button", { name: "Close", exact: true }).click();
  await expect(customerDialog).toBeHidden();
  await expect
    .poll(
      async () =>
        (
          await query(
            `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'personal_data.viewed' AND "actorId" = $1 AND "targetId" = $2 AND details->>'fileId' = $3`,
            [agent.id, ticketId, customerFileId],
          )
        )[0]!.n,
    )
    .toBeGreaterThanOrEqual(2);

  const { receiptPhoto } = await import("./images");
  await page.getByLabel("Photo to add").setInputFiles({ name: "board.jpg", mimeType: "image/jpeg", buffer: await receiptPhoto() });
  await expect(page.getByText("Photo uploaded.", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Add to the ticket", exact: true }).click();
  const thumbnail = page.getByRole("button", { name: "Enlarge: Diagnosis photo 1", exact: true });
  await expect(thumbnail).toBeVisible();
  await thumbnail.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Diagnosis photo 1" });
  await expect(dialog.getByRole("img", { name: "Diagnosis photo 1" })).toBeVisible();
  await page.keyboard.press("+");
  await expect(dialog.getByText("150%")).toBeVisible();
  await dialog.getByRole("button", { name: "Zoom in", exact: true }).click();
  await expect(dialog.getByText("200%")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(thumbnail).toBeFocused();
  expect(
    await query(
      `SELECT "addedBy" FROM "RepairPhoto" p JOIN "StoredFile" f ON f.id = p."fileId" WHERE p."ticketId" = $1 AND f."ownerId" = $2`,
      [ticketId, agent.id],
    ),
  ).toEqual([{ addedBy: "staff" }]);
});

test("[8.2.1] a customer (even the ticket's own) and a dealer get 404 on the staff ticket page; a signed-out visitor is sent to sign in", async ({
  page,
  browser,
  baseURL,
}) => {
  const { id: ticketId, customer } = await createRepairTicket();
  const dealer = await createUser("DEALER_STAFF");
  for (const user of [customer, await createUser("CUSTOMER"), dealer]) {
    const context = await newContextAs(browser, baseURL!, user.id);
    const other = await context.newPage();
    const response = await other.goto(`/en/admin/repairs/${ticketId}`);
    expect(response?.status(), user.role).toBe(404);
    await expect(other.getByText(/Repair R-/)).toHaveCount(0);
    await context.close();
  }
  await page.goto(`/en/admin/repairs/${ticketId}`);
  await expect(page).toHaveURL(/\/en\/signin\?callbackUrl=/);
});

test("[8.2.1] the desk's actions refuse a customer (even the ticket's own) and a dealer, and change nothing", async ({
  page,
  login,
  playwright,
  baseURL,
}) => {
  await login("SUPPORT_AGENT");
  const { id: ticketId, customer } = await createRepairTicket();
  await page.goto(`/en/admin/repairs/${ticketId}`);
  // Capture the note action the agent's page sends, then replay it with another body from other sessions.
  const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByLabel("Note for staff").fill("Agent's own note");
  await page.getByRole("button", { name: "Add note", exact: true }).click();
  const original = await captured;
  await expect(page.getByTestId("internal-note")).toContainText("Agent's own note");
  const headers = { ...original.headers() };
  delete (headers as Record<string, string>)["cookie"];
  const forgedBody = original.postData()!.replace("Agent's own note", "Forged note");
  for (const user of [customer, await createUser("DEALER_STAFF")]) {
    const other = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${await createSession(user.id)}` },
    });
    const answer = await other.fetch(original.url(), { method: "POST", headers, data: forgedBody });
    expect(answer.status(), user.role).toBeLessThan(500);
    expect(await answer.text(), user.role).toContain('"code":"FORBIDDEN"');
    await other.dispose();
  }
  expect(await query(`SELECT body FROM "RepairNote" WHERE "ticketId" = $1`, [ticketId])).toEqual([{ body: "Agent's own note" }]);
});

test("an unknown ticket id is 404 for desk staff too", async ({ page, login }) => {
  await login("SUPPORT_AGENT");
  const response = await page.goto("/en/admin/repairs/no-such-ticket");
  expect(response?.status()).toBe(404);
});

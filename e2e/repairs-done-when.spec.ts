import type { Page } from "@playwright/test";
import { createUser, expect, newContextAs, query, randomClientAddress, test } from "./fixtures";
import { receiptPhoto } from "./images";
import { ownRepairableProduct, REQUEST_FORM } from "./repair-data";

/**
 * Issue 10, "Done when": a customer and an agent work two repairs through the real pages, in each
 * language: one in warranty (two photos, found by serial, assigned, noted, a question answered with
 * a photo), one out of warranty (an estimate approved, then completed). The customer sees every
 * step with its date and never the internal note; the SLA clocks show on the ticket.
 */
test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": randomClientAddress() });
});

const L = {
  ja: {
    ...REQUEST_FORM.ja,
    search: "検索",
    filter: "絞り込む",
    assignToMe: "自分が担当する",
    note: "スタッフ向けのメモ",
    addNote: "メモを追加",
    ask: "お客様へのメッセージ",
    sendAsk: "問い合わせを送る",
    answerRegion: "担当者からの質問",
    answer: "お返事",
    sendAnswer: "お返事を送る",
    moveTo: "変更後の状態",
    move: "状態を変更",
    outcome: "修理の結果",
    repaired: "修理済み",
    status: (name: string) => `状態: ${name}`,
    statuses: {
      waiting: "お客様の返答待ち",
      diagnosing: "診断中",
      repairing: "修理中",
      shippedBack: "返送済み",
      completed: "完了",
      estimate: "見積もり送付済み",
    },
    line: (n: number) => `内容(${n}行目)`,
    price: (n: number) => `単価・円(${n}行目)`,
    sendEstimate: "見積もりを送る",
    approve: "承認する",
    approveDialog: "このお見積もりを承認しますか?",
    firstResponse: "初回対応",
    steps: [
      "修理のご依頼を受け付けました。",
      "担当者から追加の情報のお願いがありました。",
      "追加の情報をお送りいただきました。",
      "製品の点検を始めました。",
      "修理を始めました。",
      "製品をお客様へ発送しました。",
      "修理のご依頼が完了しました。",
    ],
    paidSteps: ["お見積もりをお送りしました。", "お見積もりをご承認いただきました。"],
  },
  en: {
    ...REQUEST_FORM.en,
    search: "Search",
    filter: "Apply",
    assignToMe: "Assign to me",
    note: "Note for staff",
    addNote: "Add note",
    ask: "Message to the customer",
    sendAsk: "Send the question",
    answerRegion: "Question from our staff",
    answer: "Your answer",
    sendAnswer: "Send your answer",
    moveTo: "Move to",
    move: "Change status",
    outcome: "Outcome of the repair",
    repaired: "Repaired",
    status: (name: string) => `Status: ${name}`,
    statuses: {
      waiting: "Waiting for the customer",
      diagnosing: "Diagnosing",
      repairing: "Repairing",
      shippedBack: "Shipped back",
      completed: "Completed",
      estimate: "Estimate sent",
    },
    line: (n: number) => `Description (line ${n})`,
    price: (n: number) => `Unit price in yen (line ${n})`,
    sendEstimate: "Send the estimate",
    approve: "Approve",
    approveDialog: "Approve this estimate?",
    firstResponse: "First response",
    steps: [
      "We received your repair request.",
      "Our staff asked you for more information.",
      "You sent more information.",
      "We started diagnosing the product.",
      "We started the repair.",
      "We sent the product back to you.",
      "Your repair request is complete.",
    ],
    paidSteps: ["We sent you an estimate.", "You approved the estimate."],
  },
} as const;

type Words = (typeof L)[keyof typeof L];
const photo = async (name: string) => ({ name, mimeType: "image/jpeg", buffer: await receiptPhoto() });

/** The customer sends a request for one of their products from its page; returns the ticket's id and number. */
async function fileRequest(page: Page, locale: string, t: Words, ownershipId: string, photos: number) {
  await page.goto(`/${locale}/mypage/products/${ownershipId}`);
  await page.getByRole("link", { name: t.request, exact: true }).click();
  await page.getByLabel(t.symptom, { exact: true }).selectOption({ label: t.symptomOption });
  await page.getByLabel(t.description).fill("10分ほどで冷えなくなります / Stops cooling after ten minutes.");
  if (photos > 0) {
    await page.getByLabel(t.photos).setInputFiles(await Promise.all(Array.from({ length: photos }, (_, i) => photo(`p${i}.jpg`))));
    for (let n = 1; n <= photos; n++) await expect(page.getByText(t.photoDone(n))).toBeVisible();
  }
  await page.getByRole("radio", { name: t.sendIn }).check();
  await page.getByRole("button", { name: t.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/mypage/repairs/[^/?]+\\?sent=1$`));
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const [row] = await query<{ number: string }>(`SELECT number FROM "RepairTicket" WHERE id = $1`, [id]);
  return { id, number: row!.number };
}

async function moveTo(page: Page, t: Words, target: string, status: string) {
  await page.getByLabel(t.moveTo).selectOption({ label: target });
  if (target === t.statuses.shippedBack) await page.getByLabel(t.outcome).selectOption({ label: t.repaired });
  await page.getByRole("button", { name: t.move, exact: true }).click();
  await expect(page.getByText(t.status(status))).toBeVisible();
}

for (const locale of ["ja", "en"] as const) {
  const t = L[locale];
  test(`[issue 10 done-when] (${locale}) a customer's repairs go through the desk, in and out of warranty`, async ({
    page,
    login,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const customer = await login("CUSTOMER");
    const inWarranty = await ownRepairableProduct(customer.id);
    const outOfWarranty = await ownRepairableProduct(customer.id, { expired: true });

    // The customer files a request with two photos for the product in warranty.
    const first = await fileRequest(page, locale, t, inWarranty.ownershipId, 2);

    // The agent finds it in the queue by its serial, opens it, assigns it to self and notes something internal.
    const agent = await createUser("SUPPORT_AGENT");
    const desk = await (await newContextAs(browser, baseURL!, agent.id)).newPage();
    await desk.goto(`/${locale}/admin/repairs`);
    await desk.getByRole("searchbox", { name: t.search }).fill(inWarranty.serial);
    await desk.getByRole("button", { name: t.filter }).click();
    await desk.getByRole("link", { name: first.number, exact: true }).click();
    await expect(desk).toHaveURL(new RegExp(`/${locale}/admin/repairs/${first.id}$`));
    // The SLA clocks show on the ticket.
    await expect(desk.getByTestId("sla-firstResponse")).toContainText(t.firstResponse);
    await expect(desk.getByTestId("sla-resolution")).toBeVisible();
    await desk.getByRole("button", { name: t.assignToMe, exact: true }).click();
    await expect(desk.getByText(agent.name).first()).toBeVisible();
    const internal = "社内メモ: 基板の焼損の可能性 / internal: board may be burnt";
    await desk.getByLabel(t.note).fill(internal);
    await desk.getByRole("button", { name: t.addNote, exact: true }).click();
    await expect(desk.getByTestId("internal-note")).toContainText(internal);

    // The agent asks for more information; the customer answers with a photo.
    const question = "本体ラベルの写真をお送りください / Please send a photo of the label.";
    await desk.getByLabel(t.ask).fill(question);
    await desk.getByRole("button", { name: t.sendAsk, exact: true }).click();
    await expect(desk.getByText(t.status(t.statuses.waiting))).toBeVisible();
    await page.goto(`/${locale}/mypage/repairs/${first.id}`);
    const region = page.getByRole("region", { name: t.answerRegion });
    await expect(region).toContainText(question);
    await region.getByLabel(t.answer).fill("ラベルの写真です / Here it is.");
    await region.getByLabel(t.photos).setInputFiles([await photo("label.jpg")]);
    await expect(region.getByText(t.photoDone(1))).toBeVisible();
    await region.getByRole("button", { name: t.sendAnswer }).click();
    await expect(page.getByText(t.steps[2]!)).toBeVisible();
    expect(await query(`SELECT id FROM "RepairPhoto" WHERE "ticketId" = $1`, [first.id])).toHaveLength(3);

    // In warranty: diagnosis, repair, shipped back, completed.
    await desk.reload();
    await moveTo(desk, t, t.statuses.diagnosing, t.statuses.diagnosing);
    await moveTo(desk, t, t.statuses.repairing, t.statuses.repairing);
    await moveTo(desk, t, t.statuses.shippedBack, t.statuses.shippedBack);
    await moveTo(desk, t, t.statuses.completed, t.statuses.completed);

    // The customer sees every step with its date, and never the internal note.
    await page.reload();
    const timeline = page.getByRole("listitem").filter({ has: page.locator("time") });
    for (const step of t.steps) await expect(timeline.filter({ hasText: step }).first()).toBeVisible();
    expect(await timeline.count()).toBeGreaterThanOrEqual(t.steps.length);
    for (const item of await timeline.all()) await expect(item.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
    await expect(page.getByText(internal)).toHaveCount(0);
    expect(await page.content()).not.toContain("基板の焼損");

    // Out of warranty: the agent sends an estimate, the customer approves it, the agent completes the repair.
    const second = await fileRequest(page, locale, t, outOfWarranty.ownershipId, 0);
    await desk.goto(`/${locale}/admin/repairs/${second.id}`);
    await moveTo(desk, t, t.statuses.diagnosing, t.statuses.diagnosing);
    await desk.getByLabel(t.line(1)).fill("基板交換 / Main board");
    await desk.getByLabel(t.price(1)).fill("12000");
    await desk.getByRole("button", { name: t.sendEstimate, exact: true }).click();
    await expect(desk.getByText(t.status(t.statuses.estimate))).toBeVisible();

    await page.goto(`/${locale}/mypage/repairs/${second.id}`);
    await expect(page.getByTestId("estimate-total")).toContainText("13,200");
    await page.getByRole("button", { name: t.approve }).click();
    await page.getByRole("dialog", { name: t.approveDialog }).getByRole("button", { name: t.approve }).click();
    await expect(page.getByText(t.paidSteps[1]).first()).toBeVisible();

    await desk.reload();
    await expect(desk.getByText(t.status(t.statuses.repairing))).toBeVisible();
    await moveTo(desk, t, t.statuses.shippedBack, t.statuses.shippedBack);
    await moveTo(desk, t, t.statuses.completed, t.statuses.completed);
    await page.reload();
    for (const step of [...t.paidSteps, t.steps[6]!]) await expect(page.getByText(step).first()).toBeVisible();
    await desk.context().close();
  });
}

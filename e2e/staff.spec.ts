import { randomUUID } from "node:crypto";
import {
  createModelWithUnits,
  createUser,
  expect,
  expectAccessible,
  giveUnit,
  newContextAs,
  query,
  randomClientAddress,
  readEmail,
  test,
  uploadPhotoAs,
} from "./fixtures";
import { receiptPhoto } from "./images";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": randomClientAddress() });
});

const CLAIMS = {
  ja: {
    enlarge: "拡大表示:依頼者: 証明",
    photo: "依頼者: 証明",
    close: "閉じる",
    reject: "却下",
    reason: "却下の理由",
    reasonRequired: "却下する理由を選んでください。",
    reasonOption: "証明の写真が読み取れない",
    note: "お客様へのメッセージ(任意)",
    confirmTitle: "この依頼を却下しますか?",
    confirm: "却下する",
    rejected: "却下しました。",
    rejectedFilter: "却下済み",
    search: "シリアル番号・型番・依頼者のメールアドレス",
    searchSubmit: "検索",
    decidedBy: "判断したスタッフ",
    notApproved: "承認されませんでした",
    customerReason: "お送りいただいた購入証明の写真が読み取れませんでした。",
    next: "次にできること",
    newRequest: "あらためて依頼する",
  },
  en: {
    enlarge: "Enlarge: Claimant: Proof",
    photo: "Claimant: Proof",
    close: "Close",
    reject: "Reject",
    reason: "Reason for rejecting",
    reasonRequired: "Choose a reason to reject the claim.",
    reasonOption: "The proof cannot be read",
    note: "Message to the customer (optional)",
    confirmTitle: "Reject this claim?",
    confirm: "Reject",
    rejected: "Rejected.",
    rejectedFilter: "Rejected",
    search: "Serial, model code or claimant's email",
    searchSubmit: "Search",
    decidedBy: "Decided by",
    notApproved: "Not approved",
    customerReason: "We could not read the photo of your proof of purchase.",
    next: "What you can do",
    newRequest: "Send a new request",
  },
} as const;

for (const locale of ["ja", "en"] as const) {
  test(`(${locale}) a claim is rejected only with a reason and after confirming; the customer sees why and what to do next, and the decision stays in the staff history`, async ({
    page,
    login,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const t = CLAIMS[locale];
    const { serials, unitIds } = await createModelWithUnits(1);
    const owner = await createUser("CUSTOMER");
    await giveUnit(owner.id, unitIds[0]!);
    const claimant = await createUser("CUSTOMER");
    const claimantContext = await newContextAs(browser, baseURL!, claimant.id);
    const customer = await claimantContext.newPage();
    const evidence = await uploadPhotoAs(customer, "claim_evidence", await receiptPhoto());
    const claimId = randomUUID();
    await query(`INSERT INTO "OwnershipClaim" (id, "unitId", "claimantId", message, "evidenceFileId") VALUES ($1, $2, $3, $4, $5)`, [
      claimId,
      unitIds[0],
      claimant.id,
      "3月に大阪の店で買いました。",
      evidence,
    ]);

    const lead = await login("SUPPORT_LEAD");
    await page.goto(`/${locale}/admin/claims`);
    const card = page.getByRole("listitem").filter({ hasText: serials[0]! });
    await expect(card).toContainText(claimant.email);

    // The evidence opens large in a dialog; Escape closes it and focus goes back to the thumbnail.
    const thumbnail = card.getByRole("button", { name: t.enlarge });
    await thumbnail.click();
    const viewer = page.getByRole("dialog", { name: t.photo });
    await expect(viewer.getByRole("img")).toBeVisible();
    expect(await viewer.getByRole("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(96);
    await page.keyboard.press("Escape");
    await expect(viewer).toBeHidden();
    await expect(thumbnail).toBeFocused();
    await expectAccessible(page);

    // No reason: refused next to the field, nothing asked, nothing decided.
    await card.getByRole("button", { name: t.reject, exact: true }).click();
    await expect(card.getByText(t.reasonRequired)).toBeVisible();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await card.getByLabel(t.reason).selectOption({ label: t.reasonOption });
    await card.getByLabel(t.note).fill("Receipt date is cut off / 日付が切れています");
    await card.getByRole("button", { name: t.reject, exact: true }).click();
    const confirm = page.getByRole("dialog", { name: t.confirmTitle });
    await expect(confirm).toContainText(claimant.email);
    await expect(confirm).toContainText(t.reasonOption);
    // Cancelling decides nothing.
    await page.keyboard.press("Escape");
    await expect(confirm).toBeHidden();
    expect((await query<{ status: string }>(`SELECT status FROM "OwnershipClaim" WHERE id = $1`, [claimId]))[0]!.status).toBe("OPEN");
    await card.getByRole("button", { name: t.reject, exact: true }).click();
    await confirm.getByRole("button", { name: t.confirm, exact: true }).click();
    await expect(page.getByText(t.rejected, { exact: true })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: serials[0]! })).toHaveCount(0);

    // The history keeps it: decision, who, when and why.
    await page.getByRole("link", { name: t.rejectedFilter }).click();
    await expect(page).toHaveURL(/status=rejected/);
    await expect(page.getByRole("link", { name: t.rejectedFilter })).toHaveAttribute("aria-current", "page");
    await page.getByLabel(t.search).fill(serials[0]!);
    await page.getByRole("button", { name: t.searchSubmit }).click();
    await expect(page).toHaveURL(/status=rejected&q=/);
    const decided = page.getByRole("listitem").filter({ hasText: serials[0]! });
    await expect(decided).toContainText(lead.email);
    await expect(decided).toContainText(t.decidedBy);
    await expect(decided).toContainText(t.reasonOption);
    await expect(decided).toContainText("Receipt date is cut off");
    await expectAccessible(page);

    // The customer sees the result, the reason and a next step; the email says the same (in Japanese, their language).
    await customer.goto(`/${locale}/mypage/products`);
    const outcome = customer.getByTestId("claim-outcome");
    await expect(customer.getByText(t.notApproved)).toBeVisible();
    await expect(outcome).toContainText(t.customerReason);
    await expect(outcome).toContainText(t.next);
    await expect(outcome).toContainText("Receipt date is cut off");
    await expect(outcome.getByRole("link", { name: t.newRequest })).toHaveAttribute(
      "href",
      new RegExp(`/${locale}/mypage/products/claim\\?serial=${serials[0]}`),
    );
    await expectAccessible(customer);
    const mail = await readEmail(claimant.email, /確認のご依頼の結果/);
    expect(mail.subject).toContain("承認できませんでした");
    expect(mail.text).toContain("お送りいただいた購入証明の写真が読み取れませんでした。");
    expect(mail.text).toContain("Receipt date is cut off");
    await claimantContext.close();
  });
}

const RECALLS = {
  ja: {
    edit: "下書きを編集",
    titleEn: "件名(英語)",
    save: "変更を保存",
    saved: "下書きを保存しました。",
    del: "下書きを削除",
    confirm: "削除する",
    deleted: "下書きを削除しました。",
    list: "リコール",
  },
  en: {
    edit: "Edit the draft",
    titleEn: "Title (English)",
    save: "Save changes",
    saved: "Draft saved.",
    del: "Delete draft",
    confirm: "Delete",
    deleted: "Draft deleted.",
    list: "Recalls",
  },
} as const;

for (const locale of ["ja", "en"] as const) {
  test(`(${locale}) a recall draft is edited with the same form and deleted after confirming; a published recall offers neither`, async ({
    page,
    login,
  }) => {
    test.setTimeout(90_000);
    const t = RECALLS[locale];
    const admin = await login("ADMIN");
    const { modelId, code: modelCode } = await createModelWithUnits(1);
    const draft = async (code: string, status: "DRAFT" | "PUBLISHED") => {
      const id = randomUUID();
      await query(
        `INSERT INTO "RecallCampaign" (id, code, "modelId", "titleJa", "titleEn", "messageJa", "messageEn", "serialFrom", "serialTo", lots, status, "publishedAt", "createdById")
         VALUES ($1, $2, $3, '点検', 'Inspection', '無償で点検します。', 'Free inspection.', NULL, NULL, ARRAY['LOT-1'], $4::"RecallStatus", $6, $5)`,
        [id, code, modelId, status, admin.id, status === "PUBLISHED" ? new Date() : null],
      );
      return id;
    };
    const code = `RC-E2E-${randomUUID().slice(0, 6)}`.toUpperCase();
    const id = await draft(code, "DRAFT");
    await page.goto(`/${locale}/admin/recalls/${id}`);
    const editCard = () => page.locator("section").filter({ has: page.getByRole("heading", { name: t.edit }) });
    const form = editCard();
    await expect(form.getByLabel(t.titleEn)).toHaveValue("Inspection");
    await expect(form.getByRole("combobox").first()).toHaveValue(modelCode);
    await expectAccessible(page);
    await form.getByLabel(t.titleEn).fill("Inspection of the outdoor fan");
    await form.getByRole("button", { name: t.save }).click();
    await expect(page.getByText(t.saved)).toBeVisible();
    await page.reload();
    await expect(editCard().getByLabel(t.titleEn)).toHaveValue("Inspection of the outdoor fan");

    await page.getByRole("button", { name: t.del }).click();
    await page.getByRole("dialog").getByRole("button", { name: t.confirm, exact: true }).click();
    await expect(page.getByText(t.deleted)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.list);
    expect(await query(`SELECT 1 FROM "RecallCampaign" WHERE id = $1`, [id])).toHaveLength(0);

    const published = await draft(`${code}-P`, "PUBLISHED");
    await page.goto(`/${locale}/admin/recalls/${published}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${code}-P`);
    await expect(editCard()).toHaveCount(0);
    await expect(page.getByRole("button", { name: t.del })).toHaveCount(0);
  });
}

const AUDIT = {
  ja: {
    actor: "操作者(メールアドレス)",
    outcome: "結果",
    apply: "絞り込む",
    older: "前の記録",
    newer: "新しい記録",
    whose: "対象者",
    failure: "失敗",
  },
  en: {
    actor: "Who (email)",
    outcome: "Outcome",
    apply: "Apply",
    older: "Older entries",
    newer: "Newer entries",
    whose: "Whose data",
    failure: "Failure",
  },
} as const;

for (const locale of ["ja", "en"] as const) {
  test(`(${locale}) the audit log filters by who and outcome, pages through shareable URLs and says whose data was viewed`, async ({
    page,
    login,
  }) => {
    test.setTimeout(90_000);
    const t = AUDIT[locale];
    const staff = await createUser("SUPPORT_LEAD");
    const customer = await createUser("CUSTOMER");
    // 55 entries of one staff member: 54 sign-ins (one failed) and a view of the customer's claim.
    await query(
      `INSERT INTO "AuditEvent" (action, outcome, "actorId", at) SELECT 'auth.sign_in', (CASE WHEN n = 7 THEN 'FAILURE' ELSE 'SUCCESS' END)::"AuditOutcome", $1, now() - n * interval '1 minute' FROM generate_series(1, 54) AS n`,
      [staff.id],
    );
    await query(
      `INSERT INTO "AuditEvent" (action, outcome, "actorId", "targetType", "targetId", "subjectIds") VALUES ('personal_data.viewed', 'SUCCESS', $1, 'OwnershipClaim', 'claim-e2e', $2)`,
      [staff.id, [customer.id]],
    );
    await login("ADMIN");
    await page.goto(`/${locale}/admin/audit`);
    await page.getByLabel(t.actor).fill(staff.email);
    await page.getByRole("button", { name: t.apply }).click();
    await expect(page).toHaveURL(new RegExp(`actor=${encodeURIComponent(staff.email).replace(/\./g, "\\.")}`));
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(51); // header + a page of 50
    await expect(rows.nth(1)).toContainText(t.whose);
    await expect(rows.nth(1)).toContainText(customer.email);
    await expect(rows.nth(1)).toContainText("claim-e2e");
    await expectAccessible(page);

    await page.getByRole("link", { name: t.older }).click();
    await expect(page).toHaveURL(/before=\d+/);
    await expect(rows).toHaveCount(6);
    // The URL alone gives the same page (a link to share).
    await page.goto(page.url());
    await expect(rows).toHaveCount(6);
    await page.getByRole("link", { name: t.newer }).click();
    await expect(rows).toHaveCount(51);

    await page.getByLabel(t.outcome).selectOption({ label: t.failure });
    await page.getByRole("button", { name: t.apply }).click();
    await expect(rows).toHaveCount(2);
  });
}

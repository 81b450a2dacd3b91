import { randomUUID } from "node:crypto";
import { createModelWithUnits, createUser, giveUnit, newContextAs, query, test, uploadPhotoAs } from "./fixtures";
import { receiptPhoto } from "./images";

test("screens", async ({ page, login, browser, baseURL }) => {
  test.setTimeout(120_000);
  const { unitIds } = await createModelWithUnits(1);
  const owner = await createUser("CUSTOMER");
  await giveUnit(owner.id, unitIds[0]!);
  const claimant = await createUser("CUSTOMER");
  const ctx = await newContextAs(browser, baseURL!, claimant.id);
  const customer = await ctx.newPage();
  const evidence = await uploadPhotoAs(customer, "claim_evidence", await receiptPhoto());
  await query(`INSERT INTO "OwnershipClaim" (id, "unitId", "claimantId", message, "evidenceFileId", status, "decisionReason", "decisionNote", "decidedAt") VALUES ($1, $2, $3, 'x', $4, 'REJECTED', 'proofUnreadable', '日付が切れています', now())`, [randomUUID(), unitIds[0], claimant.id, evidence]);
  await query(`INSERT INTO "OwnershipClaim" (id, "unitId", "claimantId", message, "evidenceFileId") VALUES ($1, $2, $3, '3月に大阪の店で買いました。', $4)`, [randomUUID(), unitIds[0], claimant.id, evidence]);
  await customer.setViewportSize({ width: 390, height: 900 });
  await customer.goto("/ja/mypage/products");
  await customer.screenshot({ path: "/tmp/staff/shots/mypage-ja.png", fullPage: true });
  await login("ADMIN");
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/ja/admin/claims");
    await page.screenshot({ path: `/tmp/staff/shots/claims-${width}.png`, fullPage: true });
    await page.getByRole("button", { name: /拡大表示/ }).first().click();
    await page.screenshot({ path: `/tmp/staff/shots/viewer-${width}.png` });
    await page.keyboard.press("Escape");
    await page.goto("/ja/admin/claims?status=rejected");
    await page.screenshot({ path: `/tmp/staff/shots/claims-rejected-${width}.png`, fullPage: true });
    await page.goto("/ja/admin/audit");
    await page.screenshot({ path: `/tmp/staff/shots/audit-${width}.png`, fullPage: true });
    await page.goto("/ja/admin/registry");
    await page.getByLabel("CSVファイル").setInputFiles({ name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("serial,model_code,manufactured_on,lot\n,NOPE,2099-01-01,L\n") });
    await page.getByText("問題が見つかりました").waitFor();
    await page.screenshot({ path: `/tmp/staff/shots/registry-${width}.png`, fullPage: true });
  }
  await ctx.close();
});

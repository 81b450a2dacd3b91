import { randomBytes, randomUUID } from "node:crypto";
import {
  createModelWithUnits,
  createUser,
  expect,
  expectAccessible,
  newContextAs,
  query,
  randomClientAddress,
  readEmail,
  test,
  type TestUser,
} from "./fixtures";

/**
 * Issue 15's "done when": an admin adds an attribute and a prompt; a customer answers it after a
 * registration; the admin builds "owners of AC-2600 registered 11-13 months ago who chose cat",
 * sees the count, and sends a campaign with a survey; the customer with consent gets the email and
 * the notice, answers the survey and earns points; the customer without consent gets nothing; the
 * dashboard shows the registration, the answer and the points. Everything is made for this test:
 * its attribute (a code of its own) keeps the segment to its two customers.
 */

/** An AC-2600 unit of this test, registered to `user` 12 months ago. */
async function yearOldAc(user: TestUser): Promise<void> {
  const [model] = await query<{ id: string }>(`SELECT id FROM "ProductModel" WHERE code = 'AC-2600'`);
  const unitId = randomUUID();
  await query(`INSERT INTO "SerialUnit" (id, serial, "modelId", "manufacturedOn") VALUES ($1, $2, $3, '2025-10-01')`, [
    unitId,
    `E2EAC${randomBytes(4).toString("hex").toUpperCase()}`,
    model!.id,
  ]);
  await query(
    `INSERT INTO "Ownership" (id, "unitId", "userId", "purchasedOn", "registeredAt") VALUES ($1, $2, $3, (now() - interval '12 months')::date, now() - interval '12 months')`,
    [randomUUID(), unitId, user.id],
  );
}

async function agreeToCampaigns(user: TestUser): Promise<void> {
  await query(
    `INSERT INTO "Consent" (id, "userId", purpose, "policyVersion", "textHash", channel)
     SELECT $1, $2, v."purposeId", v.version, v."textHash", 'e2e' FROM "PolicyVersion" v
     WHERE v."purposeId" = 'marketing_email' ORDER BY v."publishedAt" DESC LIMIT 1`,
    [randomUUID(), user.id],
  );
}

test("[issue 15 done-when] attribute and prompt → answer after a registration → segment → campaign with a survey → email, notice, answer, points; nobody without consent", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const code = `pet_${randomBytes(3).toString("hex")}`;
  const tag = code.slice(4);

  // The admin adds an attribute (its errors first) and a prompt asked right after a registration.
  await login("ADMIN");
  await page.goto("/en/admin/engagement/profiling/attributes/new");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Use 2-40 lower-case letters, digits and _, starting with a letter.")).toBeVisible();
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByLabel("Question (Japanese)").fill(`ペットはいますか ${tag}`);
  await page.getByLabel("Question (English)").fill(`Pets at home ${tag}?`);
  await page.getByLabel("Why we ask (Japanese)").fill("ペット向けのお手入れ情報のため");
  await page.getByLabel("Why we ask (English)").fill("To tell you about care with pets");
  for (const [index, [value, ja, en]] of [
    ["cat", "猫", "Cat"],
    ["dog", "犬", "Dog"],
  ].entries()) {
    await page.getByLabel(`Value of option ${index + 1}`).fill(value!);
    await page.getByLabel("Label (Japanese)").nth(index).fill(ja!);
    await page.getByLabel("Label (English)").nth(index).fill(en!);
  }
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Attribute saved.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Pets at home ${tag}?`);
  await page.goto("/en/admin/engagement/profiling/prompts/new");
  await page.getByLabel("Name (for admins)").fill(`After registration ${tag}`);
  await page.getByLabel("When to ask").selectOption("AFTER_REGISTRATION");
  await page.getByLabel("First question").selectOption({ label: `Pets at home ${tag}?` });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("link", { name: `After registration ${tag}` })).toBeVisible();
  await expectAccessible(page);

  // A customer who agreed to campaign emails owns a year-old AC-2600, registers a new product and answers the prompt.
  const agreed = await createUser("CUSTOMER");
  await agreeToCampaigns(agreed);
  await yearOldAc(agreed);
  const { serials } = await createModelWithUnits(1);
  const customer = await newContextAs(browser, baseURL!, agreed.id);
  const customerPage = await customer.newPage();
  await customerPage.goto(`/en/mypage/products/register?serial=${serials[0]}`);
  await expect(customerPage.getByTestId("serial-status")).toContainText("ready to register");
  await customerPage.getByRole("button", { name: "Register product" }).click();
  await expect(customerPage.getByText("Your product is registered.")).toBeVisible();
  const prompt = customerPage.getByRole("region", { name: "A quick question, if you like" });
  await expect(prompt.getByText("Why we ask: To tell you about care with pets")).toBeVisible();
  await expectAccessible(customerPage);
  await prompt.getByText("Cat", { exact: true }).click();
  await prompt.getByRole("button", { name: "Answer" }).click();
  await expect(customerPage.getByText("Thank you for answering.")).toBeVisible();
  // The answer is theirs, in their profile, with why it was asked.
  await customerPage.goto("/en/account");
  const answers = customerPage.locator("section").filter({ hasText: "Your answers to our questions" });
  await expect(answers.getByRole("radio", { name: "Cat" })).toBeChecked();

  // A customer who never agreed, with the same product and answer.
  const silent = await createUser("CUSTOMER");
  await yearOldAc(silent);
  const [attribute] = await query<{ id: string }>(`SELECT id FROM "ProfileAttribute" WHERE code = $1`, [code]);
  await query(
    `INSERT INTO "AttributeAnswer" ("userId", "attributeId", choices, source, "updatedAt") VALUES ($1, $2, ARRAY['cat'], 'profile', now())`,
    [silent.id, attribute!.id],
  );

  // The admin builds the segment: an empty rule's message first, a reversed range's, then the count.
  await page.goto("/en/admin/engagement/segments/new");
  await page.getByLabel("Segment name").fill(`AC-2600 year one, cats ${tag}`);
  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page.getByText("Choose a model or category, months since registration or purchase, or a warranty state.")).toBeVisible();
  const models = page.getByRole("group", { name: "Models" });
  await models.getByText(/^AC-2600 — /).click();
  await page.getByLabel("Registered at least (months ago)").fill("13");
  await page.getByLabel("Registered at most (months ago)").fill("11");
  await expect(page.getByText("Make this at least the first value (the range is reversed).")).toBeVisible();
  await page.getByLabel("Registered at least (months ago)").fill("11");
  await page.getByLabel("Registered at most (months ago)").fill("13");
  await page.getByLabel("Rule to add").selectOption("attribute");
  await page.getByRole("button", { name: "Add rule" }).click();
  await page.getByLabel("Attribute", { exact: true }).selectOption({ label: `Pets at home ${tag}?` });
  await page.getByRole("group", { name: "Answers" }).getByText("Cat", { exact: true }).click();
  await expect(page.getByTestId("segment-count")).toHaveText("2");
  await expect(page.getByRole("table", { name: "Sample (10 newest)" }).getByRole("row")).toHaveCount(3);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page.getByText("Segment saved.")).toBeVisible();

  // A survey with points, opened.
  await page.goto("/en/admin/engagement/surveys/new");
  await page.getByLabel("Title (Japanese)").fill(`1 年使ってみて ${tag}`);
  await page.getByLabel("Title (English)").fill(`One year on ${tag}`);
  await page.getByLabel("Points for answering").fill("30");
  await page.getByLabel("Question (Japanese)").fill("友人にすすめたいですか?");
  await page.getByLabel("Question (English)").fill("Would you recommend it?");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Survey saved.")).toBeVisible();
  await page.getByRole("button", { name: "Open survey" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Open survey" }).click();
  await expect(page.getByText("Survey opened.")).toBeVisible();

  // The campaign: who it reaches and who not, the preview, then send now.
  await page.goto("/en/admin/engagement/campaigns/new");
  await page.getByLabel("Name (for admins)").fill(`Year one ${tag}`);
  await page.getByLabel("Segment").selectOption({ label: `AC-2600 year one, cats ${tag}` });
  await page.getByLabel("Survey (optional)").selectOption({ label: `One year on ${tag}` });
  await page.getByLabel("Subject (Japanese)").fill(`1 年点検のご案内 ${tag}`);
  await page.getByLabel("Subject (English)").fill(`Your first year ${tag}`);
  await page.getByLabel("Message (Japanese)").fill("フィルターのお手入れをおすすめします。");
  await page.getByLabel("Message (English)").fill("Time to clean the filter.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Year one ${tag}`);
  await expect(page.getByTestId("reach-email")).toHaveText("1");
  await expect(page.getByTestId("reach-notice")).toHaveText("1");
  await expect(page.getByText("Excluded: no consent")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send now" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Send now" }).click();
  await expect(page.getByText("Sending has started.")).toBeVisible();

  // The customer with consent: the email (in their language, Japanese, with an unsubscribe link) and the notice.
  const email = await readEmail(agreed.email, new RegExp(`1 年点検のご案内 ${tag}`));
  expect(email.html).toContain("/api/campaigns/click/");
  expect(email.text).toMatch(/\/ja\/unsubscribe\/[a-f0-9]{64}/);
  await customerPage.goto("/en/mypage/notices");
  await customerPage.getByRole("link", { name: `Your first year ${tag}` }).click();
  await expect(customerPage.getByText("Time to clean the filter.")).toBeVisible();
  await expectAccessible(customerPage);
  await customerPage.getByRole("link", { name: "Answer the survey" }).click();
  await expect(customerPage.getByRole("heading", { level: 1 })).toHaveText(`One year on ${tag}`);
  await customerPage.getByRole("button", { name: "Send answers" }).click();
  await expect(customerPage.getByText("This is required.")).toBeVisible();
  await customerPage.getByText("9", { exact: true }).click();
  await customerPage.getByRole("button", { name: "Send answers" }).click();
  await expect(customerPage.getByText("You earned 30 points.")).toBeVisible();
  await expectAccessible(customerPage);

  // The one-click unsubscribe from the email withdraws the consent.
  const unsubscribe = email.text.match(/https?:\/\/\S+\/ja\/unsubscribe\/[a-f0-9]{64}/)![0];
  await customerPage.goto(new URL(new URL(unsubscribe).pathname.replace("/ja/", "/en/"), baseURL).toString());
  await expectAccessible(customerPage);
  await customerPage.getByRole("button", { name: "Stop these emails" }).click();
  await expect(customerPage.getByText(/these emails are stopped and your consent is withdrawn/)).toBeVisible();
  const [stillAgreed] = await query<{ count: string }>(
    `SELECT count(*) FROM "Consent" WHERE "userId" = $1 AND purpose = 'marketing_email' AND "withdrawnAt" IS NULL`,
    [agreed.id],
  );
  expect(stillAgreed!.count).toBe("0");

  // The customer without consent: no notice, and no email while the other's arrived.
  const other = await newContextAs(browser, baseURL!, silent.id);
  const otherPage = await other.newPage();
  await otherPage.goto("/en/mypage/notices");
  await expect(otherPage.getByRole("link", { name: `Your first year ${tag}` })).toHaveCount(0);
  const [silentEmails] = await query<{ count: string }>(
    `SELECT count(*) FROM "CampaignRecipient" WHERE "userId" = $1 AND "emailSentAt" IS NOT NULL`,
    [silent.id],
  );
  expect(silentEmails!.count).toBe("0");

  // The dashboard: the new registration (its model), the survey's answer, the points.
  await page.goto("/en/admin/analytics");
  const [registered] = await query<{ code: string }>(
    `SELECT m.code FROM "SerialUnit" s JOIN "ProductModel" m ON m.id = s."modelId" WHERE s.serial = $1`,
    [serials[0]],
  );
  await expect(page.getByRole("row").filter({ hasText: registered!.code }).getByRole("cell").nth(1)).toHaveText("1");
  const surveyRow = page.getByRole("row").filter({ hasText: `One year on ${tag}` });
  await expect(surveyRow.getByTestId("survey-responses")).toHaveText("1");
  await expect(surveyRow.getByRole("cell").last()).toHaveText("100");
  await expect(page.getByTestId("points-figures")).toContainText("Issued in these months");
  await expectAccessible(page);
  await customerPage.goto("/en/mypage/points");
  await expect(customerPage.getByRole("cell", { name: `Survey: One year on ${tag}` })).toBeVisible();
  await customer.close();
  await other.close();
});

test("[8.2.1] a notice, a survey and an unsubscribe link of someone else are 404", async ({ page, login }) => {
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": randomClientAddress() });
  const owner = await createUser("CUSTOMER");
  const [notice] = await query<{ id: string }>(`INSERT INTO "Notice" (id, "userId", kind) VALUES ($1, $2, 'SURVEY') RETURNING id`, [
    `n${randomBytes(8).toString("hex")}`,
    owner.id,
  ]);
  await login("CUSTOMER");
  for (const path of [`/en/mypage/notices/${notice!.id}`, "/en/mypage/surveys/no-such-survey", `/en/unsubscribe/${"0".repeat(64)}`]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
  }
});

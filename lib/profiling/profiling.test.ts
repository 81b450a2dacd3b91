import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { testCustomer, testStaff } = await import("@/scripts/test/product-factories");
const { saveAttribute, savePrompt } = await import("./attributes");
const { myAttributes, saveAnswers } = await import("./answers");
const { answerPrompt, promptFor } = await import("./prompts");
const { parseAnswer } = await import("./schemas");
const { collectCustomerData } = await import("@/lib/privacy/collect");
const { requestErasure, runErasure } = await import("@/lib/privacy/erasure");
const { stopJobWorkers } = await import("@/lib/jobs/worker");

afterAll(() => stopJobWorkers());

const PETS = [
  { value: "cat", labelJa: "猫", labelEn: "Cat" },
  { value: "dog", labelJa: "犬", labelEn: "Dog" },
];

async function attribute(type: "CHOICE" | "MULTI_CHOICE" | "NUMBER" | "YES_NO", extra: { minNumber?: number; maxNumber?: number } = {}) {
  const admin = await testStaff("ADMIN");
  const code = `t_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
  const { id } = await saveAttribute(admin.id, {
    attributeId: "",
    code,
    type,
    labelJa: "質問",
    labelEn: "Question",
    purposeJa: "理由",
    purposeEn: "Reason",
    sensitive: false,
    options: type === "CHOICE" || type === "MULTI_CHOICE" ? PETS : [],
    minNumber: extra.minNumber ?? null,
    maxNumber: extra.maxNumber ?? null,
  });
  return { id, code, admin };
}

/** Prompts of every test share the moment; each test's prompt asks only its own attributes. */
async function prompt(attributeIds: string[], moment: "AFTER_REGISTRATION" | "AFTER_REPAIR_RATING" | "MYPAGE" = "AFTER_REPAIR_RATING") {
  const admin = await testStaff("ADMIN");
  return savePrompt(admin.id, {
    promptId: "",
    name: `p-${randomUUID().slice(0, 6)}`,
    moment,
    active: true,
    firstAttributeId: attributeIds[0]!,
    secondAttributeId: attributeIds[1] ?? "",
  });
}

describe("profile answers", () => {
  it("checks each answer against its attribute and reports every field's problem at once, saving none", async () => {
    const pets = await attribute("MULTI_CHOICE");
    const age = await attribute("NUMBER", { minNumber: 0, maxNumber: 120 });
    const customer = await testCustomer();
    await expect(
      saveAnswers(customer.id, { [pets.code]: ["cat", "horse"], [age.code]: "130" }, { source: "profile", emptyRemoves: true }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      cause: { [`answers.${pets.code}`]: "validation.invalid", [`answers.${age.code}`]: "profiling.outOfRange" },
    });
    expect(await db.attributeAnswer.count({ where: { userId: customer.id } })).toBe(0);

    await saveAnswers(customer.id, { [pets.code]: ["cat", "dog"], [age.code]: "42" }, { source: "profile", emptyRemoves: true });
    const mine = await myAttributes(customer.id);
    expect(mine.find((a) => a.code === pets.code)).toMatchObject({ answer: ["cat", "dog"], purpose: { ja: "理由", en: "Reason" } });
    expect(mine.find((a) => a.code === age.code)?.answer).toBe("42");
    // Archived, the question's answer can be kept as it is (the profile form sends it) but not changed.
    await db.profileAttribute.update({ where: { id: pets.id }, data: { archivedAt: new Date() } });
    await saveAnswers(customer.id, { [pets.code]: ["cat", "dog"], [age.code]: "42" }, { source: "profile", emptyRemoves: true });
    await expect(saveAnswers(customer.id, { [pets.code]: ["cat"] }, { source: "profile", emptyRemoves: true })).rejects.toMatchObject({
      cause: { [`answers.${pets.code}`]: "profiling.noLongerAsked" },
    });
    // Emptied on the profile: the answer is removed.
    await saveAnswers(customer.id, { [age.code]: "" }, { source: "profile", emptyRemoves: true });
    expect((await myAttributes(customer.id)).find((a) => a.code === age.code)?.answer).toBeNull();
  });

  it("parses each type: one choice, yes/no, whole numbers in range, dates", () => {
    const base = { options: PETS, minNumber: null, maxNumber: null };
    expect(parseAnswer({ ...base, type: "CHOICE" }, ["cat", "dog"])).toEqual({ error: "validation.invalid" });
    expect(parseAnswer({ ...base, type: "YES_NO" }, "yes")).toMatchObject({ yes: true });
    expect(parseAnswer({ ...base, type: "NUMBER" }, "４２")).toMatchObject({ number: 42 });
    expect(parseAnswer({ ...base, type: "NUMBER" }, "4.5")).toEqual({ error: "profiling.wholeNumber" });
    expect(parseAnswer({ ...base, type: "DATE" }, "2026-02-30")).toEqual({ error: "validation.dateInvalid" });
    expect(parseAnswer({ ...base, type: "DATE" }, "")).toBeNull();
  });
});

describe("progressive profiling prompts", () => {
  it("asks only unanswered questions, once: skipped or answered, and a second submit changes nothing", async () => {
    const pets = await attribute("CHOICE");
    const dog = await attribute("YES_NO");
    const { id } = await prompt([pets.id, dog.id]);
    const customer = await testCustomer();
    await saveAnswers(customer.id, { [dog.code]: "yes" }, { source: "profile", emptyRemoves: true });
    await db.profilePromptView.deleteMany({ where: { userId: customer.id } });

    // The only prompt for this moment in this file: its answered question is left out.
    const shown = await promptFor(customer.id, "AFTER_REPAIR_RATING");
    expect(shown?.id).toBe(id);
    expect(shown?.questions.map((q) => q.code)).toEqual([pets.code]);
    // Shown again on a reload while it waits for an answer (the page may render twice).
    expect((await promptFor(customer.id, "AFTER_REPAIR_RATING"))?.id).toBe(id);

    expect(await answerPrompt(customer.id, { promptId: id, skip: false, answers: { [pets.code]: "cat" } })).toEqual({
      outcome: "answered",
    });
    expect(await answerPrompt(customer.id, { promptId: id, skip: false, answers: { [pets.code]: "dog" } })).toEqual({ outcome: "already" });
    expect((await db.attributeAnswer.findFirstOrThrow({ where: { userId: customer.id, attributeId: pets.id } })).choices).toEqual(["cat"]);
    expect((await promptFor(customer.id, "AFTER_REPAIR_RATING"))?.id).not.toBe(id);
  });

  it("keeps showing the prompt shown first when two renders at once each picked one", async () => {
    const customer = await testCustomer();
    const older = await prompt([(await attribute("CHOICE")).id], "AFTER_REGISTRATION");
    const newer = await prompt([(await attribute("CHOICE")).id], "AFTER_REGISTRATION");
    // What two racing renders leave: the newest prompt shown, then (the other render) the older one.
    const now = Date.now();
    await db.profilePromptView.createMany({
      data: [
        { promptId: newer.id, userId: customer.id, outcome: "shown", shownAt: new Date(now - 2000) },
        { promptId: older.id, userId: customer.id, outcome: "shown", shownAt: new Date(now - 1000) },
      ],
    });
    for (let i = 0; i < 3; i++) expect((await promptFor(customer.id, "AFTER_REGISTRATION"))?.id).toBe(newer.id);
    // Renders at the same moment agree on one prompt, shown once.
    const other = await testCustomer();
    const shown = await Promise.all([1, 2, 3, 4].map(() => promptFor(other.id, "AFTER_REGISTRATION")));
    expect(new Set(shown.map((item) => item?.id)).size).toBe(1);
    expect(await db.profilePromptView.count({ where: { userId: other.id } })).toBe(1);
  });

  it("never shows more prompts in 30 days than the limit", async () => {
    const customer = await testCustomer();
    const first = await attribute("CHOICE");
    const second = await attribute("CHOICE");
    const third = await attribute("CHOICE");
    const ids = [
      (await prompt([first.id], "MYPAGE")).id,
      (await prompt([second.id], "MYPAGE")).id,
      (await prompt([third.id], "MYPAGE")).id,
    ];
    await db.engagementSettings.upsert({ where: { id: 1 }, create: { id: 1, maxPromptsPerMonth: 2 }, update: { maxPromptsPerMonth: 2 } });
    await answerPrompt(customer.id, { promptId: ids[0]!, skip: true, answers: {} });
    await answerPrompt(customer.id, { promptId: ids[1]!, skip: true, answers: {} });
    expect(await promptFor(customer.id, "MYPAGE")).toBeNull();
    // A month later the limit counts again.
    expect(await promptFor(customer.id, "MYPAGE", new Date(Date.now() + 31 * 24 * 3600 * 1000))).not.toBeNull();
    // Skipped prompts are not shown again; the skip saved no answer.
    expect(await db.attributeAnswer.count({ where: { userId: customer.id } })).toBe(0);
  });

  it("fixes an attribute's code and type, and keeps saved options", async () => {
    const pets = await attribute("CHOICE");
    const input = {
      attributeId: pets.id,
      code: pets.code,
      type: "CHOICE" as const,
      labelJa: "質問",
      labelEn: "Question",
      purposeJa: "理由",
      purposeEn: "Reason",
      sensitive: false,
      options: PETS,
      minNumber: null,
      maxNumber: null,
    };
    await expect(saveAttribute(pets.admin.id, { ...input, type: "MULTI_CHOICE" })).rejects.toMatchObject({
      cause: { code: "profiling.codeFixed" },
    });
    await expect(
      saveAttribute(pets.admin.id, { ...input, options: [PETS[0]!, { value: "fish", labelJa: "魚", labelEn: "Fish" }] }),
    ).rejects.toMatchObject({
      cause: { options: "profiling.optionRemoved" },
    });
    await saveAttribute(pets.admin.id, { ...input, options: [...PETS, { value: "fish", labelJa: "魚", labelEn: "Fish" }] });
    await expect(saveAttribute(pets.admin.id, { ...input, attributeId: "", code: pets.code })).rejects.toMatchObject({
      cause: { code: "profiling.codeTaken" },
    });
  });
});

describe("[GDPR 15/17/20] profile answers are the customer's", () => {
  it("are in the data export with why we asked, and erased with the account", async () => {
    const pets = await attribute("CHOICE");
    const customer = await testCustomer();
    await saveAnswers(customer.id, { [pets.code]: "dog" }, { source: "profile", emptyRemoves: true });
    const data = await collectCustomerData(customer.id);
    expect(data.profileAnswers).toEqual([
      expect.objectContaining({ choices: ["dog"], attribute: expect.objectContaining({ code: pets.code, purposeEn: "Reason" }) }),
    ]);
    await requestErasure(customer.id);
    await runErasure({ userId: customer.id });
    expect(await db.attributeAnswer.count({ where: { userId: customer.id } })).toBe(0);
  });
});

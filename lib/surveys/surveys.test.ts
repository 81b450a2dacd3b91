import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { testCustomer, testStaff } = await import("@/scripts/test/product-factories");
const { customerWithRepairs } = await import("@/scripts/test/repair-factories");
const { saveAttribute } = await import("@/lib/profiling/attributes");
const { setConsent } = await import("@/lib/consents/current");
const { pointsSummary } = await import("@/lib/points/wallet");
const { saveSurvey, setSurveyStatus, getSurvey } = await import("./surveys");
const { submitSurvey, surveyForCustomer } = await import("./answers");
const { surveyResults, surveyCsv } = await import("./results");
const { inviteByTriggers } = await import("./triggers");

const actorOf = (user: {
  id: string;
  role: "CUSTOMER" | "ADMIN" | "SUPPORT_AGENT" | "SUPPORT_LEAD" | "DEALER_STAFF" | "DEALER_ADMIN";
}) => ({
  id: user.id,
  role: user.role,
  dealerId: null,
});

async function openSurvey(options: { points?: number; trigger?: "NONE" | "REPAIR_COMPLETED" | "REGISTERED_30_DAYS" } = {}) {
  const admin = await testStaff("ADMIN");
  const code = `t_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
  const pets = await saveAttribute(admin.id, {
    attributeId: "",
    code,
    type: "CHOICE",
    labelJa: "ペット",
    labelEn: "Pets",
    purposeJa: "理由",
    purposeEn: "Reason",
    sensitive: false,
    options: [
      { value: "cat", labelJa: "猫", labelEn: "Cat" },
      { value: "dog", labelJa: "犬", labelEn: "Dog" },
    ],
    minNumber: null,
    maxNumber: null,
  });
  const { id } = await saveSurvey(admin.id, {
    surveyId: "",
    titleJa: "使い心地",
    titleEn: "How is it",
    introJa: "",
    introEn: "",
    trigger: options.trigger ?? "NONE",
    points: options.points ?? 0,
    questions: [
      {
        type: "NPS",
        labelJa: "おすすめ度",
        labelEn: "Recommend",
        required: true,
        options: [],
        minNumber: null,
        maxNumber: null,
        attributeId: "",
      },
      {
        type: "CHOICE",
        labelJa: "ペット",
        labelEn: "Pets",
        required: false,
        options: [],
        minNumber: null,
        maxNumber: null,
        attributeId: pets.id,
      },
      {
        type: "TEXT",
        labelJa: "ご意見",
        labelEn: "Comments",
        required: false,
        options: [],
        minNumber: null,
        maxNumber: null,
        attributeId: "",
      },
    ],
  });
  await setSurveyStatus(admin.id, id, "OPEN");
  const survey = (await getSurvey(id))!;
  return { admin, survey, code };
}

describe("surveys", () => {
  it("is answered once by an invited customer: problems of every question at once, the profile answer saved, points earned", async () => {
    const { admin, survey, code } = await openSurvey({ points: 50 });
    const [nps, pets, text] = survey.questions;
    const customer = await testCustomer();
    const actor = actorOf(customer);
    // Not invited: the survey does not exist for them.
    expect(await surveyForCustomer(actor, survey.id)).toBeNull();
    await expect(submitSurvey(actor, { surveyId: survey.id, answers: { [nps!.id]: "9" } })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await db.surveyInvitation.create({ data: { surveyId: survey.id, userId: customer.id, causeKind: "campaign", causeId: "x" } });
    await expect(submitSurvey(actor, { surveyId: survey.id, answers: { [nps!.id]: "", [pets!.id]: "horse" } })).rejects.toMatchObject({
      code: "VALIDATION",
      cause: { [`answers.${nps!.id}`]: "validation.required", [`answers.${pets!.id}`]: "validation.invalid" },
    });
    expect(await db.surveyResponse.count({ where: { surveyId: survey.id } })).toBe(0);

    expect(
      await submitSurvey(actor, { surveyId: survey.id, answers: { [nps!.id]: "9", [pets!.id]: "cat", [text!.id]: "静かです" } }),
    ).toEqual({ points: 50 });
    await expect(submitSurvey(actor, { surveyId: survey.id, answers: { [nps!.id]: "3" } })).rejects.toMatchObject({ code: "CONFLICT" });
    const attribute = await db.profileAttribute.findUniqueOrThrow({ where: { code } });
    expect(
      (await db.attributeAnswer.findUniqueOrThrow({ where: { userId_attributeId: { userId: customer.id, attributeId: attribute.id } } }))
        .choices,
    ).toEqual(["cat"]);
    const summary = await pointsSummary(customer.id);
    expect(summary.available + summary.pending).toBe(50);

    const results = (await surveyResults(survey.id))!;
    expect(results.responses).toBe(1);
    expect(results.questions[0]!.nps).toEqual({ score: 100, promoters: 1, passives: 0, detractors: 0 });
    expect(results.questions[1]!.counts.find((c) => c.value === "cat")?.count).toBe(1);
    expect(results.questions[2]!.texts).toEqual(["静かです"]);

    const csv = (await surveyCsv(admin.id, survey.id, "en"))!;
    expect(csv.header).toEqual(["Respondent", "Submitted", "Recommend", "Pets", "Comments"]);
    expect(csv.rows[0]!.slice(2)).toEqual([9, "cat", "静かです"]);
    expect(JSON.stringify(csv.rows)).not.toContain(customer.id);
    expect(JSON.stringify(csv.rows)).not.toContain(customer.email);
    expect(await db.auditEvent.count({ where: { action: "survey.exported", targetId: survey.id } })).toBe(1);
  });

  it("fixes a survey's questions once it is open", async () => {
    const { admin, survey } = await openSurvey();
    await expect(
      saveSurvey(admin.id, {
        surveyId: survey.id,
        titleJa: "x",
        titleEn: "x",
        introJa: "",
        introEn: "",
        trigger: "NONE",
        points: 0,
        questions: [
          { type: "TEXT", labelJa: "x", labelEn: "x", required: true, options: [], minNumber: null, maxNumber: null, attributeId: "" },
        ],
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("invites, once, customers whose repair was completed since it opened, if their consent allows research", async () => {
    const { survey } = await openSurvey({ trigger: "REPAIR_COMPLETED" });
    const consenting = await customerWithRepairs(1);
    const silent = await customerWithRepairs(1);
    for (const { tickets } of [consenting, silent]) {
      await db.repairTicket.update({ where: { id: tickets[0]!.id }, data: { status: "COMPLETED" } });
      await db.repairEvent.create({ data: { ticketId: tickets[0]!.id, kind: "status", fromStatus: "REPAIRING", toStatus: "COMPLETED" } });
    }
    await setConsent(consenting.customer.id, "research", true);
    await inviteByTriggers();
    await inviteByTriggers();
    const invited = await db.surveyInvitation.findMany({ where: { surveyId: survey.id } });
    expect(invited.map((i) => i.userId)).toEqual([consenting.customer.id]);
    expect(await db.notice.count({ where: { surveyId: survey.id, kind: "SURVEY" } })).toBe(1);
  });
});

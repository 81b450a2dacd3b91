import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { testCustomer } = await import("@/scripts/test/product-factories");
const { testPurpose } = await import("@/scripts/test/consent-factories");
const { consentAllows, setConsent } = await import("@/lib/consents/current");
const { setEmailChoice } = await import("@/lib/notifications/choices");
const { saveAttribute } = await import("@/lib/profiling/attributes");
const { saveSegment } = await import("@/lib/segments/segments");
const { ZSegmentDefinition } = await import("@/lib/segments/rules");
const { campaignAudience, getCampaign, saveCampaign } = await import("./campaigns");
const { cancelCampaign, runCampaign, scheduleCampaign, sendCampaignEmails } = await import("./send");
const { clickThrough, unsubscribe } = await import("./tracking");
const { listMyNotices, openNotice, unreadNoticeCount } = await import("@/lib/notices/inbox");
const { stopJobWorkers } = await import("@/lib/jobs/worker");

afterAll(() => stopJobWorkers());

/**
 * A purpose, an attribute and a segment of this test alone, and five customers in the segment:
 * agreed; never agreed; agreed but campaign emails off; agreed then withdrew; agreed to a text
 * that was replaced by one needing re-acceptance.
 */
async function world() {
  const { id: purpose, publish, admin } = await testPurpose();
  const code = `t_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
  const attribute = await saveAttribute(admin.id, {
    attributeId: "",
    code,
    type: "YES_NO",
    labelJa: "テスト",
    labelEn: "Test",
    purposeJa: "テスト",
    purposeEn: "Test",
    sensitive: false,
    options: [],
    minNumber: null,
    maxNumber: null,
  });
  const [agreed, never, emailOff, withdrew, stale] = await Promise.all([
    testCustomer("ja"),
    testCustomer("en"),
    testCustomer(),
    testCustomer(),
    testCustomer(),
  ]);
  for (const customer of [agreed, never, emailOff, withdrew, stale]) {
    await db.attributeAnswer.create({
      data: { userId: customer.id, attributeId: attribute.id, choices: [], yes: true, source: "profile" },
    });
  }
  await setConsent(stale.id, purpose, true);
  await publish("2", true);
  for (const customer of [agreed, emailOff, withdrew]) await setConsent(customer.id, purpose, true);
  await setEmailChoice(emailOff.id, "campaigns", false);
  await setConsent(withdrew.id, purpose, false);
  const segment = await saveSegment(admin.id, {
    segmentId: "",
    name: "Test",
    description: "",
    definition: ZSegmentDefinition.parse({ match: "all", rules: [{ kind: "attribute", attribute: code, op: "yes" }] }),
  });
  const campaign = await saveCampaign(admin.id, {
    campaignId: "",
    name: "Test campaign",
    segmentId: segment.id,
    purposeId: purpose,
    sendEmail: true,
    sendNotice: true,
    subjectJa: "点検のご案内",
    subjectEn: "Time for a check-up",
    bodyJa: "ご購入から 1 年です。\n\n点検をおすすめします。",
    bodyEn: "It has been a year.\n\nWe suggest a check-up.",
    linkUrl: "/mypage/products",
    linkLabelJa: "製品を見る",
    linkLabelEn: "See my products",
    surveyId: "",
  });
  return { admin, purpose, campaign, customers: { agreed, never, emailOff, withdrew, stale } };
}

describe("campaigns reach only customers whose current consent allows it", () => {
  it("counts, writes recipients and notices, and emails only the consenting customer with emails on", async () => {
    const { admin, purpose, campaign, customers } = await world();
    const draft = (await getCampaign(campaign.id))!;
    expect(await campaignAudience(draft)).toEqual({ segment: 5, noConsent: 3, emailOff: 1, email: 1, notice: 2 });

    await scheduleCampaign(admin.id, { campaignId: campaign.id, when: "now", at: "" });
    // A double click: the campaign is already scheduled.
    await expect(scheduleCampaign(admin.id, { campaignId: campaign.id, when: "now", at: "" })).rejects.toMatchObject({ code: "CONFLICT" });
    await runCampaign(campaign.id);
    await runCampaign(campaign.id); // a retry writes nothing twice
    const recipients = await db.campaignRecipient.findMany({ where: { campaignId: campaign.id } });
    expect(recipients).toHaveLength(5);
    const reached = recipients.filter((r) => r.excluded === null).map((r) => r.userId);
    expect(reached.sort()).toEqual([customers.agreed.id, customers.emailOff.id].sort());
    expect(recipients.find((r) => r.userId === customers.stale.id)?.excluded).toBe("no_consent");

    // [My Page notices] only for those reached.
    for (const customer of Object.values(customers)) {
      const actor = { id: customer.id, role: customer.role, dealerId: null };
      const notices = (await listMyNotices(actor)).filter((notice) => notice.campaignId === campaign.id);
      expect(notices.length, customer.email).toBe(reached.includes(customer.id) ? 1 : 0);
    }

    // [Email] the batch job sends to the one customer with consent and emails on, in their language.
    await sendCampaignEmails({ campaignId: campaign.id, userIds: recipients.map((r) => r.userId) });
    await sendCampaignEmails({ campaignId: campaign.id, userIds: recipients.map((r) => r.userId) }); // again: nothing twice
    const sent = await db.outboxEmail.findMany({
      where: { to: { in: Object.values(customers).map((c) => c.email) }, template: "campaign" },
    });
    expect(sent.map((email) => email.to)).toEqual([customers.agreed.email]);
    expect(sent[0]!.subject).toBe("点検のご案内");
    const token = recipients.find((r) => r.userId === customers.agreed.id)!.token;
    expect(sent[0]!.html).toContain(`/api/campaigns/click/${token}`);
    expect(sent[0]!.html).toContain(`/ja/unsubscribe/${token}`);
    expect((await getCampaign(campaign.id))!.status).toBe("SENT");

    // A click is counted once and leads on; the notice's opening is counted.
    expect(await clickThrough(token)).toMatch(/\/ja\/mypage\/products$/);
    const agreedActor = { id: customers.agreed.id, role: customers.agreed.role, dealerId: null };
    const [notice] = (await listMyNotices(agreedActor)).filter((n) => n.campaignId === campaign.id);
    const unread = await unreadNoticeCount(agreedActor);
    await openNotice(agreedActor, notice!.id);
    expect(await unreadNoticeCount(agreedActor)).toBe(unread - 1);
    // Another customer cannot open it.
    expect(await openNotice({ id: customers.emailOff.id, role: "CUSTOMER", dealerId: null }, notice!.id)).toBeNull();

    // The unsubscribe link withdraws the consent in one step.
    expect(await consentAllows(customers.agreed.id, purpose)).toBe(true);
    await unsubscribe(token);
    expect(await consentAllows(customers.agreed.id, purpose)).toBe(false);
    const after = await db.campaignRecipient.findUniqueOrThrow({ where: { token } });
    expect(after.clickedAt).not.toBeNull();
    expect(after.unsubscribedAt).not.toBeNull();
  });

  it("checks again when each email goes: a withdrawal after the send started stops that email", async () => {
    const { admin, purpose, campaign, customers } = await world();
    await scheduleCampaign(admin.id, { campaignId: campaign.id, when: "now", at: "" });
    await runCampaign(campaign.id);
    await setConsent(customers.agreed.id, purpose, false);
    await sendCampaignEmails({ campaignId: campaign.id, userIds: [customers.agreed.id] });
    expect(await db.outboxEmail.count({ where: { to: customers.agreed.email, template: "campaign" } })).toBe(0);
    expect(
      (await db.campaignRecipient.findFirstOrThrow({ where: { campaignId: campaign.id, userId: customers.agreed.id } })).emailSkipped,
    ).toBe("withdrawn");
  });

  it("sends nothing for a campaign stopped before its time", async () => {
    const { admin, campaign, customers } = await world();
    const at = new Date(Date.now() + 3 * 24 * 3600 * 1000)
      .toLocaleString("sv-SE", { timeZone: "Asia/Tokyo" })
      .slice(0, 16)
      .replace(" ", "T");
    await scheduleCampaign(admin.id, { campaignId: campaign.id, when: "later", at });
    await cancelCampaign(admin.id, campaign.id);
    await runCampaign(campaign.id);
    expect(await db.campaignRecipient.count({ where: { campaignId: campaign.id } })).toBe(0);
    await sendCampaignEmails({ campaignId: campaign.id, userIds: [customers.agreed.id] });
    expect(await db.outboxEmail.count({ where: { to: customers.agreed.email } })).toBe(0);
  });
});

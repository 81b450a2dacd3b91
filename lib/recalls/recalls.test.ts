import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { own, testCustomer, testModelWithUnits, testStaff } = await import("@/scripts/test/product-factories");
const {
  createRecallCampaign,
  deleteRecallDraft,
  getRecallCampaign,
  listRecallCampaigns,
  markRecallCompleted,
  publishRecallCampaign,
  updateRecallDraft,
} = await import("./campaigns");
const { acknowledgeOwnRecallNotice, getOwnRecallNotice, listOwnRecallNotices } = await import("./notices");
const { acceptTransfer, startTransfer } = await import("@/lib/products/transfers");
const { registerProduct } = await import("@/lib/products/registration");
const { settleJobs } = await import("@/scripts/test/jobs");
const { stopJobWorkers } = await import("@/lib/jobs/worker");

afterAll(() => stopJobWorkers());

async function jobCount(queue: string, where: { campaignId?: string; noticesOf?: string }): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job
    WHERE name = ${queue}
      AND (${where.campaignId ?? null}::text IS NULL OR data->>'campaignId' = ${where.campaignId ?? null})
      AND (${where.noticesOf ?? null}::text IS NULL OR data->>'noticeId' IN (SELECT id FROM "RecallNotice" WHERE "campaignId" = ${where.noticesOf ?? null}))`;
  return row!.n;
}

beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` } }));

const text = { titleJa: "点検のお願い", titleEn: "Inspection", messageJa: "無償で点検します。", messageEn: "Free inspection." };

describe("recall campaigns", () => {
  it("a draft can be edited and deleted; once published the server refuses both and nothing changes", async () => {
    const staff = await testStaff("ADMIN");
    const { model, units } = await testModelWithUnits(3);
    const code = `RC-${crypto.randomUUID().slice(0, 8)}`;
    const { id } = await createRecallCampaign(staff.id, {
      code,
      modelCode: model.code,
      serialFrom: "",
      serialTo: "",
      lots: "LOT-1",
      ...text,
    });
    await updateRecallDraft(staff.id, id, {
      code,
      modelCode: model.code,
      serialFrom: units[0]!.serial,
      serialTo: units[1]!.serial,
      lots: "",
      ...text,
      titleEn: "Inspection (corrected)",
    });
    expect(await getRecallCampaign(id)).toMatchObject({
      serialFrom: units[0]!.serial,
      serialTo: units[1]!.serial,
      lots: [],
      title: { en: "Inspection (corrected)" },
      affectedUnits: 2,
    });
    // The same checks as creating: a bound that is not a serial of the model is refused by field.
    await expect(
      updateRecallDraft(staff.id, id, { code, modelCode: model.code, serialFrom: "ZZZ", serialTo: "", lots: "", ...text }),
    ).rejects.toMatchObject({ cause: { serialFrom: "recalls.boundNotOfModel" } });

    const other = await createRecallCampaign(staff.id, {
      code: `${code}-X`,
      modelCode: model.code,
      serialFrom: "",
      serialTo: "",
      lots: "L",
      ...text,
    });
    await deleteRecallDraft(staff.id, other.id);
    expect(await db.recallCampaign.findUnique({ where: { id: other.id } })).toBeNull();
    await expect(deleteRecallDraft(staff.id, other.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await publishRecallCampaign(staff.id, id);
    await expect(
      updateRecallDraft(staff.id, id, { code, modelCode: model.code, serialFrom: "", serialTo: "", lots: "LOT-2", ...text }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "recallsAdmin.publishedLocked",
    });
    await expect(deleteRecallDraft(staff.id, id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await getRecallCampaign(id)).toMatchObject({
      status: "PUBLISHED",
      serialFrom: units[0]!.serial,
      lots: [],
      title: { en: "Inspection (corrected)" },
    });
  });

  it("publishing refuses a draft another admin changed after it was read, and publishes the version read", async () => {
    const staff = await testStaff("ADMIN");
    const { model } = await testModelWithUnits(1);
    const code = `RC-${crypto.randomUUID().slice(0, 8)}`;
    const { id } = await createRecallCampaign(staff.id, {
      code,
      modelCode: model.code,
      serialFrom: "",
      serialTo: "",
      lots: "LOT-1",
      ...text,
    });
    const read = (await getRecallCampaign(id))!.version;
    await updateRecallDraft(staff.id, id, { code, modelCode: model.code, serialFrom: "", serialTo: "", lots: "LOT-1 LOT-2", ...text });

    await expect(publishRecallCampaign(staff.id, id, read)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "recallsAdmin.changedSinceLoaded",
    });
    expect(await getRecallCampaign(id)).toMatchObject({ status: "DRAFT" });

    const reread = (await getRecallCampaign(id))!.version;
    expect(reread).not.toBe(read);
    await publishRecallCampaign(staff.id, id, reread);
    expect(await getRecallCampaign(id)).toMatchObject({ status: "PUBLISHED", lots: ["LOT-1", "LOT-2"] });
  });

  it("reach the current owners of units in the serial range or the lots, by email and on My Page, whatever their marketing consent", async () => {
    const staff = await testStaff("ADMIN");
    const { model, units } = await testModelWithUnits(6);
    await db.serialUnit.update({ where: { id: units[5]!.id }, data: { lot: "LOT-9" } });
    const owners = await Promise.all(units.map(() => testCustomer()));
    await Promise.all(units.map((unit, i) => own(owners[i]!.id, unit.id)));
    // Owner 0 said no to marketing: a safety notice still reaches them.
    await db.consent.create({
      data: {
        userId: owners[0]!.id,
        purpose: "marketing_email",
        policyVersion: "1",
        textHash: "x",
        channel: "test",
        withdrawnAt: new Date(),
      },
    });

    const { id } = await createRecallCampaign(staff.id, {
      code: `RC-${crypto.randomUUID().slice(0, 8)}`,
      modelCode: model.code,
      serialFrom: units[0]!.serial,
      serialTo: units[2]!.serial,
      lots: "LOT-9",
      ...text,
    });
    const [draft] = await listRecallCampaigns(id);
    expect(draft).toMatchObject({ status: "DRAFT", affectedUnits: 4, registeredUnits: 4, notices: 0, readRate: null });

    expect(await publishRecallCampaign(staff.id, id)).toEqual({ notified: 4 });
    // The request made the notices and queued the fan-out job, which queues one email job per owner.
    expect(await jobCount("recall.notify-owners", { campaignId: id })).toBe(1);
    await settleJobs();
    expect(await jobCount("recall.notice-email", { noticesOf: id })).toBe(4);
    expect(await publishRecallCampaign(staff.id, id)).toEqual({ notified: 0 }); // nobody twice
    await settleJobs();
    expect(await jobCount("recall.notice-email", { noticesOf: id })).toBe(4);
    for (const i of [0, 1, 2, 5]) {
      expect(await listOwnRecallNotices(owners[i]!)).toHaveLength(1);
      expect(await db.outboxEmail.count({ where: { to: owners[i]!.email, template: "recallNotice" } })).toBe(1);
    }
    for (const i of [3, 4]) expect(await listOwnRecallNotices(owners[i]!)).toHaveLength(0);

    const [notice] = await listOwnRecallNotices(owners[1]!);
    await acknowledgeOwnRecallNotice(owners[1]!, notice!.id);
    await acknowledgeOwnRecallNotice(owners[1]!, notice!.id);
    // Read notices leave the My Page banner; the others stay on it.
    expect(await listOwnRecallNotices(owners[1]!, { open: true })).toEqual([]);
    expect(await listOwnRecallNotices(owners[0]!, { open: true })).toHaveLength(1);
    // Read but not fixed: still flagged on the product card and My Page, with the way to the product.
    const [unresolved] = await listOwnRecallNotices(owners[1]!, { unresolved: true });
    const ownership = await db.ownership.findFirstOrThrow({ where: { userId: owners[1]!.id, endedAt: null } });
    expect(unresolved).toMatchObject({
      id: notice!.id,
      unitId: units[1]!.id,
      ownershipId: ownership.id,
      code: expect.stringMatching(/^RC-/),
    });
    await markRecallCompleted(id, units[2]!.serial.toLowerCase());
    expect(await listOwnRecallNotices(owners[2]!, { unresolved: true })).toEqual([]);
    await expect(markRecallCompleted(id, units[3]!.serial)).rejects.toMatchObject({ code: "VALIDATION" });
    const [published] = await listRecallCampaigns(id);
    expect(published).toMatchObject({ status: "PUBLISHED", notices: 4, acknowledged: 1, completed: 1, readRate: 0.25, fixedRate: 0.25 });
  });

  it("the notice follows the unit: a later registration or a transfer before the fix notifies the new owner", async () => {
    const staff = await testStaff("ADMIN");
    const { model, units } = await testModelWithUnits(2);
    const first = await testCustomer();
    await own(first.id, units[0]!.id);
    const { id } = await createRecallCampaign(staff.id, {
      code: `RC-${crypto.randomUUID().slice(0, 8)}`,
      modelCode: model.code,
      serialFrom: units[0]!.serial,
      serialTo: units[1]!.serial,
      lots: "",
      ...text,
    });
    await publishRecallCampaign(staff.id, id);
    await settleJobs();

    // Registered after publication (an English-speaking owner: the email is in English).
    const late = await testCustomer("en");
    await registerProduct(
      late.id,
      { serial: units[1]!.serial, purchasedOn: "2026-03-01", dealerId: null, otherShopName: null, proofFileId: null },
      "2026-11-21",
    );
    expect(await listOwnRecallNotices(late)).toHaveLength(1);

    // Handed on before the fix: the buyer gets it, the seller no longer has it.
    const ownership = await db.ownership.findFirstOrThrow({ where: { userId: first.id, endedAt: null } });
    const buyer = await testCustomer();
    const { code } = await startTransfer(first.id, ownership.id);
    await acceptTransfer(buyer.id, code);
    expect(await listOwnRecallNotices(buyer)).toHaveLength(1);
    expect(await listOwnRecallNotices(first)).toHaveLength(0);
    await settleJobs();
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: late.email, template: "recallNotice" } });
    expect(mail.subject).toBe("Important safety notice: Inspection");
    expect(await db.outboxEmail.count({ where: { to: buyer.email, template: "recallNotice" } })).toBe(1);
  });

  it("[8.2.2] another customer's notice is not found and cannot be acknowledged", async () => {
    const staff = await testStaff("ADMIN");
    const { model, units } = await testModelWithUnits(1);
    const owner = await testCustomer();
    await own(owner.id, units[0]!.id);
    const { id } = await createRecallCampaign(staff.id, {
      code: `RC-${crypto.randomUUID().slice(0, 8)}`,
      modelCode: model.code,
      serialFrom: units[0]!.serial,
      serialTo: "",
      lots: "",
      ...text,
    });
    await publishRecallCampaign(staff.id, id);
    const [notice] = await listOwnRecallNotices(owner);
    const stranger = await testCustomer();
    expect(await getOwnRecallNotice(stranger, notice!.id)).toBeNull();
    await expect(acknowledgeOwnRecallNotice(stranger, notice!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getOwnRecallNotice(owner, notice!.id))!.acknowledgedAt).toBeNull();
  });

  it("refuses a reversed range and an unknown model, naming the field", async () => {
    const staff = await testStaff("ADMIN");
    const { model, units } = await testModelWithUnits(2);
    await expect(
      createRecallCampaign(staff.id, {
        code: "RC-X1",
        modelCode: model.code,
        serialFrom: units[1]!.serial,
        serialTo: units[0]!.serial,
        lots: "",
        ...text,
      }),
    ).rejects.toMatchObject({ cause: { serialTo: "recalls.rangeReversed" } });
    // Range ends must be serials of the model, so text order is serial order.
    await expect(
      createRecallCampaign(staff.id, {
        code: "RC-X3",
        modelCode: model.code,
        serialFrom: "B",
        serialTo: `${units[1]!.serial}0`,
        lots: "",
        ...text,
      }),
    ).rejects.toMatchObject({ cause: { serialFrom: "recalls.boundNotOfModel", serialTo: "recalls.boundNotOfModel" } });
    await expect(
      createRecallCampaign(staff.id, { code: "RC-X2", modelCode: "NO-SUCH", serialFrom: "A", serialTo: "", lots: "", ...text }),
    ).rejects.toMatchObject({ cause: { modelCode: "recalls.modelUnknown" } });
  });
});

import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { unzip } from "@/scripts/test/unzip";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { customerWithProduct, repairRequestInput } = await import("@/scripts/test/repair-factories");
const { testCustomer, testStaff } = await import("@/scripts/test/product-factories");
const { createRepairRequest } = await import("@/lib/repairs/requests");
const { consentAllows, consentHistory, policyQuestions, answerPolicyQuestions, setConsent } = await import("@/lib/consents/current");
const { testPurpose } = await import("@/scripts/test/consent-factories");
const { setEmailChoice } = await import("@/lib/notifications/choices");
const { sendEmail } = await import("@/lib/email/send");
const { localStore } = await import("@/lib/files/local-store");
const { requestDataExport, runDataExport, deliverDataExport } = await import("./export");
const { requestErasure, runErasure, erasedEmail } = await import("./erasure");
const { viewsOfMyData } = await import("./access-log");
const { listProductsOf } = await import("@/lib/products/my-products");
const { customersSharingWith, dealerShareChoices, setDealerShare } = await import("@/lib/consents/dealer-share");
const { recordAudit } = await import("@/lib/audit/log");
const { stopJobWorkers } = await import("@/lib/jobs/worker");

afterAll(() => stopJobWorkers());
beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` } }));

async function outbox(to: string) {
  return db.outboxEmail.findMany({ where: { to }, select: { template: true } });
}

async function storedPhoto(ownerId: string) {
  const key = `2026/12/${randomUUID()}.webp`;
  const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#c33" } })
    .webp()
    .toBuffer();
  await localStore.put(key, bytes);
  const file = await db.storedFile.create({
    data: {
      ownerId,
      storage: "LOCAL",
      key,
      contentType: "image/webp",
      byteSize: bytes.length,
      width: 8,
      height: 8,
      purpose: "repair_photo",
    },
  });
  return { file, bytes };
}

describe("[GDPR 7(1)] consents", () => {
  it("records purpose, version, text hash, channel and time; withdrawing is one step like giving; repeats change nothing", async () => {
    const customer = await testCustomer();
    const { id } = await testPurpose();
    expect(await setConsent(customer.id, id, true)).toBe(true);
    expect(await setConsent(customer.id, id, true)).toBe(false);
    expect(await consentAllows(customer.id, id)).toBe(true);
    const [given] = await consentHistory(customer.id).then((rows) => rows.filter((row) => row.purpose === id));
    expect(given).toMatchObject({ purpose: id, policyVersion: "1", channel: "web_settings", withdrawnAt: null });
    expect(given!.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(given!.grantedAt).toBeInstanceOf(Date);

    expect(await setConsent(customer.id, id, false)).toBe(true);
    expect(await setConsent(customer.id, id, false)).toBe(false);
    expect(await consentAllows(customer.id, id)).toBe(false);
    const records = await db.consent.findMany({ where: { userId: customer.id, purpose: id } });
    expect(records).toHaveLength(1);
    expect(records[0]!.withdrawnAt).toBeInstanceOf(Date);
  });

  it("the terms cannot be withdrawn on the privacy page, and unknown purposes are not found", async () => {
    const customer = await testCustomer();
    await expect(setConsent(customer.id, "terms", false)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setConsent(customer.id, "no_such_purpose", true)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a new version that needs re-acceptance stops the old consent counting until the customer answers", async () => {
    const customer = await testCustomer();
    const other = await testCustomer();
    const { id, publish } = await testPurpose();
    await setConsent(customer.id, id, true);
    await publish("2");
    // A new version without re-acceptance: the consent to version 1 still counts.
    expect(await consentAllows(customer.id, id)).toBe(true);
    expect((await policyQuestions(customer.id)).optional).toEqual([]);

    await publish("3", true);
    expect(await consentAllows(customer.id, id)).toBe(false);
    const { optional } = await policyQuestions(customer.id);
    expect(optional.map((question) => [question.purpose.id, question.current.version, question.previousVersion])).toEqual([[id, "3", "1"]]);
    // Someone who never agreed is not asked about an optional purpose.
    expect((await policyQuestions(other.id)).optional).toEqual([]);

    await answerPolicyQuestions(customer.id, { [id]: true });
    expect(await consentAllows(customer.id, id)).toBe(true);
    expect((await policyQuestions(customer.id)).optional).toEqual([]);
    const versions = await db.consent.findMany({ where: { userId: customer.id, purpose: id }, orderBy: { grantedAt: "asc" } });
    expect(versions.map((record) => [record.policyVersion, record.withdrawnAt === null, record.channel])).toEqual([
      ["1", false, "web_settings"],
      ["3", true, "web_prompt"],
    ]);
  });

  it("a published version cannot be published again under the same number", async () => {
    const { publish } = await testPurpose();
    await expect(publish("1")).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("dealer sharing under the current texts", () => {
  it("a consent to a version that no longer counts does not unmask the customer, and giving again renews it", async () => {
    const { customer, unit } = await customerWithProduct();
    const dealer = await db.dealer.create({ data: { code: `D-${randomUUID().slice(0, 8)}`, name: "版の販売店" } });
    await db.ownership.updateMany({ where: { userId: customer.id, unitId: unit.id }, data: { dealerId: dealer.id } });
    // As if given to a version that a later one replaced with re-acceptance (an unknown version never counts).
    await db.consent.create({
      data: {
        userId: customer.id,
        purpose: "dealer_share",
        dealerId: dealer.id,
        policyVersion: "2000-01-01",
        textHash: "x",
        channel: "web_settings",
      },
    });
    expect(await customersSharingWith(dealer.id, [customer.id])).toEqual(new Set());
    expect(await dealerShareChoices(customer.id)).toMatchObject([{ dealerId: dealer.id, grantedAt: null, needsRenewal: true }]);
    await setDealerShare(customer.id, dealer.id, true);
    expect(await customersSharingWith(dealer.id, [customer.id])).toEqual(new Set([customer.id]));
    expect(await db.consent.count({ where: { userId: customer.id, dealerId: dealer.id, withdrawnAt: null } })).toBe(1);
  });
});

describe("notification choices", () => {
  it("every email of a kind obeys the choice wherever it is sent from; recall notices always go", async () => {
    const customer = await testCustomer();
    const template = { name: "repairUpdate", number: "R-1", status: "SHIPPED", url: "https://example.test/" } as const;
    await sendEmail({ to: customer.email, locale: "ja", template });
    await setEmailChoice(customer.id, "repair_update", false);
    await sendEmail({ to: customer.email, locale: "ja", template });
    await expect(setEmailChoice(customer.id, "recall_notice", false)).rejects.toMatchObject({ code: "VALIDATION" });
    await sendEmail({ to: customer.email, locale: "ja", template: { name: "recallNotice", title: "t", url: "https://example.test/" } });
    // Account emails have no kind and are always sent.
    await sendEmail({ to: customer.email, locale: "ja", template: { name: "passwordChanged" } });
    expect((await outbox(customer.email)).map((email) => email.template)).toEqual(["repairUpdate", "recallNotice", "passwordChanged"]);
  });
});

describe("[GDPR 20] download all my data", () => {
  it("makes one zip per request with the customer's records as JSON and their photos, for them alone", async () => {
    const { customer, ownership, symptom, unit } = await customerWithProduct();
    const { file, bytes } = await storedPhoto(customer.id);
    await createRepairRequest(customer, repairRequestInput(ownership.id, symptom.id, { photoFileIds: [file.id] }));
    const first = await requestDataExport(customer.id);
    // A double click or a retry finds the export already asked for.
    expect(await requestDataExport(customer.id)).toEqual({ id: first.id, created: false });

    await runDataExport({ exportId: first.id });
    await runDataExport({ exportId: first.id });
    const row = await db.dataExport.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ status: "READY", progress: 100 });
    expect(row.expiresAt!.getTime() - row.finishedAt!.getTime()).toBe(7 * 86_400_000);

    const delivery = await deliverDataExport(customer.id, first.id);
    expect(delivery?.kind).toBe("bytes");
    const files = await unzip(delivery?.kind === "bytes" ? delivery.data : Buffer.alloc(0));
    const json = JSON.parse(files.get("my-data.json")!.toString("utf8"));
    expect(json.profile.email).toBe(customer.email);
    expect(json.products.map((product: { serial: string }) => product.serial)).toEqual([unit.serial]);
    expect(json.repairs).toHaveLength(1);
    expect(json.repairs[0].photos).toEqual([`photos/${file.id}.webp`]);
    expect(json.consents.map((consent: { purpose: string }) => consent.purpose)).toEqual(expect.arrayContaining([]));
    expect(JSON.stringify(json)).not.toMatch(/passwordHash|totpSecret/);
    expect(files.get(`photos/${file.id}.webp`)?.equals(bytes)).toBe(true);

    // [8.2.2] Another customer's export is not found.
    const stranger = await testCustomer();
    await expect(deliverDataExport(stranger.id, first.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // After its 7 days it is gone for its owner too.
    await expect(deliverDataExport(customer.id, first.id, new Date(Date.now() + 8 * 86_400_000))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("who saw my data", () => {
  it("lists staff and dealer views of the customer (by role and shop), not their own", async () => {
    const customer = await testCustomer();
    const agent = await testStaff("SUPPORT_AGENT");
    const dealer = await db.dealer.create({ data: { code: `D-${randomUUID().slice(0, 8)}`, name: "見た販売店" } });
    const dealerStaff = await db.user.create({
      data: { email: `d-${randomUUID()}@test.example`, role: "DEALER_STAFF", dealerId: dealer.id },
    });
    await recordAudit({
      action: "personal_data.viewed",
      outcome: "SUCCESS",
      actorId: agent.id,
      targetType: "RepairTicket",
      subjectIds: [customer.id],
    });
    await recordAudit({
      action: "personal_data.viewed",
      outcome: "SUCCESS",
      actorId: dealerStaff.id,
      targetType: "Customer",
      subjectIds: [customer.id],
      details: { reason: "consent", dealerId: dealer.id },
    });
    await recordAudit({ action: "personal_data.viewed", outcome: "SUCCESS", actorId: customer.id, subjectIds: [customer.id] });
    const views = await viewsOfMyData(customer.id);
    expect(views.map((view) => [view.dealer, view.role, view.reason, view.targetType])).toEqual([
      ["見た販売店", "DEALER_STAFF", "consent", "Customer"],
      [null, "SUPPORT_AGENT", null, "RepairTicket"],
    ]);
    expect(JSON.stringify(views)).not.toContain(agent.email);
  });
});

describe("[GDPR 17] deleting an account", () => {
  it("pseudonymises the person, ends sessions and sign-in, keeps held records stripped of personal data, and says why", async () => {
    const { customer, ownership, symptom } = await customerWithProduct();
    await db.user.update({ where: { id: customer.id }, data: { name: "消去 太郎", phone: "09012345678", postalCode: "1000001" } });
    const { file } = await storedPhoto(customer.id);
    const ticket = await createRepairRequest(
      customer,
      repairRequestInput(ownership.id, symptom.id, { photoFileIds: [file.id], description: "自宅の住所は東京都千代田区です" }),
    );
    await db.session.create({ data: { sessionToken: randomUUID(), userId: customer.id, expires: new Date(Date.now() + 86_400_000) } });
    await db.passkey.create({
      data: {
        userId: customer.id,
        credentialId: randomUUID(),
        publicKey: Buffer.from("k"),
        counter: 0,
        transports: [],
        name: "phone",
        deviceType: "multiDevice",
      },
    });

    await setConsent(customer.id, "marketing_email", true);
    const dealer = await db.dealer.create({ data: { code: `D-${randomUUID().slice(0, 8)}`, name: "消去の販売店" } });
    const importer = await db.user.create({ data: { email: `d-${randomUUID()}@test.example`, role: "DEALER_STAFF", dealerId: dealer.id } });
    const saleImport = await db.dealerSaleImport.create({
      data: { dealerId: dealer.id, importedById: importer.id, fileName: "x.csv", rowCount: 1, idempotencyKey: randomUUID() },
    });
    const sale = await db.dealerSale.create({
      data: {
        dealerId: dealer.id,
        unitId: ownership.unitId,
        soldOn: new Date("2026-11-01"),
        customerEmail: customer.email,
        importId: saleImport.id,
      },
    });

    const conversation = await db.conversation.create({ data: { customerId: customer.id, subject: "電話番号の件", lastSeq: 2 } });
    const agent = await testStaff("SUPPORT_AGENT");
    await db.chatMessage.createMany({
      data: [
        {
          conversationId: conversation.id,
          seq: 1,
          senderId: customer.id,
          side: "CUSTOMER",
          body: "電話は09012345678です",
          idempotencyKey: randomUUID(),
        },
        {
          conversationId: conversation.id,
          seq: 2,
          senderId: agent.id,
          side: "STAFF",
          body: "消去 太郎 様、承知しました",
          idempotencyKey: randomUUID(),
        },
      ],
    });

    await requestErasure(customer.id);
    await requestErasure(customer.id);
    expect(await db.session.count({ where: { userId: customer.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.id } })).disabledAt).toBeInstanceOf(Date);

    await runErasure({ userId: customer.id });
    await runErasure({ userId: customer.id });
    const erased = await db.user.findUniqueOrThrow({ where: { id: customer.id } });
    expect(erased).toMatchObject({ email: erasedEmail(customer.id), name: null, phone: null, postalCode: null, passwordHash: null });
    expect(erased.erasedAt).toBeInstanceOf(Date);
    expect(await db.passkey.count({ where: { userId: customer.id } })).toBe(0);
    expect(await localStore.get(file.key)).toBeNull();
    // Nothing the customer agreed to allows anything any more; the unit is free for its next owner;
    // the dealer's sales list no longer holds the address.
    expect(await consentAllows(customer.id, "marketing_email")).toBe(false);
    expect(await db.consent.count({ where: { userId: customer.id } })).toBeGreaterThan(0);
    expect(await db.ownership.findUniqueOrThrow({ where: { id: ownership.id } })).toMatchObject({ endReason: "ACCOUNT_ERASED" });
    // Both sides of the chat are blanked (a message keeps a body or a photo, so text-only ones get a dash).
    expect((await db.chatMessage.findMany({ where: { conversationId: conversation.id } })).map((message) => message.body)).toEqual([
      "—",
      "—",
    ]);
    // Staff beside the kept repair record still see the product and its warranty.
    const desk = { id: agent.id, role: agent.role, dealerId: null };
    expect((await listProductsOf(desk, customer.id)).map((product) => product.ownershipId)).toEqual([ownership.id]);
    expect((await db.dealerSale.findUniqueOrThrow({ where: { id: sale.id } })).customerEmail).toBeNull();

    // The repair record stays, for staff, without what identified the customer or what they wrote.
    const kept = await db.repairTicket.findUniqueOrThrow({ where: { id: ticket.id }, include: { customer: true } });
    expect(kept).toMatchObject({ description: "", contactPhone: null, pickupLine1: null });
    expect(kept.customer.email).toBe(erasedEmail(customer.id));
    const erasure = await db.accountErasure.findUniqueOrThrow({ where: { userId: customer.id } });
    expect((erasure.holds as { kind: string }[]).map((hold) => hold.kind)).toEqual(
      expect.arrayContaining(["repair_records", "warranty_records"]),
    );
    expect(erasure.sealedNotice).toBeNull();
    const audit = await db.auditEvent.findMany({
      where: { targetId: customer.id, action: { in: ["account.erasure_requested", "account.erased"] } },
    });
    expect(audit.map((event) => event.action).sort()).toEqual(["account.erased", "account.erasure_requested"]);
  });

  it("staff accounts are not erased by their holder", async () => {
    const agent = await testStaff("SUPPORT_AGENT");
    await expect(requestErasure(agent.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

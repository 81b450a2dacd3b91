import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { own, testCustomer, testModelWithUnits, testStaff } = await import("@/scripts/test/product-factories");
const { customerWithProduct, repairRequestInput } = await import("@/scripts/test/repair-factories");
const { createRepairRequest, getOwnTicket } = await import("@/lib/repairs/requests");
const { lookupSerial, registerProduct } = await import("@/lib/products/registration");
const { getOwnProduct } = await import("@/lib/products/my-products");
const { storedFileWhereFor } = await import("@/lib/auth/scopes");
const { dealerShareChoices, setDealerShare } = await import("@/lib/consents/dealer-share");
const { importSales, listSales } = await import("./sales");
const { sendRegistrationInvitation } = await import("./invitations");
const { dealerCustomer, dealerCustomerExportRows, listDealerCustomers } = await import("./customers");
const { dealerTicket, dealerRepairQueue, recordDealerStep } = await import("./repairs");
const { dealerRecall, dealerRecalls, ownDealerMessages, sendRecallMessage } = await import("./recalls");
const { inviteDealerStaff, setDealerStaffDisabled } = await import("./staff");
const { reviewFlaggedSale, setDealerActive } = await import("./admin");
const { findLiveSession } = await import("@/lib/auth/sessions");
const { hashToken } = await import("@/lib/auth/token-hash");
const { stopJobWorkers } = await import("@/lib/jobs/worker");

afterAll(() => stopJobWorkers());
beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` } }));

type Actor = import("@/lib/auth/permissions").Actor;

async function dealerWithStaff(role: "DEALER_STAFF" | "DEALER_ADMIN" = "DEALER_STAFF") {
  const dealer = await db.dealer.create({ data: { code: `D-${randomUUID().slice(0, 8)}`, name: `販売店 ${randomUUID().slice(0, 4)}` } });
  const user = await db.user.create({ data: { email: `d-${randomUUID()}@test.example`, role, dealerId: dealer.id } });
  const actor: Actor = { id: user.id, role, dealerId: dealer.id };
  return { dealer, actor };
}

const csv = (rows: string[]) => ["serial,sold_on,customer_email", ...rows].join("\n");
const importOf = (actor: Actor, rows: string[]) =>
  importSales(actor, { fileName: "sales.csv", csv: csv(rows), idempotencyKey: randomUUID() }, "2026-12-01");

async function personalDataViews(actorId: string, subjectId: string) {
  return db.auditEvent.findMany({
    where: { actorId, action: "personal_data.viewed", subjectIds: { has: subjectId } },
    select: { details: true, targetType: true },
  });
}

describe("[8.4.1] sales import", () => {
  it("imports nothing while any row has a problem, and names every problem of every row", async () => {
    const { actor } = await dealerWithStaff();
    const { units } = await testModelWithUnits(2);
    const result = await importOf(actor, [
      `${units[0]!.serial},2026-11-30,taro@example.com`,
      `${units[0]!.serial},2026-11-30,`,
      `NOPE0001,2099-01-01,not-an-email`,
      `${units[1]!.serial},2025-01-01,`,
    ]);
    expect(result).toMatchObject({ status: "rejected", errorCount: 5 });
    expect(result.status === "rejected" && result.errors.map((error) => [error.line, error.problem])).toEqual([
      [3, "duplicateInFile"],
      [4, "futureDate"],
      [4, "badEmail"],
      [4, "notInRegistry"],
      [5, "beforeManufacture"],
    ]);
    expect(await db.dealerSale.count({ where: { dealerId: actor.dealerId! } })).toBe(0);
  });

  it("imports all rows once per key; a serial another dealer sold is flagged on both sides; a second import of ours is refused", async () => {
    const a = await dealerWithStaff();
    const b = await dealerWithStaff();
    const { units } = await testModelWithUnits(3);
    const key = randomUUID();
    const file = {
      fileName: "a.csv",
      csv: csv([`${units[0]!.serial},2026/11/1,`, `${units[1]!.serial},2026-11-02,Buyer@Example.com`]),
      idempotencyKey: key,
    };
    const first = await importSales(a.actor, file, "2026-12-01");
    expect(first).toMatchObject({ status: "imported", rows: 2, flagged: 0 });
    // A retry after a timeout (same key) changes nothing and answers the same.
    expect(await importSales(a.actor, file, "2026-12-01")).toEqual(first);
    expect(await db.dealerSale.count({ where: { dealerId: a.dealer.id } })).toBe(2);
    expect(await db.dealerSale.findFirst({ where: { unitId: units[1]!.id }, select: { customerEmail: true, soldOn: true } })).toEqual({
      customerEmail: "buyer@example.com",
      soldOn: new Date("2026-11-02T00:00:00Z"),
    });

    expect(await importOf(b.actor, [`${units[0]!.serial},2026-11-05,`, `${units[2]!.serial},2026-11-05,`])).toMatchObject({
      status: "imported",
      flagged: 1,
    });
    expect(await db.dealerSale.findMany({ where: { unitId: units[0]!.id }, select: { soldTwice: true } })).toEqual([
      { soldTwice: true },
      { soldTwice: true },
    ]);
    expect(await importOf(a.actor, [`${units[0]!.serial},2026-11-01,`])).toMatchObject({
      status: "rejected",
      errors: [{ line: 2, problem: "alreadyImported" }],
    });

    // Each dealer lists its own sales only, with the buyer's email masked.
    const listed = await listSales(a.actor);
    expect(listed.sales.map((sale) => sale.unit.serial).sort()).toEqual([units[0]!.serial, units[1]!.serial].sort());
    expect(listed.sales.find((sale) => sale.unit.serial === units[1]!.serial)?.customerEmail).toBe("b***@example.com");
  });

  it("an imported sale fills in the buyer's registration: date and shop confirmed, no receipt; the warranty counts from the sale", async () => {
    const { dealer, actor } = await dealerWithStaff();
    const { units } = await testModelWithUnits(2);
    const buyer = await testCustomer();
    const other = await testCustomer();
    await importOf(actor, [`${units[0]!.serial},2026-11-20,${buyer.email}`, `${units[1]!.serial},2026-11-21,`]);
    // Someone else typing the buyer's serial does not see the buyer's sale.
    expect(await lookupSerial(other.id, units[0]!.serial)).toMatchObject({ status: "available", confirmedSale: null });
    expect(await lookupSerial(buyer.id, units[0]!.serial)).toMatchObject({
      status: "available",
      confirmedSale: { dealerId: dealer.id, dealerName: dealer.name, soldOn: "2026-11-20" },
    });
    // Someone who says it was not their purchase registers as usual (here: a second unit, its sale declined).
    const declined = await registerProduct(other.id, {
      serial: units[1]!.serial,
      purchasedOn: null,
      dealerId: null,
      otherShopName: null,
      proofFileId: null,
      declineSale: true,
    });
    expect(
      await db.ownership.findUniqueOrThrow({ where: { id: declined.ownershipId }, select: { dealerSaleId: true, dealerId: true } }),
    ).toEqual({ dealerSaleId: null, dealerId: null });
    // What the form sent for date and shop does not matter: the sale's are kept.
    const { ownershipId } = await registerProduct(buyer.id, {
      serial: units[0]!.serial,
      purchasedOn: null,
      dealerId: null,
      otherShopName: "somewhere",
      proofFileId: null,
    });
    const ownership = await db.ownership.findUniqueOrThrow({ where: { id: ownershipId } });
    expect(ownership).toMatchObject({ dealerId: dealer.id, otherShopName: null, purchasedOn: new Date("2026-11-20T00:00:00Z") });
    expect(ownership.dealerSaleId).not.toBeNull();
    const product = await getOwnProduct({ id: buyer.id, role: "CUSTOMER", dealerId: null }, ownershipId, "2026-12-01");
    expect(product?.warranty.parts[0]).toMatchObject({
      kind: "standard",
      from: "purchase",
      startsOn: "2026-11-20",
      confirmedByDealer: dealer.name,
    });
  });
});

describe("[8.4.1] a sales list cannot reach other shops' customers", () => {
  it("importing a serial registered as bought elsewhere, received from a previous owner, or registered before the sale flags it and reaches nobody", async () => {
    const a = await dealerWithStaff();
    const b = await dealerWithStaff();
    const { units } = await testModelWithUnits(4);
    const owners = [await testCustomer(), await testCustomer(), await testCustomer(), await testCustomer()];
    await db.ownership.create({ data: { userId: owners[0]!.id, unitId: units[0]!.id, dealerId: a.dealer.id } });
    await db.ownership.create({ data: { userId: owners[1]!.id, unitId: units[1]!.id, otherShopName: "家電のお店" } });
    await db.ownership.create({ data: { userId: owners[2]!.id, unitId: units[2]!.id, registeredAt: new Date("2026-10-01T00:00:00Z") } });
    // A registration with no shop given, after the sale: the sales list is what says where it was bought.
    await db.ownership.create({ data: { userId: owners[3]!.id, unitId: units[3]!.id } });
    const result = await importOf(
      b.actor,
      units.map((unit) => `${unit.serial},2026-11-20,`),
    );
    expect(result).toMatchObject({ status: "imported", rows: 4, flagged: 3 });
    expect((await listDealerCustomers(b.actor)).customers.map((row) => row.contact.id)).toEqual([owners[3]!.id]);
    expect(await dealerCustomer(b.actor, owners[0]!.id)).toBeNull();
    // Staff keep a flagged sale after checking it: the dealer reaches that owner.
    const admin = await testStaff("ADMIN");
    const sale = await db.dealerSale.findFirstOrThrow({ where: { dealerId: b.dealer.id, unitId: units[2]!.id } });
    await reviewFlaggedSale({ id: admin.id, role: "ADMIN", dealerId: null }, { saleId: sale.id, decision: "keep" });
    expect(await dealerCustomer(b.actor, owners[2]!.id)).not.toBeNull();
    await expect(reviewFlaggedSale(b.actor, { saleId: sale.id, decision: "remove" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("two dealers importing one serial at once are both flagged", async () => {
    const a = await dealerWithStaff();
    const b = await dealerWithStaff();
    const { units } = await testModelWithUnits(1);
    await Promise.all([importOf(a.actor, [`${units[0]!.serial},2026-11-20,`]), importOf(b.actor, [`${units[0]!.serial},2026-11-21,`])]);
    expect(await db.dealerSale.findMany({ where: { unitId: units[0]!.id }, select: { soldTwice: true } })).toEqual([
      { soldTwice: true },
      { soldTwice: true },
    ]);
  });
});

describe("registration invitations", () => {
  it("go to the buyer's email once a day, only for the dealer's own unregistered sales; the link pre-fills for whoever opens it", async () => {
    const { dealer, actor } = await dealerWithStaff();
    const other = await dealerWithStaff();
    const { units } = await testModelWithUnits(2);
    const buyerEmail = `buyer-${randomUUID()}@test.example`;
    await importOf(actor, [`${units[0]!.serial},2026-11-20,${buyerEmail}`, `${units[1]!.serial},2026-11-20,`]);
    const sales = await db.dealerSale.findMany({ where: { dealerId: dealer.id }, orderBy: { unitId: "asc" }, include: { unit: true } });
    const withEmail = sales.find((sale) => sale.customerEmail)!;
    const without = sales.find((sale) => !sale.customerEmail)!;

    await expect(sendRegistrationInvitation(other.actor, withEmail.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sendRegistrationInvitation(actor, without.id)).rejects.toMatchObject({ code: "VALIDATION" });
    await sendRegistrationInvitation(actor, withEmail.id);
    await expect(sendRegistrationInvitation(actor, withEmail.id)).rejects.toMatchObject({ code: "CONFLICT" });
    const job = await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email.send' AND created_on > now() - interval '1 minute'`;
    expect(job[0]!.n).toBeGreaterThan(0);

    // The buyer signed up with another address: the invitation's token still confirms the sale.
    const token = `tok-${randomUUID()}`;
    await db.dealerInvitation.updateMany({ where: { saleId: withEmail.id }, data: { tokenHash: hashToken(token) } });
    const buyer = await testCustomer();
    expect(await lookupSerial(buyer.id, withEmail.unit.serial)).toMatchObject({ confirmedSale: null });
    expect(await lookupSerial(buyer.id, withEmail.unit.serial, token)).toMatchObject({ confirmedSale: { dealerId: dealer.id } });
    await registerProduct(buyer.id, {
      serial: withEmail.unit.serial,
      purchasedOn: null,
      dealerId: null,
      otherShopName: null,
      proofFileId: null,
      invitation: token,
    });
    expect(await db.dealerInvitation.findFirst({ where: { saleId: withEmail.id }, select: { usedAt: true } })).toEqual({
      usedAt: expect.any(Date),
    });
    await expect(sendRegistrationInvitation(actor, withEmail.id, new Date(Date.now() + 2 * 86_400_000))).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("[8.4.1] a dealer sees only the customers and products of its own sales", () => {
  it("lists, search, detail pages, exports and files alike; everything of another dealer is not found", async () => {
    const a = await dealerWithStaff();
    const b = await dealerWithStaff();
    const { units } = await testModelWithUnits(3);
    const soldByA = await testCustomer();
    const namedA = await testCustomer();
    const ofB = await testCustomer();
    await db.user.update({ where: { id: ofB.id }, data: { name: "別店 花子", phone: "090-1111-2222" } });
    await importOf(a.actor, [`${units[0]!.serial},2026-11-20,`]);
    await own(soldByA.id, units[0]!.id);
    await db.ownership.create({ data: { userId: namedA.id, unitId: units[1]!.id, dealerId: a.dealer.id } });
    await db.ownership.create({ data: { userId: ofB.id, unitId: units[2]!.id, dealerId: b.dealer.id } });

    const listed = await listDealerCustomers(a.actor);
    expect(listed.customers.map((row) => row.contact.id).sort()).toEqual([soldByA.id, namedA.id].sort());
    for (const q of [units[2]!.serial, "別店 花子", "別店花子", "090-1111-2222", "09011112222"]) {
      expect((await listDealerCustomers(a.actor, { q })).customers).toEqual([]);
      expect((await listDealerCustomers(b.actor, { q })).customers.map((row) => row.contact.id)).toEqual([ofB.id]);
    }
    // [8.3.3] Parts of a name or a number find nothing: the mask cannot be undone by searching.
    for (const q of ["別", "別店", "花子", "090-1111", "1111-2222", "2222"])
      expect((await listDealerCustomers(b.actor, { q })).customers, q).toEqual([]);
    expect(await dealerCustomer(a.actor, ofB.id)).toBeNull();
    expect(await dealerCustomer(a.actor, soldByA.id)).toMatchObject({ units: [{ serial: units[0]!.serial }] });
    const exported = [];
    for await (const row of dealerCustomerExportRows(a.actor, "")) exported.push(row.serial);
    expect(exported.sort()).toEqual([units[0]!.serial, units[1]!.serial].sort());

    // Files: a photo on B's drop-off is B's (in a strong session) and nobody else's among dealers.
    const { customer, ownership, symptom } = await customerWithProduct();
    const photo = await db.storedFile.create({
      data: {
        ownerId: customer.id,
        storage: "LOCAL",
        key: `k-${randomUUID()}`,
        contentType: "image/webp",
        byteSize: 1,
        width: 1,
        height: 1,
        purpose: "repair_photo",
      },
    });
    const ticket = await createRepairRequest(
      customer,
      repairRequestInput(ownership.id, symptom.id, { delivery: "DEALER_DROP_OFF", dealerId: b.dealer.id, photoFileIds: [photo.id] }),
    );
    const readable = (actor: Actor) =>
      db.storedFile.count({ where: { AND: [storedFileWhereFor({ ...actor, strong: true }), { id: photo.id }] } });
    expect(await readable(b.actor)).toBe(1);
    expect(await readable(a.actor)).toBe(0);
    expect(await dealerTicket(a.actor, ticket.id)).toBeNull();
    expect((await dealerRepairQueue(a.actor)).tickets).toEqual([]);
    await expect(recordDealerStep(a.actor, { ticketId: ticket.id, step: "RECEIVED_FROM_CUSTOMER" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("[8.3.3] masking", () => {
  it("shows customers masked; with their consent in full and audited; withdrawn, masked again from the next view", async () => {
    const { dealer, actor } = await dealerWithStaff();
    const { units } = await testModelWithUnits(1);
    const customer = await testCustomer();
    await db.user.update({ where: { id: customer.id }, data: { name: "山田 太郎", phone: "090-1234-5678", prefecture: "東京都" } });
    await db.ownership.create({ data: { userId: customer.id, unitId: units[0]!.id, dealerId: dealer.id } });

    const masked = (await dealerCustomer(actor, customer.id))!.contact;
    expect(masked).toMatchObject({ name: "山***", phone: "090-****-5678", prefecture: "東京都", revealed: null });
    expect(masked.email).toBe(`c***@test.example`);
    expect(await personalDataViews(actor.id, customer.id)).toEqual([]);

    await setDealerShare(customer.id, dealer.id, true);
    await setDealerShare(customer.id, dealer.id, true); // a double click keeps one record
    expect(await db.consent.count({ where: { userId: customer.id, purpose: "dealer_share", withdrawnAt: null } })).toBe(1);
    const full = (await dealerCustomer(actor, customer.id))!.contact;
    expect(full).toMatchObject({ name: "山田 太郎", email: customer.email, phone: "090-1234-5678", revealed: "consent" });
    expect(await personalDataViews(actor.id, customer.id)).toEqual([
      { targetType: "User", details: { reason: "consent", dealerId: dealer.id, view: "dealer_customer" } },
    ]);

    await setDealerShare(customer.id, dealer.id, false);
    expect((await dealerCustomer(actor, customer.id))!.contact.revealed).toBeNull();
    // A consent outlives the product that led to it: still listed, still withdrawable.
    await setDealerShare(customer.id, dealer.id, true);
    await db.ownership.updateMany({ where: { userId: customer.id }, data: { endedAt: new Date(), endReason: "UNREGISTERED" } });
    expect(await dealerShareChoices(customer.id)).toMatchObject([{ dealerId: dealer.id, grantedAt: expect.any(Date) }]);
    await setDealerShare(customer.id, dealer.id, false);
    expect(await dealerShareChoices(customer.id)).toEqual([]);
    // A dealer that is not one of the customer's cannot be given the consent.
    const stranger = await dealerWithStaff();
    await expect(setDealerShare(customer.id, stranger.dealer.id, true)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an open drop-off shows its own contact details to its shop while it is there, audited as such, and masked after", async () => {
    const { dealer, actor } = await dealerWithStaff();
    const { customer, ownership, symptom } = await customerWithProduct();
    const ticket = await createRepairRequest(
      customer,
      repairRequestInput(ownership.id, symptom.id, {
        delivery: "DEALER_DROP_OFF",
        dealerId: dealer.id,
        contactPreference: "PHONE",
        phone: "080-2222-3333",
      }),
    );
    const open = await dealerTicket(actor, ticket.id);
    expect(open?.contact).toMatchObject({ email: customer.email, phone: "080-2222-3333", revealed: "open_repair" });
    expect(await personalDataViews(actor.id, customer.id)).toEqual([
      { targetType: "RepairTicket", details: { reason: "open_repair", dealerId: dealer.id, view: "dealer_ticket" } },
    ]);
    // The same customer on the customers list stays masked: the repair unmasks its ticket only.
    expect((await listDealerCustomers(actor)).customers).toEqual([]);
    await db.repairTicket.update({ where: { id: ticket.id }, data: { status: "COMPLETED", closedAt: new Date() } });
    expect((await dealerTicket(actor, ticket.id))?.contact.revealed).toBeNull();
  });
});

describe("drop-off steps", () => {
  it("are recorded in order, once each, and the customer sees them on their timeline; staff notes never reach the dealer", async () => {
    const { dealer, actor } = await dealerWithStaff();
    const { customer, ownership, symptom } = await customerWithProduct();
    const ticket = await createRepairRequest(
      customer,
      repairRequestInput(ownership.id, symptom.id, { delivery: "DEALER_DROP_OFF", dealerId: dealer.id }),
    );
    const staff = await testStaff("SUPPORT_AGENT");
    await db.repairNote.create({ data: { ticketId: ticket.id, authorId: staff.id, body: "社内メモ" } });

    await expect(recordDealerStep(actor, { ticketId: ticket.id, step: "SENT_TO_SERVICE" })).rejects.toMatchObject({ code: "CONFLICT" });
    await Promise.all([
      recordDealerStep(actor, { ticketId: ticket.id, step: "RECEIVED_FROM_CUSTOMER" }),
      recordDealerStep(actor, { ticketId: ticket.id, step: "RECEIVED_FROM_CUSTOMER" }),
    ]);
    for (const step of ["SENT_TO_SERVICE", "BACK_AT_SHOP", "RETURNED_TO_CUSTOMER"] as const)
      await recordDealerStep(actor, { ticketId: ticket.id, step });

    const seen = await getOwnTicket(customer.id, ticket.id);
    expect(seen?.events.map((event) => event.kind).filter((kind) => kind.startsWith("dealer_"))).toEqual([
      "dealer_received",
      "dealer_sent",
      "dealer_back",
      "dealer_returned",
    ]);
    const view = await dealerTicket(actor, ticket.id);
    expect(view).toMatchObject({ dealerStep: "RETURNED_TO_CUSTOMER", next: null });
    expect(JSON.stringify(view)).not.toContain("社内メモ");
  });
});

describe("recall follow-up", () => {
  it("counts the dealer's owners per recall, lists those not done masked, and messages them once per submission", async () => {
    const { dealer, actor } = await dealerWithStaff();
    const other = await dealerWithStaff();
    const admin = await testStaff("ADMIN");
    const { model, units } = await testModelWithUnits(3);
    const owners = [await testCustomer(), await testCustomer(), await testCustomer()];
    await importOf(actor, [`${units[0]!.serial},2026-11-01,`, `${units[1]!.serial},2026-11-01,`]);
    for (const [index, owner] of owners.entries()) await own(owner.id, units[index]!.id);
    const campaign = await db.recallCampaign.create({
      data: {
        code: `RC-${randomUUID().slice(0, 8)}`,
        modelId: model.id,
        titleJa: "点検",
        titleEn: "Check",
        messageJa: "点検します",
        messageEn: "We check",
        status: "PUBLISHED",
        createdById: admin.id,
        publishedAt: new Date(),
      },
    });
    const notices = [];
    for (const [index, owner] of owners.entries()) {
      notices.push(await db.recallNotice.create({ data: { campaignId: campaign.id, unitId: units[index]!.id, userId: owner.id } }));
    }
    await db.recallNotice.update({ where: { id: notices[0]!.id }, data: { acknowledgedAt: new Date(), completedAt: new Date() } });

    expect(await dealerRecalls(actor)).toEqual([expect.objectContaining({ campaignId: campaign.id, notified: 2, read: 1, completed: 1 })]);
    const detail = await dealerRecall(actor, campaign.id);
    expect(detail?.pending.map((row) => row.contact.id)).toEqual([owners[1]!.id]);
    expect(detail?.pending[0]?.contact.email).toMatch(/^c\*\*\*@/);
    expect(await dealerRecall(other.actor, campaign.id)).toBeNull();

    const key = randomUUID();
    const message = { campaignId: campaign.id, noticeIds: "all" as const, body: "店頭で無料点検を承ります。", idempotencyKey: key };
    expect(await sendRecallMessage(actor, message)).toEqual({ sent: 1, skipped: 0 });
    expect(await sendRecallMessage(actor, message)).toEqual({ sent: 0, skipped: 0 });
    expect(await db.dealerMessage.findMany({ where: { dealerId: dealer.id }, select: { emailedAt: true } })).toEqual([
      { emailedAt: expect.any(Date) },
    ]);
    // Another message within the week reaches nobody twice.
    expect(await sendRecallMessage(actor, { ...message, idempotencyKey: randomUUID() })).toEqual({ sent: 0, skipped: 1 });
    await expect(sendRecallMessage(other.actor, { ...message, idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const received = await ownDealerMessages({ id: owners[1]!.id, role: "CUSTOMER", dealerId: null });
    expect(received).toMatchObject([{ body: "店頭で無料点検を承ります。", dealer: { name: dealer.name }, readAt: null }]);
    expect(await ownDealerMessages({ id: owners[2]!.id, role: "CUSTOMER", dealerId: null })).toEqual([]);
    // An owner who unregistered keeps their notice, but the dealer no longer sees or reaches them.
    await db.ownership.updateMany({ where: { userId: owners[1]!.id }, data: { endedAt: new Date(), endReason: "UNREGISTERED" } });
    expect((await dealerRecall(actor, campaign.id))?.pending).toEqual([]);
    await expect(sendRecallMessage(actor, { ...message, idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("dealer accounts", () => {
  it("a dealer admin invites staff to their own shop only, as staff; disables them (sessions end); cannot touch another shop", async () => {
    const { dealer, actor } = await dealerWithStaff("DEALER_ADMIN");
    const other = await dealerWithStaff("DEALER_ADMIN");
    const email = `new-${randomUUID()}@test.example`;
    const { userId } = await inviteDealerStaff(actor, { dealerId: dealer.id, name: "新人", email, role: "DEALER_ADMIN" });
    expect(await db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, dealerId: true, passwordHash: true } })).toEqual({
      role: "DEALER_STAFF",
      dealerId: dealer.id,
      passwordHash: null,
    });
    expect(await db.authToken.count({ where: { userId, purpose: "ACCOUNT_INVITATION", usedAt: null } })).toBe(1);
    await expect(
      inviteDealerStaff(actor, { dealerId: other.dealer.id, name: "x", email: `x-${randomUUID()}@test.example` }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(inviteDealerStaff(actor, { dealerId: dealer.id, name: "x", email })).rejects.toMatchObject({ code: "VALIDATION" });

    const token = `t-${randomUUID()}`;
    await db.session.create({ data: { sessionToken: hashToken(token), userId, expires: new Date(Date.now() + 3_600_000) } });
    await expect(setDealerStaffDisabled(other.actor, { userId, disabled: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setDealerStaffDisabled(actor, { userId: other.actor.id, disabled: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setDealerStaffDisabled(actor, { userId, disabled: true });
    expect(await findLiveSession(token)).toBeNull();
    await setDealerStaffDisabled(actor, { userId, disabled: false });
    // Another dealer admin of the same shop is out of a dealer admin's hands.
    const peer = await db.user.create({ data: { email: `p-${randomUUID()}@test.example`, role: "DEALER_ADMIN", dealerId: dealer.id } });
    await expect(setDealerStaffDisabled(actor, { userId: peer.id, disabled: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // What the portal's staff disabled, the dealer admin cannot enable again.
    const staffAdmin = await testStaff("ADMIN");
    await setDealerStaffDisabled({ id: staffAdmin.id, role: "ADMIN", dealerId: null }, { userId, disabled: true });
    await expect(setDealerStaffDisabled(actor, { userId, disabled: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a deactivated dealer's people lose their sessions at their next request", async () => {
    const { dealer, actor } = await dealerWithStaff();
    const admin = await testStaff("ADMIN");
    const token = `t-${randomUUID()}`;
    await db.session.create({ data: { sessionToken: hashToken(token), userId: actor.id, expires: new Date(Date.now() + 3_600_000) } });
    expect(await findLiveSession(token)).not.toBeNull();
    await setDealerActive({ id: admin.id, role: "ADMIN", dealerId: null }, { dealerId: dealer.id, active: false });
    expect(await findLiveSession(token)).toBeNull();
    await expect(setDealerActive(actor, { dealerId: dealer.id, active: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

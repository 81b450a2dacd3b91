import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";
import type { Role } from "@/lib/generated/prisma/enums";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { testCustomer, testStaff } = await import("@/scripts/test/product-factories");
const { customerWithProduct, repairRequestInput } = await import("@/scripts/test/repair-factories");
const { createRepairRequest, getOwnTicket, listOwnTickets, previewRepair } = await import("./requests");
const { addInformation, cancelOwnRequest, decideEstimate, rateRepair } = await import("./customer-steps");
const { addInternalNote, askCustomer, assignTicket, moveTicket, recordParts, sendEstimate } = await import("./desk");
const { acceptTransfer, startTransfer } = await import("@/lib/products/transfers");
const { startJobWorkers, stopJobWorkers } = await import("@/lib/jobs/worker");
const { waitFor } = await import("@/lib/jobs/wait-for");
const { settleJobs } = await import("@/scripts/test/jobs");
const { loadDesk } = await import("./desk-settings");
const { resumedDueAt } = await import("./sla");

beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` } }));
afterAll(() => stopJobWorkers());

const actor = (user: { id: string; role: Role }) => ({
  id: user.id,
  role: user.role,
  dealerId: null,
});

describe("repair requests", () => {
  it("shows before sending that an in-warranty repair is free, and creates one ticket however often it is sent", async () => {
    const { customer, ownership, symptom } = await customerWithProduct();
    expect((await previewRepair(customer.id, ownership.id))!.coverage).toBe("WARRANTY");
    const input = repairRequestInput(ownership.id, symptom.id);
    const [first, second] = await Promise.all([createRepairRequest(customer, input), createRepairRequest(customer, input)]);
    expect(second).toEqual(first);
    expect(await createRepairRequest(customer, input)).toEqual(first);
    expect(first.number).toMatch(/^R-20\d\d-\d{6}$/);
    expect(await db.repairTicket.count({ where: { customerId: customer.id } })).toBe(1);
    // The next request form for this product points at the open one.
    expect((await previewRepair(customer.id, ownership.id))!.openRequests).toEqual([first]);
  });

  it("gives every ticket its own readable number", async () => {
    const { customer, ownership, symptom } = await customerWithProduct();
    const tickets = await Promise.all([1, 2, 3].map(() => createRepairRequest(customer, repairRequestInput(ownership.id, symptom.id))));
    expect(new Set(tickets.map((ticket) => ticket.number)).size).toBe(3);
  });

  it("is refused for a product the customer does not own, and another customer cannot see or act on the ticket", async () => {
    const { customer, ownership, symptom } = await customerWithProduct();
    const stranger = await testCustomer();
    await expect(createRepairRequest(stranger, repairRequestInput(ownership.id, symptom.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ticket = await createRepairRequest(customer, repairRequestInput(ownership.id, symptom.id));
    expect(await getOwnTicket(stranger.id, ticket.id)).toBeNull();
    await expect(cancelOwnRequest(stranger.id, ticket.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.repairTicket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("RECEIVED");
  });

  it("asks for the address of a pickup only when the profile lacks it, and keeps what was typed in the profile", async () => {
    const { customer, ownership, symptom } = await customerWithProduct();
    const pickup = { delivery: "COURIER_PICKUP" as const, preferredDates: ["2026-12-10"] };
    await expect(createRepairRequest(customer, repairRequestInput(ownership.id, symptom.id, pickup))).rejects.toMatchObject({
      code: "VALIDATION",
      cause: { postalCode: "validation.requiredHere", addressLine1: "validation.requiredHere" },
    });
    const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", addressLine1: "千代田1-1" };
    const ticket = await createRepairRequest(customer, repairRequestInput(ownership.id, symptom.id, { ...pickup, ...address }));
    expect(await db.user.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject(address);
    expect(await db.repairTicket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ pickupCity: "千代田区" });
  });

  it("runs the whole paid repair: ask, answer, estimate, approve, repair, ship back, complete, rate; the customer never sees the note", async () => {
    await startJobWorkers();
    const { customer, ownership, symptom } = await customerWithProduct({ expired: true });
    const agent = actor(await testStaff("SUPPORT_AGENT"));
    const ticket = await createRepairRequest(customer, repairRequestInput(ownership.id, symptom.id));
    expect((await db.repairTicket.findUniqueOrThrow({ where: { id: ticket.id } })).coverage).toBe("PAID");

    await assignTicket(agent, { ticketId: ticket.id, assigneeId: agent.id });
    await addInternalNote(agent, { ticketId: ticket.id, body: "内部メモ: 基板の不良の可能性" });
    await expect(moveTicket(agent, { ticketId: ticket.id, from: "RECEIVED", to: "COMPLETED" })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "repairs.moveRefused.notAllowed",
    });
    await askCustomer(agent, { ticketId: ticket.id, message: "本体ラベルの写真を送ってください。" });
    const waiting = await db.repairTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(waiting).toMatchObject({ status: "WAITING_FOR_CUSTOMER", resumeStatus: "RECEIVED" });
    expect(waiting.pausedAt).not.toBeNull();
    expect(waiting.firstRespondedAt).not.toBeNull();

    await addInformation(customer.id, { ticketId: ticket.id, message: "ラベルはこちらです。", photoFileIds: [] });
    expect(await db.repairTicket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: "RECEIVED", pausedAt: null });

    await moveTicket(agent, { ticketId: ticket.id, from: "RECEIVED", to: "DIAGNOSING" });
    await expect(moveTicket(agent, { ticketId: ticket.id, from: "DIAGNOSING", to: "REPAIRING" })).rejects.toMatchObject({
      messageKey: "repairs.moveRefused.needsEstimate",
    });
    await sendEstimate(agent, {
      ticketId: ticket.id,
      lines: [{ description: "基板交換", quantity: 1, unitPriceYen: 12_000 }],
      taxRate: 10,
      note: "",
    });
    const estimate = await db.repairEstimate.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(estimate).toMatchObject({ subtotalYen: 12_000, taxYen: 1_200, totalYen: 13_200, status: "SENT" });
    // The estimate is the customer's turn: the resolution clock stops until they decide.
    const quoted = await db.repairTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(quoted.status).toBe("ESTIMATE_SENT");
    expect(quoted.pausedAt).not.toBeNull();
    // Pretend the customer took a business week and the desk was already told of a resolution warning.
    const pausedAt = new Date(Date.now() - 7 * 86_400_000);
    await db.repairTicket.update({
      where: { id: ticket.id },
      data: { pausedAt, slaNotified: ["firstResponse:warning", "resolution:warning"] },
    });

    const decidedFrom = new Date();
    await decideEstimate(customer.id, { ticketId: ticket.id, estimateId: estimate.id, decision: "approve" });
    const decidedBy = new Date();
    await expect(decideEstimate(customer.id, { ticketId: ticket.id, estimateId: estimate.id, decision: "decline" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const resumed = await db.repairTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(resumed).toMatchObject({ status: "REPAIRING", pausedAt: null, slaNotified: ["firstResponse:warning"] });
    // The deadline moved by the business time waited (whatever holidays that week had).
    const { calendar } = await loadDesk();
    expect(resumed.resolutionDueAt.getTime()).toBeGreaterThanOrEqual(
      resumedDueAt(calendar, quoted.resolutionDueAt, pausedAt, decidedFrom).getTime() - 60_000,
    );
    expect(resumed.resolutionDueAt.getTime()).toBeLessThanOrEqual(
      resumedDueAt(calendar, quoted.resolutionDueAt, pausedAt, decidedBy).getTime() + 60_000,
    );
    expect(resumed.resolutionDueAt.getTime()).toBeGreaterThan(quoted.resolutionDueAt.getTime());
    await moveTicket(agent, { ticketId: ticket.id, from: "REPAIRING", to: "SHIPPED_BACK", outcome: "REPAIRED" });
    await moveTicket(agent, { ticketId: ticket.id, from: "SHIPPED_BACK", to: "COMPLETED" });
    await rateRepair(customer.id, { ticketId: ticket.id, rating: 5, comment: "早かったです" });
    await expect(rateRepair(customer.id, { ticketId: ticket.id, rating: 1, comment: "" })).rejects.toMatchObject({ code: "CONFLICT" });
    // A closed ticket takes no more desk housekeeping.
    const closed = { code: "CONFLICT", messageKey: "repairs.ticketClosed" };
    await expect(assignTicket(agent, { ticketId: ticket.id, assigneeId: "" })).rejects.toMatchObject(closed);
    await expect(addInternalNote(agent, { ticketId: ticket.id, body: "後から" })).rejects.toMatchObject(closed);
    await expect(recordParts(agent, { ticketId: ticket.id, parts: [] })).rejects.toMatchObject(closed);

    const seen = (await getOwnTicket(customer.id, ticket.id))!;
    expect(seen.status).toBe("COMPLETED");
    expect(seen.events.map((event) => event.toStatus ?? event.kind)).toEqual([
      "RECEIVED",
      "WAITING_FOR_CUSTOMER",
      "RECEIVED",
      "DIAGNOSING",
      "ESTIMATE_SENT",
      "REPAIRING",
      "SHIPPED_BACK",
      "COMPLETED",
      "rated",
    ]);
    expect(JSON.stringify(seen)).not.toContain("内部メモ");

    // Emails for the steps the customer acts on or waits for, none carrying the internal note.
    const mails = await waitFor(async () => {
      const found = await db.outboxEmail.findMany({ where: { to: customer.email, template: "repairUpdate" } });
      return found.length >= 5 && found;
    });
    for (const mail of mails) expect(`${mail.subject}${mail.text}`).not.toContain("内部メモ");
  });

  it("a ticket moved by someone else meanwhile is not moved twice", async () => {
    const { customer, ownership, symptom } = await customerWithProduct();
    const [first, second] = [actor(await testStaff("SUPPORT_AGENT")), actor(await testStaff("SUPPORT_AGENT"))];
    const ticket = await createRepairRequest(customer, repairRequestInput(ownership.id, symptom.id));
    const results = await Promise.allSettled([
      moveTicket(first, { ticketId: ticket.id, from: "RECEIVED", to: "DIAGNOSING" }),
      moveTicket(second, { ticketId: ticket.id, from: "RECEIVED", to: "DIAGNOSING" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.repairEvent.count({ where: { ticketId: ticket.id, toStatus: "DIAGNOSING" } })).toBe(1);
  });

  it("the customer cancels only before diagnosis", async () => {
    const { customer, ownership, symptom } = await customerWithProduct();
    const agent = actor(await testStaff("SUPPORT_AGENT"));
    const early = await createRepairRequest(customer, repairRequestInput(ownership.id, symptom.id));
    await cancelOwnRequest(customer.id, early.id);
    expect((await db.repairTicket.findUniqueOrThrow({ where: { id: early.id } })).closedAt).not.toBeNull();
    const late = await createRepairRequest(customer, repairRequestInput(ownership.id, symptom.id));
    await moveTicket(agent, { ticketId: late.id, from: "RECEIVED", to: "DIAGNOSING" });
    await expect(cancelOwnRequest(customer.id, late.id)).rejects.toMatchObject({ messageKey: "repairs.tooLateToCancel" });
  });

  it("a new owner does not see the old owner's tickets, and the transfer closes nothing", async () => {
    const { customer, ownership, symptom } = await customerWithProduct();
    const ticket = await createRepairRequest(customer, repairRequestInput(ownership.id, symptom.id));
    const { code } = await startTransfer(customer.id, ownership.id);
    const buyer = await testCustomer();
    await acceptTransfer(buyer.id, code);
    expect((await listOwnTickets(buyer.id)).open).toEqual([]);
    expect(await getOwnTicket(buyer.id, ticket.id)).toBeNull();
    expect((await listOwnTickets(customer.id)).open.map((open) => open.id)).toEqual([ticket.id]);
  });
});

describe("scopes of repair tickets and photos", () => {
  it("[8.2.2] a customer reads their own tickets, desk staff all, a dealer and another customer none; photos follow their ticket", async () => {
    const { ticketWhereFor, storedFileWhereFor } = await import("@/lib/auth/scopes");
    const { customer, ownership, symptom } = await customerWithProduct();
    const photo = await db.storedFile.create({
      data: {
        ownerId: customer.id,
        storage: "LOCAL",
        key: `k-${randomUUID()}`,
        contentType: "image/jpeg",
        byteSize: 1,
        width: 1,
        height: 1,
        purpose: "repair_photo",
      },
    });
    const staff = await testStaff("SUPPORT_AGENT");
    const agent = { id: staff.id, role: staff.role, dealerId: null };
    const canSee = async (who: Parameters<typeof storedFileWhereFor>[0]) =>
      db.storedFile.count({ where: { AND: [storedFileWhereFor(who), { id: photo.id }] } });
    // Not sent yet: only its uploader.
    expect(await canSee({ ...agent, strong: true })).toBe(0);
    const ticket = await createRepairRequest(customer, repairRequestInput(ownership.id, symptom.id, { photoFileIds: [photo.id] }));
    const stranger = await testCustomer();
    const dealer = await db.user.create({ data: { email: `d-${randomUUID()}@test.example`, role: "DEALER_STAFF" } });
    const sees = (who: { id: string; role: Role; dealerId: string | null }) =>
      db.repairTicket.count({ where: { AND: [ticketWhereFor(who), { id: ticket.id }] } });
    expect(await sees({ id: customer.id, role: "CUSTOMER", dealerId: null })).toBe(1);
    expect(await sees({ id: stranger.id, role: "CUSTOMER", dealerId: null })).toBe(0);
    expect(await sees(agent)).toBe(1);
    expect(await sees({ id: dealer.id, role: "DEALER_STAFF", dealerId: null })).toBe(0);
    expect(await canSee({ ...agent, strong: true })).toBe(1);
    expect(await canSee({ ...agent, strong: false })).toBe(0);
    expect(await canSee({ id: stranger.id, role: "CUSTOMER", dealerId: null })).toBe(0);
    expect(await canSee({ id: dealer.id, role: "DEALER_STAFF", dealerId: null, strong: true })).toBe(0);
  });
});

describe("the resolution clock", () => {
  async function quotedTicket() {
    const { customer, ownership, symptom } = await customerWithProduct({ expired: true });
    const agent = actor(await testStaff("SUPPORT_AGENT"));
    const ticket = await createRepairRequest(customer, repairRequestInput(ownership.id, symptom.id));
    await moveTicket(agent, { ticketId: ticket.id, from: "RECEIVED", to: "DIAGNOSING" });
    await sendEstimate(agent, {
      ticketId: ticket.id,
      lines: [{ description: "基板交換", quantity: 1, unitPriceYen: 8_000 }],
      taxRate: 10,
      note: "",
    });
    const estimate = await db.repairEstimate.findFirstOrThrow({ where: { ticketId: ticket.id, status: "SENT" } });
    return { customer, agent, ticket, estimate };
  }

  it("runs again for the desk once the customer declines the estimate (the unit goes back unrepaired)", async () => {
    const { customer, ticket, estimate } = await quotedTicket();
    expect((await db.repairTicket.findUniqueOrThrow({ where: { id: ticket.id } })).pausedAt).not.toBeNull();
    await decideEstimate(customer.id, { ticketId: ticket.id, estimateId: estimate.id, decision: "decline" });
    expect(await db.repairTicket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      status: "ESTIMATE_SENT",
      pausedAt: null,
    });
  });

  it("keeps a breach paused and sent: the pause neither hides it nor makes it news again", async () => {
    const { customer, ticket, estimate } = await quotedTicket();
    // The deadline passed before the estimate went out, and the desk was told.
    const due = new Date(Date.now() - 3 * 86_400_000);
    await db.repairTicket.update({
      where: { id: ticket.id },
      data: { resolutionDueAt: due, pausedAt: new Date(Date.now() - 60_000), slaNotified: ["resolution:warning", "resolution:breach"] },
    });
    const { calendar, targets } = await loadDesk();
    const { slaClocks } = await import("./sla");
    const paused = await db.repairTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(slaClocks(calendar, targets, paused, new Date()).resolution.state).toBe("breached");
    const { listQueue, parseQueueFilter } = await import("./queue");
    const breaching = await listQueue(parseQueueFilter({ view: "breaching", q: paused.number }), customer.id);
    expect(breaching.rows.map((row) => row.id)).toEqual([ticket.id]);

    await decideEstimate(customer.id, { ticketId: ticket.id, estimateId: estimate.id, decision: "approve" });
    const resumed = await db.repairTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.slaNotified.toSorted()).toEqual(["resolution:breach", "resolution:warning"]);
  });
});

describe("the scheduled SLA check", () => {
  it("warns the assignee, tells the leads of a breach, and sends each notice once", async () => {
    const { checkSla } = await import("./sla-check");
    const { customer, ownership, symptom } = await customerWithProduct();
    const lead = await testStaff("SUPPORT_LEAD");
    const agent = actor(await testStaff("SUPPORT_AGENT"));
    const ticket = await createRepairRequest(customer, repairRequestInput(ownership.id, symptom.id));
    await assignTicket(agent, { ticketId: ticket.id, assigneeId: agent.id });
    const agentEmail = (await db.user.findUniqueOrThrow({ where: { id: agent.id } })).email;
    // The first-response clock ran out an hour ago.
    await db.repairTicket.update({ where: { id: ticket.id }, data: { firstResponseDueAt: new Date(Date.now() - 3_600_000) } });
    await checkSla();
    await checkSla();
    await settleJobs();
    const mails = await db.outboxEmail.findMany({ where: { to: { in: [agentEmail, lead.email] }, template: "slaAlert" } });
    expect(mails.map((mail) => mail.to).sort()).toEqual([agentEmail, lead.email].sort());
    expect((await db.repairTicket.findUniqueOrThrow({ where: { id: ticket.id } })).slaNotified.sort()).toEqual([
      "firstResponse:breach",
      "firstResponse:warning",
    ]);
  });
});

describe("bad input from the request and estimate forms", () => {
  it("refuses impossible or past pickup dates, and estimates beyond what is stored, with messages for the fields", async () => {
    const { ZRepairRequestSchema, ZEstimateSchema } = await import("./schemas");
    const base = repairRequestInput("o", "s", { delivery: "COURIER_PICKUP" });
    for (const date of ["2026-13-01", "2026-02-31"]) {
      const parsed = ZRepairRequestSchema.safeParse({ ...base, preferredDates: [date] });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0]!.message).toBe("dateInvalid");
    }
    const { customer, ownership, symptom } = await customerWithProduct();
    const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", addressLine1: "千代田1-1" };
    await expect(
      createRepairRequest(
        customer,
        repairRequestInput(ownership.id, symptom.id, { delivery: "COURIER_PICKUP", preferredDates: ["2020-01-06"], ...address }),
      ),
    ).rejects.toMatchObject({ code: "VALIDATION", cause: { preferredDates: "repairs.pickupDatePast" } });
    const huge = ZEstimateSchema.safeParse({ ticketId: "t", lines: [{ description: "x", quantity: 999, unitPriceYen: 10_000_000 }] });
    expect(huge.success).toBe(false);
    expect(huge.error!.issues[0]!.message).toBe("repairs.estimateTooLarge");
  });

  it("takes a pickup address whole: a partial profile address is replaced by what was typed, never mixed", async () => {
    const { customer, ownership, symptom } = await customerWithProduct();
    await db.user.update({ where: { id: customer.id }, data: { postalCode: "999-9999", city: "古い市" } });
    const typed = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", addressLine1: "千代田1-1" };
    const ticket = await createRepairRequest(
      customer,
      repairRequestInput(ownership.id, symptom.id, { delivery: "COURIER_PICKUP", preferredDates: ["2099-01-05"], ...typed }),
    );
    expect(await db.repairTicket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      pickupPostalCode: "100-0001",
      pickupCity: "千代田区",
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject(typed);
  });
});

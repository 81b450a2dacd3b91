import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { testCustomer, testStaff } = await import("@/scripts/test/product-factories");
const { customerWithRepairs } = await import("@/scripts/test/repair-factories");
const { addInformation, cancelOwnRequest, decideEstimate, rateRepair } = await import("./customer-steps");

beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` } }));

/** A ticket of one customer, moved straight to `status` (the desk's steps are tested in repairs.test.ts). */
async function ticketIn(status: "WAITING_FOR_CUSTOMER" | "ESTIMATE_SENT" | "COMPLETED") {
  const { customer: owner, ticket } = await customerWithRepairs(1);
  await db.repairTicket.update({
    where: { id: ticket.id },
    data: { status, resumeStatus: status === "WAITING_FOR_CUSTOMER" ? "RECEIVED" : null },
  });
  const staff = await testStaff("SUPPORT_AGENT");
  const estimate = await db.repairEstimate.create({
    data: { ticketId: ticket.id, lines: [], subtotalYen: 1000, taxRate: 10, taxYen: 100, totalYen: 1100, sentById: staff.id },
  });
  return { owner, ticket, estimate };
}

describe("a customer's steps on another customer's ticket", () => {
  it("[8.2.2] cannot answer, decide, cancel or rate it: not found, and nothing changes", async () => {
    const stranger = await testCustomer();
    const waiting = await ticketIn("WAITING_FOR_CUSTOMER");
    await expect(addInformation(stranger.id, { ticketId: waiting.ticket.id, message: "横取り", photoFileIds: [] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const sent = await ticketIn("ESTIMATE_SENT");
    await expect(
      decideEstimate(stranger.id, { ticketId: sent.ticket.id, estimateId: sent.estimate.id, decision: "approve" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The customer's own ticket id with someone else's estimate id is not found either.
    await expect(
      decideEstimate(sent.owner.id, { ticketId: sent.ticket.id, estimateId: waiting.estimate.id, decision: "approve" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const done = await ticketIn("COMPLETED");
    await expect(rateRepair(stranger.id, { ticketId: done.ticket.id, rating: 1, comment: "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(cancelOwnRequest(stranger.id, waiting.ticket.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const after = await db.repairTicket.findMany({
      where: { id: { in: [waiting.ticket.id, sent.ticket.id, done.ticket.id] } },
      select: { status: true, rating: true, _count: { select: { events: true } } },
      orderBy: { status: "asc" },
    });
    expect(after.map((ticket) => [ticket.status, ticket.rating, ticket._count.events])).toEqual(
      expect.arrayContaining([
        ["WAITING_FOR_CUSTOMER", null, 1],
        ["ESTIMATE_SENT", null, 1],
        ["COMPLETED", null, 1],
      ]),
    );
    expect((await db.repairEstimate.findUniqueOrThrow({ where: { id: sent.estimate.id } })).status).toBe("SENT");
  });

  it("their own steps are refused in the wrong state with the message the page shows", async () => {
    const sent = await ticketIn("ESTIMATE_SENT");
    await expect(addInformation(sent.owner.id, { ticketId: sent.ticket.id, message: "追加です", photoFileIds: [] })).rejects.toMatchObject({
      messageKey: "repairs.notWaiting",
    });
    await expect(rateRepair(sent.owner.id, { ticketId: sent.ticket.id, rating: 5, comment: "" })).rejects.toMatchObject({
      messageKey: "repairs.notCompleted",
    });
    await expect(cancelOwnRequest(sent.owner.id, sent.ticket.id)).rejects.toMatchObject({ messageKey: "repairs.tooLateToCancel" });
  });
});

import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { testCustomer, testStaff } = await import("@/scripts/test/product-factories");
const { customerWithRepairs, repairRequestInput } = await import("@/scripts/test/repair-factories");
const { createRepairRequest } = await import("./requests");
const { addInternalNote, assignTicket } = await import("./desk");
const { getCustomerPanel, getTicketForStaff, listAssignableAgents } = await import("./staff-view");

beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` } }));

const staffActor = async (role: "SUPPORT_AGENT" | "SUPPORT_LEAD" | "ADMIN" = "SUPPORT_AGENT", strong = true) => {
  const user = await testStaff(role);
  return { id: user.id, role: user.role, dealerId: null, strong };
};

describe("the desk's view of a ticket", () => {
  it("shows staff the internal note with its author, the assignment, the SLA clocks and only the allowed moves", async () => {
    const { ticket } = await customerWithRepairs(1);
    const agent = await staffActor();
    await assignTicket(agent, { ticketId: ticket.id, assigneeId: agent.id });
    await addInternalNote(agent, { ticketId: ticket.id, body: "内部メモ: 基板の不良の可能性" });

    const seen = (await getTicketForStaff(agent, ticket.id))!;
    expect(seen.number).toBe(ticket.number);
    expect(seen.notes).toEqual([
      expect.objectContaining({ body: "内部メモ: 基板の不良の可能性", author: expect.objectContaining({ id: agent.id }) }),
    ]);
    expect(seen.events.map((event) => event.kind)).toEqual(["created", "assigned"]);
    expect(seen.assignee?.id).toBe(agent.id);
    expect(seen.moves).toEqual(["DIAGNOSING"]);
    expect(seen.canEstimate).toBe(false);
    expect(seen.clocks.firstResponse.state).toMatch(/running|warning|breached/);
  });

  it("[16.3.1] writes a personal-data view with the ticket as target for the ticket and for the customer panel", async () => {
    const { customer, ticket, unit } = await customerWithRepairs(1);
    const agent = await staffActor();
    await getTicketForStaff(agent, ticket.id);
    const panel = (await getCustomerPanel(agent, customer.id, ticket.id))!;
    expect(panel.products.map((product) => product.serial)).toEqual([unit.serial]);
    expect(panel.products[0]!.warranty.status).toBe("COVERED");
    expect(panel.contact?.preference).toBe("EMAIL");
    const views = await db.auditEvent.findMany({ where: { actorId: agent.id, action: "personal_data.viewed" }, orderBy: { id: "asc" } });
    expect(views).toHaveLength(2);
    for (const view of views) expect(view).toMatchObject({ targetType: "RepairTicket", targetId: ticket.id, subjectIds: [customer.id] });
  });

  it("lists the customer's other tickets, open and past, but not the ticket it is read from", async () => {
    const { customer, ownership, symptom, ticket } = await customerWithRepairs(1);
    const other = await createRepairRequest(
      customer,
      repairRequestInput(ownership.id, symptom.id, { description: "もう一度、電源が入りません。" }),
    );
    const panel = (await getCustomerPanel(await staffActor(), customer.id, ticket.id))!;
    expect(panel.openTickets.map((open) => open.id)).toEqual([other.id]);
    expect(panel.pastTickets).toEqual([]);
  });

  it("is null for a missing id, a customer who is not the ticket's, a customer or dealer actor, and a session without a second factor", async () => {
    const { customer, ticket } = await customerWithRepairs(1);
    const agent = await staffActor();
    expect(await getTicketForStaff(agent, "no-such-ticket")).toBeNull();
    expect(await getCustomerPanel(agent, (await testCustomer()).id, ticket.id)).toBeNull();
    const asCustomer = { id: customer.id, role: "CUSTOMER" as const, dealerId: null, strong: true };
    expect(await getTicketForStaff(asCustomer, ticket.id)).toBeNull();
    expect(await getCustomerPanel(asCustomer, customer.id, ticket.id)).toBeNull();
    const dealer = { id: randomUUID(), role: "DEALER_STAFF" as const, dealerId: randomUUID(), strong: true };
    expect(await getTicketForStaff(dealer, ticket.id)).toBeNull();
    expect(await getTicketForStaff(await staffActor("SUPPORT_AGENT", false), ticket.id)).toBeNull();
    expect(await db.auditEvent.count({ where: { targetId: ticket.id, action: "personal_data.viewed" } })).toBe(0);
  });

  it("offers desk staff who are not disabled as assignees", async () => {
    const agent = await staffActor();
    const lead = await staffActor("SUPPORT_LEAD");
    const gone = await testStaff("SUPPORT_AGENT");
    await db.user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    const customer = await testCustomer();
    const ids = (await listAssignableAgents(agent)).map((user) => user.id);
    expect(ids).toEqual(expect.arrayContaining([agent.id, lead.id]));
    expect(ids).not.toContain(gone.id);
    expect(ids).not.toContain(customer.id);
  });
});

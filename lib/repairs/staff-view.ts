import "server-only";
import { ticketWhereFor } from "@/lib/auth/scopes";
import { recordAudit } from "@/lib/audit/log";
import { can, requiresSecondFactor, ROLES, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { ContactPreference, Role } from "@/lib/generated/prisma/enums";
import { listProductsOf } from "@/lib/products/my-products";
import { listOwnRecallNotices } from "@/lib/recalls/notices";
import { localDateOf } from "@/lib/warranty/local-date";
import { loadDesk } from "./desk-settings";
import { slaClocks } from "./sla";
import { canAskCustomer, canSendEstimate, staffCanCancel, staffMovesFor } from "./status";

/**
 * What the desk sees of a ticket and its customer (conventions: Thin app, logic in lib). Staff
 * reads take the actor: only desk staff in a session with a second factor (ASVS 6.3.3) get
 * anything, everyone else reads "not found". Every read that shows the customer's data is written
 * to the audit log with the ticket as target (ASVS 16.3.1; issue 10 "every staff view ... audited").
 */
export type StaffActor = Actor & { strong: boolean };

function mayWorkDesk(actor: StaffActor): boolean {
  return can(actor, "repairs.work") && (!requiresSecondFactor(actor.role) || actor.strong);
}

async function auditView(actor: StaffActor, ticketId: string, customerId: string, what: "ticket" | "customerPanel"): Promise<void> {
  await recordAudit({
    action: "personal_data.viewed",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "RepairTicket",
    targetId: ticketId,
    subjectIds: [customerId],
    details: { view: what },
  });
}

const person = { select: { id: true, name: true, email: true } } as const;

/** Everything on one ticket, internal notes included; null when it does not exist (or the actor may not see it). */
export async function getTicketForStaff(actor: StaffActor, ticketId: string, now: Date = new Date()) {
  if (!mayWorkDesk(actor)) return null;
  const ticket = await db.repairTicket.findFirst({
    where: { AND: [ticketWhereFor(actor), { id: ticketId }] },
    select: {
      id: true,
      number: true,
      status: true,
      resumeStatus: true,
      priority: true,
      coverage: true,
      warrantySnapshot: true,
      description: true,
      delivery: true,
      pickupPostalCode: true,
      pickupPrefecture: true,
      pickupCity: true,
      pickupLine1: true,
      pickupLine2: true,
      preferredDates: true,
      contactPreference: true,
      contactPhone: true,
      outcome: true,
      closeReason: true,
      closedAt: true,
      rating: true,
      ratingComment: true,
      createdAt: true,
      updatedAt: true,
      firstResponseDueAt: true,
      resolutionDueAt: true,
      firstRespondedAt: true,
      pausedAt: true,
      customerId: true,
      customer: { select: { id: true, name: true, email: true, phone: true, locale: true, erasedAt: true } },
      assignee: person,
      dealer: { select: { id: true, code: true, name: true } },
      recallCampaign: { select: { code: true, titleJa: true, titleEn: true } },
      symptomCategory: { select: { nameJa: true, nameEn: true } },
      unit: { select: { serial: true, model: { select: { code: true, nameJa: true, nameEn: true } } } },
      events: {
        select: {
          id: true,
          at: true,
          kind: true,
          fromStatus: true,
          toStatus: true,
          message: true,
          details: true,
          actor: { select: { id: true, name: true, email: true, role: true } },
        },
        orderBy: { at: "asc" },
      },
      notes: { select: { id: true, body: true, createdAt: true, author: person }, orderBy: { createdAt: "asc" } },
      estimates: {
        select: {
          id: true,
          status: true,
          lines: true,
          subtotalYen: true,
          taxRate: true,
          taxYen: true,
          totalYen: true,
          note: true,
          sentAt: true,
          decidedAt: true,
          sentBy: person,
        },
        orderBy: { sentAt: "desc" },
      },
      parts: { select: { id: true, partNumber: true, name: true, quantity: true }, orderBy: { createdAt: "asc" } },
      photos: { select: { id: true, fileId: true, addedBy: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!ticket) return null;
  await auditView(actor, ticket.id, ticket.customerId, "ticket");

  const desk = await loadDesk();
  // The same rule as moveTicket's check: the newest answered (or open) estimate decides.
  const latest = ticket.estimates.find((estimate) => estimate.status !== "SUPERSEDED")?.status;
  const moveState = {
    status: ticket.status,
    coverage: ticket.coverage,
    estimateApproved: latest === "APPROVED",
    estimateDeclined: latest === "DECLINED",
  };
  return {
    ...ticket,
    preferredDates: ticket.preferredDates.map(localDateOf),
    estimates: ticket.estimates.map((estimate) => ({
      ...estimate,
      lines: estimate.lines as unknown as { description: string; quantity: number; unitPriceYen: number }[],
    })),
    clocks: slaClocks(desk.calendar, desk.targets, ticket, now),
    moves: staffMovesFor(moveState),
    canAsk: canAskCustomer(ticket.status),
    canEstimate: canSendEstimate(ticket.status) && ticket.coverage === "PAID",
    canCancel: staffCanCancel(ticket.status),
  };
}
export type StaffTicket = NonNullable<Awaited<ReturnType<typeof getTicketForStaff>>>;

/**
 * The customer panel beside a ticket: their products with warranties, their other tickets, their
 * recall notices and how they want to be contacted about this ticket. Null when the ticket is not
 * theirs (the panel is only ever read through a ticket, which is its audit target).
 */
export async function getCustomerPanel(actor: StaffActor, customerId: string, viewedFrom: string | { conversationId: string }) {
  if (!mayWorkDesk(actor)) return null;
  // Opened beside a ticket or a support conversation (issue 11) of this customer; the audit names it.
  let ticket: { id: string; contactPreference: ContactPreference; contactPhone: string | null } | null = null;
  let target: { type: "RepairTicket" | "Conversation"; id: string };
  if (typeof viewedFrom === "string") {
    ticket = await db.repairTicket.findFirst({
      where: { id: viewedFrom, customerId },
      select: { id: true, contactPreference: true, contactPhone: true },
    });
    if (!ticket) return null;
    target = { type: "RepairTicket", id: ticket.id };
  } else {
    const conversation = await db.conversation.findFirst({ where: { id: viewedFrom.conversationId, customerId }, select: { id: true } });
    if (!conversation) return null;
    target = { type: "Conversation", id: conversation.id };
  }
  const [customer, products, tickets, recalls] = await Promise.all([
    db.user.findUnique({
      where: { id: customerId },
      select: { id: true, name: true, email: true, phone: true, locale: true, createdAt: true, erasedAt: true },
    }),
    listProductsOf(actor, customerId),
    db.repairTicket.findMany({
      where: { customerId, ...(ticket ? { id: { not: ticket.id } } : {}) },
      select: {
        id: true,
        number: true,
        status: true,
        createdAt: true,
        unit: { select: { serial: true, model: { select: { nameJa: true, nameEn: true } } } },
      },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
    listOwnRecallNotices(actor, { userId: customerId }),
  ]);
  if (!customer) return null;
  await recordAudit({
    action: "personal_data.viewed",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: target.type,
    targetId: target.id,
    subjectIds: [customerId],
    details: { view: "customerPanel" },
  });
  return {
    customer,
    contact: ticket ? { preference: ticket.contactPreference, phone: ticket.contactPhone } : null,
    products,
    openTickets: tickets.filter((other) => other.status !== "COMPLETED" && other.status !== "CANCELLED"),
    pastTickets: tickets.filter((other) => other.status === "COMPLETED" || other.status === "CANCELLED"),
    recalls,
  };
}
export type CustomerPanel = NonNullable<Awaited<ReturnType<typeof getCustomerPanel>>>;

/** Who a ticket can be assigned to: enabled accounts whose role works the desk. */
export async function listAssignableAgents(actor: StaffActor) {
  if (!mayWorkDesk(actor)) return [];
  const roles = ROLES.filter((role: Role) => can({ id: "", role, dealerId: null }, "repairs.work"));
  return db.user.findMany({
    where: { role: { in: roles }, disabledAt: null },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    take: 500,
  });
}

import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { can, type Actor } from "@/lib/auth/permissions";
import { ticketWhereFor } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { portalUrl } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DealerRepairStep } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import { logger } from "@/lib/log";
import { OPEN_STATUSES } from "@/lib/repairs/status";
import { CUSTOMER_EVENT_KINDS } from "@/lib/repairs/workflow";
import { contactsForDealer, openAtShop, ticketContactForDealer } from "./masking";

/**
 * Drop-off repairs at a dealer's shop (issue 13): the tickets whose unit travels through the shop,
 * and the shop's four steps, which the customer sees on their timeline. Staff notes never reach
 * the dealer (only the customer's timeline kinds are read). Scoped by ticketWhereFor().
 */
export const DEALER_STEPS = [
  "RECEIVED_FROM_CUSTOMER",
  "SENT_TO_SERVICE",
  "BACK_AT_SHOP",
  "RETURNED_TO_CUSTOMER",
] as const satisfies readonly DealerRepairStep[];

/** The timeline kind of each step (lib/repairs/workflow.ts CUSTOMER_EVENT_KINDS lists them). */
export const DEALER_STEP_KIND: Record<DealerRepairStep, (typeof CUSTOMER_EVENT_KINDS)[number]> = {
  RECEIVED_FROM_CUSTOMER: "dealer_received",
  SENT_TO_SERVICE: "dealer_sent",
  BACK_AT_SHOP: "dealer_back",
  RETURNED_TO_CUSTOMER: "dealer_returned",
};

/**
 * The step the shop may record next, or null. In order, one after another; a cancelled request
 * whose unit is at the shop goes straight back to the customer; nothing starts on a closed ticket.
 */
export function nextDealerStep(ticket: { status: string; dealerStep: DealerRepairStep | null }): DealerRepairStep | null {
  const open = (OPEN_STATUSES as readonly string[]).includes(ticket.status);
  switch (ticket.dealerStep) {
    case null:
      return open ? "RECEIVED_FROM_CUSTOMER" : null;
    case "RECEIVED_FROM_CUSTOMER":
      return open ? "SENT_TO_SERVICE" : "RETURNED_TO_CUSTOMER";
    case "SENT_TO_SERVICE":
      return "BACK_AT_SHOP";
    case "BACK_AT_SHOP":
      return "RETURNED_TO_CUSTOMER";
    default:
      return null;
  }
}

export type DealerQueueView = "open" | "all";

function queueWhere(actor: Actor, view: DealerQueueView): Prisma.RepairTicketWhereInput {
  const openAtTheShop: Prisma.RepairTicketWhereInput = {
    OR: [{ status: { in: [...OPEN_STATUSES] } }, { dealerStep: { in: ["RECEIVED_FROM_CUSTOMER", "BACK_AT_SHOP"] } }],
  };
  return { AND: [ticketWhereFor(actor), view === "open" ? openAtTheShop : {}] };
}

export async function dealerRepairQueue(actor: Actor, view: DealerQueueView = "open") {
  if (!can(actor, "dealer.repairs")) return { tickets: [], openCount: 0 };
  const [tickets, openCount] = await Promise.all([
    db.repairTicket.findMany({
      where: queueWhere(actor, view),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 100,
      select: {
        id: true,
        number: true,
        status: true,
        dealerStep: true,
        createdAt: true,
        unit: { select: { serial: true, model: { select: { code: true, nameJa: true, nameEn: true } } } },
        customer: { select: { id: true, name: true, email: true, phone: true, prefecture: true } },
      },
    }),
    openDropOffCount(actor),
  ]);
  // The list shows who it is for masked (or in full with consent); the ticket page shows the contact.
  const contacts = await contactsForDealer(
    actor,
    tickets.map((ticket) => ticket.customer),
    { targetType: "RepairTicket", view: "dealer_repair_queue" },
  );
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  return {
    tickets: tickets.map(({ customer, ...ticket }) => ({ ...ticket, customer: byId.get(customer.id)!, next: nextDealerStep(ticket) })),
    openCount,
  };
}

/** How many drop-offs are open at the shop (the dashboard's count, with no personal data read). */
export function openDropOffCount(actor: Actor): Promise<number> {
  if (!can(actor, "dealer.repairs")) return Promise.resolve(0);
  return db.repairTicket.count({ where: queueWhere(actor, "open") });
}

/** One drop-off ticket for the dealer it was handed to; null (404) for anyone else. */
export async function dealerTicket(actor: Actor, ticketId: string) {
  if (!can(actor, "dealer.repairs")) return null;
  const ticket = await db.repairTicket.findFirst({
    where: { AND: [ticketWhereFor(actor), { id: ticketId }] },
    select: {
      id: true,
      number: true,
      status: true,
      dealerStep: true,
      coverage: true,
      description: true,
      contactPhone: true,
      contactPreference: true,
      createdAt: true,
      symptomCategory: { select: { nameJa: true, nameEn: true } },
      unit: { select: { serial: true, model: { select: { code: true, nameJa: true, nameEn: true } } } },
      customer: { select: { id: true, name: true, email: true, phone: true, prefecture: true } },
      // The shop's own steps only: the messages between the customer and the desk are not the shop's.
      events: {
        where: { kind: { in: Object.values(DEALER_STEP_KIND) } },
        select: { id: true, at: true, kind: true },
        orderBy: { at: "asc" },
      },
      photos: { select: { id: true, fileId: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!ticket) return null;
  const { customer, contactPhone, ...rest } = ticket;
  const contact = await ticketContactForDealer(actor, { ...ticket, contactPhone, customer });
  return { ...rest, contact, next: nextDealerStep(ticket), openAtShop: openAtShop(ticket) };
}

/**
 * Record the shop's next step. Conditional on the step the dealer saw, so a double click records
 * it once (the second finds it done and changes nothing) and a step out of order is refused.
 */
export async function recordDealerStep(actor: Actor, input: { ticketId: string; step: DealerRepairStep }): Promise<void> {
  if (!can(actor, "dealer.repairs")) throw new AppError("NOT_FOUND");
  const ticket = await db.repairTicket.findFirst({
    where: { AND: [ticketWhereFor(actor), { id: input.ticketId }] },
    select: {
      id: true,
      number: true,
      status: true,
      dealerStep: true,
      customerId: true,
      customer: { select: { email: true, locale: true } },
    },
  });
  if (!ticket) throw new AppError("NOT_FOUND");
  if (ticket.dealerStep === input.step) return; // already recorded: a double click or a retry
  if (nextDealerStep(ticket) !== input.step) throw new AppError("CONFLICT", { messageKey: "dealer.stepOutOfOrder" });
  const recorded = await db.$transaction(async (tx) => {
    const moved = await tx.repairTicket.updateMany({
      where: { id: ticket.id, dealerStep: ticket.dealerStep, status: ticket.status },
      data: { dealerStep: input.step },
    });
    if (moved.count === 0) return false;
    await tx.repairEvent.create({
      data: {
        ticketId: ticket.id,
        actorId: actor.id,
        kind: DEALER_STEP_KIND[input.step],
        details: { step: input.step, dealerId: actor.dealerId },
      },
    });
    return true;
  });
  if (!recorded) {
    const now = await db.repairTicket.findUnique({ where: { id: ticket.id }, select: { dealerStep: true } });
    if (now?.dealerStep === input.step) return;
    throw new AppError("CONFLICT", { messageKey: "repairs.changedMeanwhile" });
  }
  await recordAudit({
    action: "dealer.repair_step",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "RepairTicket",
    targetId: ticket.id,
    subjectIds: [ticket.customerId],
    details: { step: input.step, dealerId: actor.dealerId },
  });
  // Ready to collect is the step the customer acts on: they get an email (the others are on the timeline).
  if (input.step === "BACK_AT_SHOP") {
    try {
      await enqueueEmail({
        to: ticket.customer.email,
        locale: ticket.customer.locale,
        template: {
          name: "repairUpdate",
          number: ticket.number,
          status: "BACK_AT_SHOP",
          url: portalUrl(ticket.customer.locale, `/mypage/repairs/${ticket.id}`),
        },
      });
    } catch (error) {
      logger.error({ err: error, ticketId: ticket.id }, "ready-to-collect email was not queued");
    }
  }
}

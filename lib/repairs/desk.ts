import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { can, type Actor } from "@/lib/auth/permissions";
import { ticketWhereFor } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RepairOutcome, RepairStatus } from "@/lib/generated/prisma/enums";
import { estimateTotals } from "./coverage";
import { canAskCustomer, canSendEstimate, staffCanCancel, staffMoveRefusal } from "./status";
import { applyStep } from "./workflow";

/**
 * What support staff do on a ticket. Each function takes the acting staff member; the action layer
 * has checked `repairs.work`, and each step checks the ticket's state again on the server, so a
 * button the page should not have shown is refused with a message, never applied.
 */

async function ticketForStaff(actor: Actor, ticketId: string) {
  const ticket = await db.repairTicket.findFirst({
    where: { AND: [ticketWhereFor(actor), { id: ticketId }] },
    select: {
      id: true,
      status: true,
      coverage: true,
      customerId: true,
      assigneeId: true,
      estimates: {
        where: { status: { in: ["APPROVED", "DECLINED", "SENT"] } },
        select: { status: true },
        orderBy: { sentAt: "desc" },
        take: 1,
      },
    },
  });
  if (!ticket) throw new AppError("NOT_FOUND");
  return ticket;
}

/** A desk change that is not a status step (those are audited by applyStep), with the ticket as target. */
function auditDeskChange(actor: Actor, ticket: { id: string; customerId: string }, details: Prisma.InputJsonObject) {
  return recordAudit({
    action: "repair.updated",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "RepairTicket",
    targetId: ticket.id,
    subjectIds: [ticket.customerId],
    details,
  });
}

/** The desk's housekeeping (assignment, notes, parts, photos) is for open tickets; the page shows none of it once closed. */
async function openTicketForStaff(actor: Actor, ticketId: string) {
  const ticket = await ticketForStaff(actor, ticketId);
  if (ticket.status === "COMPLETED" || ticket.status === "CANCELLED")
    throw new AppError("CONFLICT", { messageKey: "repairs.ticketClosed" });
  return ticket;
}

/** Assign to a staff member who works the desk (or nobody). */
export async function assignTicket(actor: Actor, input: { ticketId: string; assigneeId: string }): Promise<void> {
  const ticket = await openTicketForStaff(actor, input.ticketId);
  if (input.assigneeId) {
    const assignee = await db.user.findFirst({
      where: { id: input.assigneeId, disabledAt: null },
      select: { id: true, role: true, dealerId: true },
    });
    if (!assignee || !can(assignee, "repairs.work")) throw new AppError("VALIDATION", { cause: { assigneeId: "repairs.assigneeInvalid" } });
  }
  const assigneeId = input.assigneeId || null;
  if (ticket.assigneeId === assigneeId) return;
  await db.$transaction([
    db.repairTicket.update({ where: { id: ticket.id }, data: { assigneeId } }),
    db.repairEvent.create({
      data: { ticketId: ticket.id, actorId: actor.id, kind: "assigned", details: { from: ticket.assigneeId, to: assigneeId } },
    }),
  ]);
  await auditDeskChange(actor, ticket, { kind: "assigned", from: ticket.assigneeId, to: assigneeId });
}

/** An internal note: staff only, never in the customer's timeline, emails or exports. */
export async function addInternalNote(actor: Actor, input: { ticketId: string; body: string }): Promise<void> {
  const ticket = await openTicketForStaff(actor, input.ticketId);
  await db.repairNote.create({ data: { ticketId: ticket.id, authorId: actor.id, body: input.body } });
  await auditDeskChange(actor, ticket, { kind: "note" });
}

/** Move along the status table (lib/repairs/status.ts); a move it does not allow is refused with its reason. */
export async function moveTicket(
  actor: Actor,
  input: { ticketId: string; from: RepairStatus; to: RepairStatus; outcome?: RepairOutcome },
): Promise<void> {
  const ticket = await ticketForStaff(actor, input.ticketId);
  if (ticket.status !== input.from) throw new AppError("CONFLICT", { messageKey: "repairs.changedMeanwhile" });
  const latest = ticket.estimates[0]?.status;
  const refusal = staffMoveRefusal(
    { status: ticket.status, coverage: ticket.coverage, estimateApproved: latest === "APPROVED", estimateDeclined: latest === "DECLINED" },
    input.to,
  );
  if (refusal) throw new AppError("CONFLICT", { messageKey: `repairs.moveRefused.${refusal}` });
  if (input.to === "SHIPPED_BACK" && !input.outcome) throw new AppError("VALIDATION", { cause: { outcome: "repairs.outcomeRequired" } });
  await applyStep({
    ticketId: ticket.id,
    actorId: actor.id,
    from: ticket.status,
    to: input.to,
    kind: "status",
    data: input.to === "SHIPPED_BACK" ? { outcome: input.outcome } : undefined,
    details: input.outcome ? { outcome: input.outcome } : undefined,
    respondsToCustomer: true,
    audit: { action: "repair.updated", subjectId: ticket.customerId },
  });
}

/** Ask the customer for information or photos: the ticket waits for them and the resolution clock pauses. */
export async function askCustomer(actor: Actor, input: { ticketId: string; message: string }): Promise<void> {
  const ticket = await ticketForStaff(actor, input.ticketId);
  if (!canAskCustomer(ticket.status)) throw new AppError("CONFLICT", { messageKey: "repairs.cannotAskNow" });
  await applyStep({
    ticketId: ticket.id,
    actorId: actor.id,
    from: ticket.status,
    to: "WAITING_FOR_CUSTOMER",
    kind: "info_requested",
    message: input.message,
    data: { resumeStatus: ticket.status },
    respondsToCustomer: true,
    audit: { action: "repair.updated", subjectId: ticket.customerId },
  });
}

/** Send an estimate (replacing one the customer has not answered yet). Only for repairs the customer pays. */
export async function sendEstimate(
  actor: Actor,
  input: { ticketId: string; lines: { description: string; quantity: number; unitPriceYen: number }[]; taxRate: number; note: string },
): Promise<void> {
  const ticket = await ticketForStaff(actor, input.ticketId);
  if (ticket.coverage !== "PAID") throw new AppError("CONFLICT", { messageKey: "repairs.estimateNotNeeded" });
  if (!canSendEstimate(ticket.status)) throw new AppError("CONFLICT", { messageKey: "repairs.cannotEstimateNow" });
  const totals = estimateTotals(input.lines, input.taxRate);
  await applyStep({
    ticketId: ticket.id,
    actorId: actor.id,
    from: ticket.status,
    to: "ESTIMATE_SENT",
    kind: "estimate_sent",
    details: { totalYen: totals.totalYen },
    respondsToCustomer: true,
    also: async (tx) => {
      await tx.repairEstimate.updateMany({ where: { ticketId: ticket.id, status: "SENT" }, data: { status: "SUPERSEDED" } });
      await tx.repairEstimate.create({
        data: {
          ticketId: ticket.id,
          lines: input.lines as unknown as Prisma.InputJsonValue,
          taxRate: input.taxRate,
          ...totals,
          note: input.note || null,
          sentById: actor.id,
        },
      });
    },
    audit: { action: "repair.updated", subjectId: ticket.customerId },
  });
}

/** Record the parts used (replaces the list). */
export async function recordParts(
  actor: Actor,
  input: { ticketId: string; parts: { partNumber: string; name: string; quantity: number }[] },
): Promise<void> {
  const ticket = await openTicketForStaff(actor, input.ticketId);
  await db.$transaction([
    db.repairPart.deleteMany({ where: { ticketId: ticket.id } }),
    db.repairPart.createMany({ data: input.parts.map((part) => ({ ticketId: ticket.id, ...part })) }),
  ]);
  await auditDeskChange(actor, ticket, { kind: "parts", count: input.parts.length });
}

/** Staff close a ticket without a repair, with a reason the customer sees. */
export async function cancelTicket(actor: Actor, input: { ticketId: string; reason: string }): Promise<void> {
  const ticket = await ticketForStaff(actor, input.ticketId);
  if (!staffCanCancel(ticket.status)) throw new AppError("CONFLICT", { messageKey: "repairs.moveRefused.closed" });
  await applyStep({
    ticketId: ticket.id,
    actorId: actor.id,
    from: ticket.status,
    to: "CANCELLED",
    kind: "cancelled",
    message: input.reason,
    data: { closeReason: input.reason },
    details: { by: "staff" },
    respondsToCustomer: true,
    audit: { action: "repair.cancelled", subjectId: ticket.customerId },
  });
}

/** A diagnosis photo by staff, shown to the customer on their request page. */
export async function addStaffPhoto(actor: Actor, input: { ticketId: string; fileId: string }): Promise<void> {
  const ticket = await openTicketForStaff(actor, input.ticketId);
  const file = await db.storedFile.findFirst({
    where: { id: input.fileId, ownerId: actor.id, purpose: "repair_photo", deletedAt: null, repairPhoto: null },
    select: { id: true },
  });
  if (!file) throw new AppError("VALIDATION", { cause: { fileId: "repairs.photoInvalid" } });
  await applyStep({
    ticketId: ticket.id,
    actorId: actor.id,
    from: ticket.status,
    kind: "photo_added",
    also: async (tx) => {
      await tx.repairPhoto.create({ data: { ticketId: ticket.id, fileId: file.id, addedBy: "staff" } });
    },
    audit: { action: "repair.updated", subjectId: ticket.customerId },
  });
}

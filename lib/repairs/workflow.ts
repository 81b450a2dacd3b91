import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RepairStatus } from "@/lib/generated/prisma/enums";
import { loadDesk } from "./desk-settings";
import { notifyCustomer } from "./notify";
import { resumedDueAt, slaClocks } from "./sla";

/**
 * One step of a ticket, for staff and customers alike: the status moves only from the state the
 * actor saw (a conditional update, so two agents clicking at once move it once and the second is
 * told it changed), the step is written to the timeline in the same transaction, and the customer
 * is emailed when the step is one they act on or wait for. Callers check who may take the step.
 */
export type Step = {
  ticketId: string;
  actorId: string;
  /** The state the actor saw; the step is refused when the ticket has moved since. */
  from: RepairStatus;
  to?: RepairStatus;
  kind: string;
  message?: string | null;
  details?: Prisma.InputJsonValue;
  /** Extra ticket fields to set with the step. */
  data?: Prisma.RepairTicketUpdateManyMutationInput;
  /** Runs inside the transaction after the ticket moved (estimates, photos, parts). */
  also?: (tx: Prisma.TransactionClient) => Promise<void>;
  /**
   * The desk's turn although the status stays one of CUSTOMER_TURN (a declined estimate: the desk
   * now sends the unit back), so the resolution clock resumes.
   */
  desksTurn?: boolean;
  /** A staff step visible to the customer stops the first-response clock. */
  respondsToCustomer?: boolean;
  /** Email the customer about the new status (default). The customer's own steps do not: they know. */
  notify?: boolean;
  audit: {
    action:
      "repair.updated" | "repair.cancelled" | "repair.estimate_decided" | "repair.rated" | "repair.rating_withdrawn" | "repair.info_added";
    subjectId: string;
  };
};

/**
 * States where the customer has the next move (answer a question, decide on an estimate): the
 * resolution clock stops while a ticket is in one, so the desk is not measured on the customer's time.
 */
export const CUSTOMER_TURN: readonly RepairStatus[] = ["WAITING_FOR_CUSTOMER", "ESTIMATE_SENT"];
const customersTurn = (status: RepairStatus) => CUSTOMER_TURN.includes(status);

export async function applyStep(step: Step): Promise<void> {
  const now = new Date();
  const current = await db.repairTicket.findUnique({
    where: { id: step.ticketId },
    select: {
      status: true,
      priority: true,
      createdAt: true,
      pausedAt: true,
      resolutionDueAt: true,
      firstResponseDueAt: true,
      firstRespondedAt: true,
      slaNotified: true,
    },
  });
  if (!current) throw new AppError("NOT_FOUND");
  if (current.status !== step.from) throw new AppError("CONFLICT", { messageKey: "repairs.changedMeanwhile" });

  const data: Prisma.RepairTicketUpdateManyMutationInput = { ...step.data };
  if (step.to && step.to !== step.from) data.status = step.to;
  if (step.respondsToCustomer && !current.firstRespondedAt) data.firstRespondedAt = now;
  // The customer's turn pauses the resolution clock; the desk's turn resumes it with the waited time added.
  const waiting = step.to !== undefined && customersTurn(step.to) && !step.desksTurn;
  if (waiting && !current.pausedAt) data.pausedAt = now;
  // Resolution notices that no longer hold with the later deadline, so the SLA check may send them again.
  let stale: string[] = [];
  if (step.to && !waiting && current.pausedAt) {
    const desk = await loadDesk();
    const dueAt = resumedDueAt(desk.calendar, current.resolutionDueAt, current.pausedAt, now);
    data.resolutionDueAt = dueAt;
    data.pausedAt = null;
    const state = slaClocks(desk.calendar, desk.targets, { ...current, resolutionDueAt: dueAt, pausedAt: null, closedAt: null }, now)
      .resolution.state;
    stale = state === "running" ? ["resolution:warning", "resolution:breach"] : state === "warning" ? ["resolution:breach"] : [];
  }
  if (step.to === "COMPLETED" || step.to === "CANCELLED") data.closedAt = now;

  await db.$transaction(async (tx) => {
    const moved = await tx.repairTicket.updateMany({ where: { id: step.ticketId, status: step.from }, data });
    if (moved.count === 0) throw new AppError("CONFLICT", { messageKey: "repairs.changedMeanwhile" });
    // In SQL, not from the row read above: the SLA check may have added a notice since.
    if (stale.length > 0) {
      await tx.$executeRaw`UPDATE "RepairTicket" SET "slaNotified" = array(SELECT sent FROM unnest("slaNotified") sent WHERE sent <> ALL(${stale}::text[]))
        WHERE id = ${step.ticketId}`;
    }
    await tx.repairEvent.create({
      data: {
        ticketId: step.ticketId,
        at: now,
        actorId: step.actorId,
        kind: step.kind,
        fromStatus: step.to && step.to !== step.from ? step.from : null,
        toStatus: step.to && step.to !== step.from ? step.to : null,
        message: step.message ?? null,
        details: step.details,
      },
    });
    await step.also?.(tx);
  });
  await recordAudit({
    action: step.audit.action,
    outcome: "SUCCESS",
    actorId: step.actorId,
    targetType: "RepairTicket",
    targetId: step.ticketId,
    subjectIds: [step.audit.subjectId],
    details: { kind: step.kind, from: step.from, ...(step.to ? { to: step.to } : {}) },
  });
  if (step.to && step.to !== step.from && step.notify !== false) await notifyCustomer(step.ticketId, step.to);
}

/** Timeline kinds the customer sees (assignment and other desk housekeeping stay in the audit log). */
export const CUSTOMER_EVENT_KINDS = [
  "created",
  "status",
  "info_requested",
  "info_added",
  "estimate_sent",
  "estimate_approved",
  "estimate_declined",
  "photo_added",
  "cancelled",
  "rated",
  "rating_withdrawn",
  // The shop's steps of a drop-off (issue 13, lib/dealers/repairs.ts).
  "dealer_received",
  "dealer_sent",
  "dealer_back",
  "dealer_returned",
] as const;

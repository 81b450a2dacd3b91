import "server-only";
import { clawBackCause, earnForRepairRating } from "@/lib/points/earning";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { customerCanCancel } from "./status";
import { applyStep } from "./workflow";

/**
 * What a customer does on their own ticket: answer a request for information, approve or decline
 * an estimate, cancel before diagnosis, rate the finished repair. The ticket is looked up with the
 * customer in the query, so another customer's id is not found.
 */
async function ownTicket(customerId: string, ticketId: string) {
  const ticket = await db.repairTicket.findFirst({
    where: { id: ticketId, customerId },
    select: { id: true, status: true, resumeStatus: true, rating: true },
  });
  if (!ticket) throw new AppError("NOT_FOUND");
  return ticket;
}

export async function addInformation(
  customerId: string,
  input: { ticketId: string; message: string; photoFileIds: string[] },
): Promise<void> {
  const ticket = await ownTicket(customerId, input.ticketId);
  if (ticket.status !== "WAITING_FOR_CUSTOMER") throw new AppError("CONFLICT", { messageKey: "repairs.notWaiting" });
  const photos = await db.storedFile.findMany({
    where: { id: { in: input.photoFileIds }, ownerId: customerId, purpose: "repair_photo", deletedAt: null, repairPhoto: null },
    select: { id: true },
  });
  if (photos.length !== input.photoFileIds.length) throw new AppError("VALIDATION", { cause: { photoFileIds: "repairs.photoInvalid" } });
  const count = await db.repairPhoto.count({ where: { ticketId: ticket.id, addedBy: "customer" } });
  if (count + photos.length > 20) throw new AppError("VALIDATION", { cause: { photoFileIds: "repairs.tooManyPhotos" } });
  await applyStep({
    ticketId: ticket.id,
    actorId: customerId,
    from: "WAITING_FOR_CUSTOMER",
    to: ticket.resumeStatus ?? "DIAGNOSING",
    kind: "info_added",
    notify: false,
    message: input.message || null,
    details: { photos: photos.length },
    data: { resumeStatus: null },
    also: async (tx) => {
      if (photos.length)
        await tx.repairPhoto.createMany({ data: photos.map((photo) => ({ ticketId: ticket.id, fileId: photo.id, addedBy: "customer" })) });
    },
    audit: { action: "repair.info_added", subjectId: customerId },
  });
}

export async function decideEstimate(
  customerId: string,
  input: { ticketId: string; estimateId: string; decision: "approve" | "decline" },
): Promise<void> {
  const ticket = await ownTicket(customerId, input.ticketId);
  const estimate = await db.repairEstimate.findFirst({
    where: { id: input.estimateId, ticketId: ticket.id },
    select: { id: true, status: true },
  });
  if (!estimate) throw new AppError("NOT_FOUND");
  if (ticket.status !== "ESTIMATE_SENT" || estimate.status !== "SENT")
    throw new AppError("CONFLICT", { messageKey: "repairs.estimateNotOpen" });
  const approve = input.decision === "approve";
  await applyStep({
    ticketId: ticket.id,
    actorId: customerId,
    from: "ESTIMATE_SENT",
    // A declined estimate waits for staff to send the unit back unrepaired.
    to: approve ? "REPAIRING" : "ESTIMATE_SENT",
    kind: approve ? "estimate_approved" : "estimate_declined",
    // After a decline the unit goes back unrepaired: the desk's turn, so the resolution clock runs again.
    desksTurn: !approve,
    details: { estimateId: estimate.id },
    also: async (tx) => {
      const decided = await tx.repairEstimate.updateMany({
        where: { id: estimate.id, status: "SENT" },
        data: { status: approve ? "APPROVED" : "DECLINED", decidedAt: new Date() },
      });
      if (decided.count === 0) throw new AppError("CONFLICT", { messageKey: "repairs.estimateNotOpen" });
    },
    audit: { action: "repair.estimate_decided", subjectId: customerId },
  });
}

export async function cancelOwnRequest(customerId: string, ticketId: string): Promise<void> {
  const ticket = await ownTicket(customerId, ticketId);
  if (!customerCanCancel(ticket.status)) throw new AppError("CONFLICT", { messageKey: "repairs.tooLateToCancel" });
  await applyStep({
    ticketId: ticket.id,
    actorId: customerId,
    from: ticket.status,
    to: "CANCELLED",
    kind: "cancelled",
    details: { by: "customer" },
    notify: false,
    audit: { action: "repair.cancelled", subjectId: customerId },
  });
}

export async function rateRepair(customerId: string, input: { ticketId: string; rating: number; comment: string }): Promise<void> {
  const ticket = await ownTicket(customerId, input.ticketId);
  if (ticket.status !== "COMPLETED") throw new AppError("CONFLICT", { messageKey: "repairs.notCompleted" });
  if (ticket.rating !== null) throw new AppError("CONFLICT", { messageKey: "repairs.alreadyRated" });
  await applyStep({
    ticketId: ticket.id,
    actorId: customerId,
    from: "COMPLETED",
    kind: "rated",
    message: input.comment || null,
    details: { rating: input.rating },
    // Only an unrated ticket takes a rating, even when two tabs send one at once.
    also: async (tx) => {
      const rated = await tx.repairTicket.updateMany({
        where: { id: ticket.id, rating: null },
        data: { rating: input.rating, ratingComment: input.comment || null, ratedAt: new Date() },
      });
      if (rated.count === 0) throw new AppError("CONFLICT", { messageKey: "repairs.alreadyRated" });
      // Points for the rating (issue 12), once per ticket even if it is withdrawn and given again.
      await earnForRepairRating(tx, { userId: customerId, ticketId: ticket.id });
    },
    audit: { action: "repair.rated", subjectId: customerId },
  });
}

/** The customer takes their rating back; the points it earned are clawed back (into a debt if spent). */
export async function withdrawRating(customerId: string, ticketId: string): Promise<void> {
  const ticket = await ownTicket(customerId, ticketId);
  if (ticket.rating === null) throw new AppError("CONFLICT", { messageKey: "repairs.notRated" });
  await applyStep({
    ticketId: ticket.id,
    actorId: customerId,
    from: "COMPLETED",
    kind: "rating_withdrawn",
    also: async (tx) => {
      const withdrawn = await tx.repairTicket.updateMany({
        where: { id: ticket.id, rating: { not: null } },
        data: { rating: null, ratingComment: null, ratedAt: null },
      });
      if (withdrawn.count === 0) throw new AppError("CONFLICT", { messageKey: "repairs.notRated" });
      await clawBackCause(tx, { kinds: ["repair_rating"], id: ticket.id }, "rating_withdrawn");
    },
    audit: { action: "repair.rating_withdrawn", subjectId: customerId },
  });
}

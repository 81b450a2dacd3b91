/**
 * The repair ticket's states and the moves between them, as data (conventions: Tables drive
 * repeated structure). Pure: the desk's buttons, the customer's timeline and the server's checks
 * read the same table, so a button is never offered for a move the server would refuse.
 *
 *   RECEIVED → DIAGNOSING → (ESTIMATE_SENT → approved) → REPAIRING → SHIPPED_BACK → COMPLETED
 *   any open state ⇄ WAITING_FOR_CUSTOMER (staff ask; the customer's answer returns it)
 *   RECEIVED → CANCELLED by the customer; any open state → CANCELLED by staff with a reason
 */
import type { RepairCoverage, RepairStatus } from "@/lib/generated/prisma/enums";

export const REPAIR_STATUSES = [
  "RECEIVED",
  "DIAGNOSING",
  "WAITING_FOR_CUSTOMER",
  "ESTIMATE_SENT",
  "REPAIRING",
  "SHIPPED_BACK",
  "COMPLETED",
  "CANCELLED",
] as const satisfies readonly RepairStatus[];

export const CLOSED_STATUSES: readonly RepairStatus[] = ["COMPLETED", "CANCELLED"];
export const OPEN_STATUSES: readonly RepairStatus[] = REPAIR_STATUSES.filter((status) => !CLOSED_STATUSES.includes(status));

export function isOpen(status: RepairStatus): boolean {
  return !CLOSED_STATUSES.includes(status);
}

/**
 * Moves staff make with the status control. Asking the customer, sending an estimate and the
 * customer's decisions are their own actions (they carry a message or an amount), listed apart.
 */
const STAFF_MOVES: Readonly<Partial<Record<RepairStatus, readonly RepairStatus[]>>> = {
  RECEIVED: ["DIAGNOSING"],
  // Straight to repair only when the customer pays nothing (warranty, recall); a paid repair needs an approved estimate.
  DIAGNOSING: ["REPAIRING", "SHIPPED_BACK"],
  // A declined estimate: the unit goes back unrepaired.
  ESTIMATE_SENT: ["SHIPPED_BACK"],
  REPAIRING: ["SHIPPED_BACK"],
  SHIPPED_BACK: ["COMPLETED"],
};

export type MoveRefusal = "closed" | "notAllowed" | "needsEstimate" | "estimatePending";

/** Whether staff may move a ticket from `from` to `to` with the status control; the reason when not. */
export function staffMoveRefusal(
  ticket: { status: RepairStatus; coverage: RepairCoverage; estimateApproved: boolean; estimateDeclined: boolean },
  to: RepairStatus,
): MoveRefusal | null {
  if (!isOpen(ticket.status)) return "closed";
  if (!(STAFF_MOVES[ticket.status] ?? []).includes(to)) return "notAllowed";
  if (to === "REPAIRING" && ticket.coverage === "PAID" && !ticket.estimateApproved) return "needsEstimate";
  if (ticket.status === "ESTIMATE_SENT" && to === "SHIPPED_BACK" && !ticket.estimateDeclined) return "estimatePending";
  return null;
}

/** The moves the status control offers for a ticket (the same rule as the server's check). */
export function staffMovesFor(ticket: Parameters<typeof staffMoveRefusal>[0]): RepairStatus[] {
  return REPAIR_STATUSES.filter((to) => staffMoveRefusal(ticket, to) === null);
}

/** Staff may ask the customer for information while the unit is with them and nothing is pending. */
export function canAskCustomer(status: RepairStatus): boolean {
  return status === "RECEIVED" || status === "DIAGNOSING" || status === "REPAIRING";
}

/** An estimate is sent after diagnosis (or again, replacing one the customer has not answered). */
export function canSendEstimate(status: RepairStatus): boolean {
  return status === "DIAGNOSING" || status === "ESTIMATE_SENT";
}

/** Customers cancel only before diagnosis starts; staff cancel any open ticket, with a reason. */
export function customerCanCancel(status: RepairStatus): boolean {
  return status === "RECEIVED";
}

export function staffCanCancel(status: RepairStatus): boolean {
  return isOpen(status);
}

/** The customer's steps in order, for the progress bar on the request page (waiting and cancelled are shown apart). */
export const CUSTOMER_STEPS: readonly RepairStatus[] = [
  "RECEIVED",
  "DIAGNOSING",
  "ESTIMATE_SENT",
  "REPAIRING",
  "SHIPPED_BACK",
  "COMPLETED",
];

/** Steps the customer acts on or waits for get an email (issue 10: "the steps a customer acts on or waits for"). */
export const EMAILED_STATUSES: readonly RepairStatus[] = [
  "RECEIVED",
  "WAITING_FOR_CUSTOMER",
  "ESTIMATE_SENT",
  "SHIPPED_BACK",
  "COMPLETED",
  "CANCELLED",
];

/**
 * SLA clocks of a repair ticket (pure). Each ticket has two: the first response (an agent's first
 * move or message) and the resolution (completed or cancelled). Targets are business minutes per
 * priority (DeskSettings); the resolution clock pauses while the ticket waits for the customer.
 */
import type { RepairPriority } from "@/lib/generated/prisma/enums";
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from "./business-hours";

export const PRIORITIES = ["NORMAL", "HIGH", "URGENT"] as const satisfies readonly RepairPriority[];

export type SlaTargets = {
  /** Business minutes per priority, in PRIORITIES order. */
  firstResponseMinutes: readonly number[];
  resolutionMinutes: readonly number[];
  /** Warn once this share of a clock has run (percent). */
  warnAtPercent: number;
};

export function targetMinutes(targets: SlaTargets, clock: "firstResponse" | "resolution", priority: RepairPriority): number {
  const list = clock === "firstResponse" ? targets.firstResponseMinutes : targets.resolutionMinutes;
  return list[PRIORITIES.indexOf(priority)] ?? list[0]!;
}

export function dueDates(calendar: BusinessCalendar, targets: SlaTargets, priority: RepairPriority, start: Date) {
  return {
    firstResponseDueAt: addBusinessMinutes(calendar, start, targetMinutes(targets, "firstResponse", priority)),
    resolutionDueAt: addBusinessMinutes(calendar, start, targetMinutes(targets, "resolution", priority)),
  };
}

/**
 * The resolution deadline after a pause: the business minutes spent waiting for the customer are
 * added, so a customer who takes three days to answer does not breach the desk's clock.
 */
export function resumedDueAt(calendar: BusinessCalendar, dueAt: Date, pausedAt: Date, resumedAt: Date): Date {
  const paused = businessMinutesBetween(calendar, pausedAt, resumedAt);
  return paused === 0 ? dueAt : addBusinessMinutes(calendar, dueAt, paused);
}

export type ClockState = "met" | "missed" | "running" | "warning" | "breached" | "paused";

export type Clock = {
  state: ClockState;
  dueAt: Date;
  /** Business minutes left (negative when overdue); null once stopped. */
  minutesLeft: number | null;
};

type TicketClocks = {
  createdAt: Date;
  priority: RepairPriority;
  firstResponseDueAt: Date;
  firstRespondedAt: Date | null;
  resolutionDueAt: Date;
  closedAt: Date | null;
  pausedAt: Date | null;
};

function runningState(calendar: BusinessCalendar, targets: SlaTargets, total: number, dueAt: Date, now: Date): Clock {
  if (now >= dueAt) return { state: "breached", dueAt, minutesLeft: -businessMinutesBetween(calendar, dueAt, now) };
  const left = businessMinutesBetween(calendar, now, dueAt);
  const used = total - left;
  return { state: total > 0 && (used * 100) / total >= targets.warnAtPercent ? "warning" : "running", dueAt, minutesLeft: left };
}

export function slaClocks(
  calendar: BusinessCalendar,
  targets: SlaTargets,
  ticket: TicketClocks,
  now: Date,
): { firstResponse: Clock; resolution: Clock } {
  const firstResponse: Clock = ticket.firstRespondedAt
    ? {
        state: ticket.firstRespondedAt <= ticket.firstResponseDueAt ? "met" : "missed",
        dueAt: ticket.firstResponseDueAt,
        minutesLeft: null,
      }
    : runningState(calendar, targets, targetMinutes(targets, "firstResponse", ticket.priority), ticket.firstResponseDueAt, now);

  let resolution: Clock;
  if (ticket.closedAt) {
    resolution = { state: ticket.closedAt <= ticket.resolutionDueAt ? "met" : "missed", dueAt: ticket.resolutionDueAt, minutesLeft: null };
  } else if (ticket.pausedAt && ticket.resolutionDueAt <= ticket.pausedAt) {
    // Already overdue when the customer's turn began: the pause freezes it but does not hide it.
    const overdue = businessMinutesBetween(calendar, ticket.resolutionDueAt, ticket.pausedAt);
    resolution = { state: "breached", dueAt: ticket.resolutionDueAt, minutesLeft: -overdue };
  } else if (ticket.pausedAt) {
    // Shown with the deadline it would have if the customer answered now.
    const dueAt = resumedDueAt(calendar, ticket.resolutionDueAt, ticket.pausedAt, now);
    resolution = { state: "paused", dueAt, minutesLeft: businessMinutesBetween(calendar, now, dueAt) };
  } else {
    resolution = runningState(calendar, targets, targetMinutes(targets, "resolution", ticket.priority), ticket.resolutionDueAt, now);
  }
  return { firstResponse, resolution };
}

import "server-only";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { portalUrl } from "@/lib/email/send";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import { loadDesk } from "./desk-settings";
import { slaClocks, type ClockState } from "./sla";

/**
 * The scheduled SLA check (queue `repairs.sla-check`, every five minutes): for each open ticket
 * whose first-response or resolution clock has entered its warning or breach, email the assignee
 * (or, with nobody assigned, the leads) once, and the leads too on a breach. `slaNotified` on the
 * ticket remembers what was sent ("firstResponse:warning" …), so every tick sends only what is new.
 */
const LOOKAHEAD_MS = 14 * 86_400_000;

export async function checkSla(now: Date = new Date()): Promise<number> {
  const desk = await loadDesk();
  const soon = new Date(now.getTime() + LOOKAHEAD_MS);
  // Candidates through the partial indexes on open tickets: a clock due within two weeks (a warning
  // comes before the deadline) that has not had both of its notices yet.
  const tickets = await db.repairTicket.findMany({
    where: {
      closedAt: null,
      // Each clock on its own: a clock whose breach was sent is done, so old overdue tickets never
      // crowd newer ones out of the batch.
      OR: [
        { firstRespondedAt: null, firstResponseDueAt: { lt: soon }, NOT: { slaNotified: { has: "firstResponse:breach" } } },
        { pausedAt: null, resolutionDueAt: { lt: soon }, NOT: { slaNotified: { has: "resolution:breach" } } },
      ],
    },
    select: {
      id: true,
      number: true,
      createdAt: true,
      priority: true,
      firstResponseDueAt: true,
      firstRespondedAt: true,
      resolutionDueAt: true,
      pausedAt: true,
      closedAt: true,
      slaNotified: true,
      assignee: { select: { email: true, locale: true } },
    },
    orderBy: { resolutionDueAt: "asc" },
    take: 500,
  });
  if (tickets.length === 0) return 0;
  const leads = (
    await db.user.findMany({
      where: { role: { in: ["SUPPORT_LEAD", "ADMIN"] }, disabledAt: null },
      select: { id: true, role: true, dealerId: true, email: true, locale: true },
    })
  ).filter((user) => can(user, "repairs.dashboard"));
  let sent = 0;
  for (const ticket of tickets) {
    const clocks = slaClocks(desk.calendar, desk.targets, ticket, now);
    for (const clock of ["firstResponse", "resolution"] as const) {
      const state: ClockState = clocks[clock].state;
      const level = state === "breached" ? "breach" : state === "warning" ? "warning" : null;
      if (!level) continue;
      // A breach first seen now also counts as its warning, so it is not sent later as old news.
      const due = (level === "breach" ? [`${clock}:warning`, `${clock}:breach`] : [`${clock}:warning`]).filter(
        (key) => !ticket.slaNotified.includes(key),
      );
      if (due.length === 0) continue;
      // Claimed before sending: of two workers on one tick, only the one whose update wins sends.
      const claimed = await db.repairTicket.updateMany({
        where: { id: ticket.id, NOT: { slaNotified: { hasSome: due } } },
        data: { slaNotified: { push: due } },
      });
      if (claimed.count === 0) continue;
      ticket.slaNotified.push(...due);
      const recipients = new Map<string, string>();
      if (ticket.assignee) recipients.set(ticket.assignee.email, ticket.assignee.locale);
      if (!ticket.assignee || level === "breach") for (const lead of leads) recipients.set(lead.email, lead.locale);
      for (const [to, locale] of recipients) {
        await enqueueEmail({
          to,
          locale,
          template: { name: "slaAlert", number: ticket.number, clock, level, url: portalUrl(locale, `/admin/repairs/${ticket.id}`) },
        });
        sent++;
      }
    }
  }
  return sent;
}

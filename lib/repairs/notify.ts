import "server-only";
import { db } from "@/lib/db";
import { portalUrl } from "@/lib/email/send";
import type { RepairStatus } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import { logger } from "@/lib/log";
import { EMAILED_STATUSES } from "./status";

/**
 * Email the customer about a step they act on or wait for (lib/repairs/status.ts EMAILED_STATUSES),
 * in their language, as a job. The email says what happened and links to the request; it never
 * carries internal notes or staff's free text beyond what the timeline shows the customer.
 */
export async function notifyCustomer(ticketId: string, status: RepairStatus): Promise<void> {
  if (!EMAILED_STATUSES.includes(status)) return;
  const ticket = await db.repairTicket.findUnique({
    where: { id: ticketId },
    select: { number: true, customer: { select: { email: true, locale: true } } },
  });
  if (!ticket) return;
  try {
    await enqueueEmail({
      to: ticket.customer.email,
      locale: ticket.customer.locale,
      template: {
        name: "repairUpdate",
        number: ticket.number,
        status,
        url: portalUrl(ticket.customer.locale, `/mypage/repairs/${ticketId}`),
      },
    });
  } catch (error) {
    // The step itself is saved and shown on My Page; a lost email must not undo it.
    logger.error({ err: error, ticketId, status }, "repair email was not queued");
  }
}

import "server-only";
import { db } from "@/lib/db";
import { portalUrl } from "@/lib/email/send";
import { enqueue, enqueueEmail } from "@/lib/jobs/enqueue";
import { CHAT_UNREAD_EMAIL_QUEUE } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";
import { emailAllowed } from "@/lib/notifications/choices";

/**
 * "Support replied" emails (issue 11). A staff message schedules a check after a quiet period; the
 * queue keeps at most one waiting check per conversation (singletonKey), and a check that finds a
 * newer reply waits again until the conversation has been quiet for the whole period, so a burst
 * of replies makes one email, about all of them. The check mails the customer only if staff messages are still unread, were not
 * mailed before (`customerEmailedSeq`), and the customer has not switched these emails off.
 */
export const CHAT_EMAIL_QUIET_SECONDS = 10 * 60;
const EXCERPT_LENGTH = 300;

/** Where a customer reads a conversation: its repair request's page, or the inquiry's own. */
export function chatPathFor(conversation: { id: string; ticketId: string | null }): string {
  return conversation.ticketId ? `/mypage/repairs/${conversation.ticketId}#chat` : `/mypage/inquiries/${conversation.id}`;
}

export async function scheduleUnreadEmail(conversationId: string): Promise<void> {
  try {
    await enqueue(CHAT_UNREAD_EMAIL_QUEUE, { conversationId }, { singletonKey: conversationId, startAfter: CHAT_EMAIL_QUIET_SECONDS });
  } catch (error) {
    // The message is stored and shown live; a lost reminder must not fail the send.
    logger.error({ err: error, conversationId }, "chat email check was not queued");
  }
}

export async function emailUnreadReplies({ conversationId }: { conversationId: string }): Promise<void> {
  const conversation = await db.conversation.findUnique({
    where: { id: conversationId },
    select: {
      id: true,
      subject: true,
      lastSeq: true,
      customerReadSeq: true,
      customerEmailedSeq: true,
      ticketId: true,
      customer: { select: { id: true, email: true, locale: true } },
    },
  });
  if (!conversation) return;
  const after = Math.max(conversation.customerReadSeq, conversation.customerEmailedSeq);
  const unread = await db.chatMessage.findMany({
    where: { conversationId, side: "STAFF", seq: { gt: after } },
    select: { seq: true, body: true, fileId: true, createdAt: true },
    orderBy: { seq: "asc" },
  });
  if (unread.length === 0) return;
  const last = unread[unread.length - 1]!;
  // A reply came in the meantime: wait until the conversation has been quiet for the whole period.
  const quietFor = (Date.now() - last.createdAt.getTime()) / 1000;
  if (quietFor < CHAT_EMAIL_QUIET_SECONDS - 5) {
    await enqueue(
      CHAT_UNREAD_EMAIL_QUEUE,
      { conversationId },
      { singletonKey: conversationId, startAfter: Math.ceil(CHAT_EMAIL_QUIET_SECONDS - quietFor) },
    );
    return;
  }
  // Claimed first, so a retried job (or a second worker) does not mail the same messages twice.
  const claimed = await db.conversation.updateMany({
    where: { id: conversationId, customerEmailedSeq: conversation.customerEmailedSeq, customerReadSeq: { lt: last.seq } },
    data: { customerEmailedSeq: last.seq },
  });
  if (claimed.count === 0 || !(await emailAllowed(conversation.customer.id, "chat_reply"))) return;
  const text = last.body.length > EXCERPT_LENGTH ? `${last.body.slice(0, EXCERPT_LENGTH)}…` : last.body;
  try {
    await enqueueEmail({
      to: conversation.customer.email,
      locale: conversation.customer.locale,
      template: {
        name: "chatUnread",
        subject: conversation.subject,
        count: String(unread.length),
        excerpt: text,
        hasText: text ? "yes" : "no",
        url: portalUrl(conversation.customer.locale, chatPathFor(conversation)),
      },
    });
  } catch (error) {
    // Not queued: give the claim back, so the job's retry sends it.
    await db.conversation.updateMany({
      where: { id: conversationId, customerEmailedSeq: last.seq },
      data: { customerEmailedSeq: conversation.customerEmailedSeq },
    });
    throw error;
  }
}

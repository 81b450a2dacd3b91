import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { can, type Actor } from "@/lib/auth/permissions";
import { dealerMessageWhereFor, recallNoticeWhereFor } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { portalUrl } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import { logger } from "@/lib/log";
import { contactsForDealer } from "./masking";
import { MESSAGE_INTERVAL_DAYS } from "./schemas";

/**
 * Recall follow-up for the units a dealer sold (issue 13): per recall, how many owners were told,
 * have read and have completed it, and a masked list of those who have not, whom the dealer can
 * contact through the portal (a message by email and on My Page; the dealer never sees the
 * address). Notices follow their unit, so the notice's user is the unit's current owner.
 */
/** The notices held by their unit's current owner: one who unregistered keeps theirs, and no dealer reads it. */
function currentOwnersOnly<T extends { userId: string; unit: { ownerships: { userId: string }[] } }>(notices: T[]): T[] {
  return notices.filter((notice) => notice.unit.ownerships.some((ownership) => ownership.userId === notice.userId));
}

const CURRENT_OWNER = { ownerships: { where: { endedAt: null }, select: { userId: true } } } as const;

export type RecallProgress = {
  campaignId: string;
  code: string;
  titleJa: string;
  titleEn: string;
  notified: number;
  read: number;
  completed: number;
};

export async function dealerRecalls(actor: Actor): Promise<RecallProgress[]> {
  if (!can(actor, "dealer.recalls")) return [];
  const notices = currentOwnersOnly(
    await db.recallNotice.findMany({
      where: { AND: [recallNoticeWhereFor(actor), { campaign: { status: { in: ["PUBLISHED", "CLOSED"] } } }] },
      select: {
        userId: true,
        acknowledgedAt: true,
        completedAt: true,
        unit: { select: CURRENT_OWNER },
        campaign: { select: { id: true, code: true, titleJa: true, titleEn: true } },
      },
    }),
  );
  const byCampaign = new Map<string, RecallProgress>();
  for (const notice of notices) {
    const { campaign } = notice;
    const row = byCampaign.get(campaign.id) ?? {
      campaignId: campaign.id,
      code: campaign.code,
      titleJa: campaign.titleJa,
      titleEn: campaign.titleEn,
      notified: 0,
      read: 0,
      completed: 0,
    };
    row.notified++;
    if (notice.acknowledgedAt || notice.completedAt) row.read++;
    if (notice.completedAt) row.completed++;
    byCampaign.set(campaign.id, row);
  }
  return [...byCampaign.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** One recall for the dealer: progress and the owners who have not completed it (masked). Null (404) without any of its units. */
export async function dealerRecall(actor: Actor, campaignId: string) {
  const progress = (await dealerRecalls(actor)).find((row) => row.campaignId === campaignId);
  if (!progress) return null;
  const pending = currentOwnersOnly(
    await db.recallNotice.findMany({
      where: { AND: [recallNoticeWhereFor(actor), { campaignId, completedAt: null }] },
      orderBy: { notifiedAt: "asc" },
      take: 500,
      select: {
        id: true,
        userId: true,
        notifiedAt: true,
        acknowledgedAt: true,
        unit: { select: { serial: true, ...CURRENT_OWNER } },
        user: { select: { id: true, name: true, email: true, phone: true, prefecture: true } },
      },
    }),
  );
  const contacts = await contactsForDealer(
    actor,
    pending.map((notice) => notice.user),
    { targetType: "RecallCampaign", targetId: campaignId, view: "dealer_recall" },
  );
  const messages = await db.dealerMessage.findMany({
    where: { dealerId: actor.dealerId ?? "", campaignId },
    select: { userId: true, sentAt: true, readAt: true },
    orderBy: { sentAt: "desc" },
  });
  const lastMessage = new Map<string, { sentAt: Date; readAt: Date | null }>();
  for (const message of messages) if (!lastMessage.has(message.userId)) lastMessage.set(message.userId, message);
  return {
    progress,
    pending: pending.map((notice, index) => ({
      noticeId: notice.id,
      serial: notice.unit.serial,
      notifiedAt: notice.notifiedAt,
      read: notice.acknowledgedAt !== null,
      contact: contacts[index]!,
      lastMessage: lastMessage.get(notice.user.id) ?? null,
    })),
  };
}

/**
 * Send the dealer's message to the owners of the chosen notices (or of all not completed), once per
 * submission and owner: a double click or a retry sends nothing twice, and queues an email that a
 * failure left unqueued. An owner this dealer wrote to about this recall in the last week is
 * skipped. Each owner gets it on My Page and by email, in their language, with the dealer's name;
 * the dealer never sees the address.
 */
export async function sendRecallMessage(
  actor: Actor,
  input: { campaignId: string; noticeIds: string[] | "all"; body: string; idempotencyKey: string },
  now: Date = new Date(),
): Promise<{ sent: number; skipped: number }> {
  if (!can(actor, "dealer.recalls") || !actor.dealerId) throw new AppError("NOT_FOUND");
  const dealerId = actor.dealerId;
  const notices = currentOwnersOnly(
    await db.recallNotice.findMany({
      where: {
        AND: [
          recallNoticeWhereFor(actor),
          { campaignId: input.campaignId, completedAt: null },
          input.noticeIds === "all" ? {} : { id: { in: input.noticeIds } },
        ],
      },
      select: { unitId: true, userId: true, unit: { select: CURRENT_OWNER }, user: { select: { email: true, locale: true } } },
    }),
  );
  if (notices.length === 0) throw new AppError("NOT_FOUND");
  const dealer = await db.dealer.findUniqueOrThrow({ where: { id: dealerId }, select: { name: true } });
  const recent = new Set(
    (
      await db.dealerMessage.findMany({
        where: {
          dealerId,
          campaignId: input.campaignId,
          idempotencyKey: { not: input.idempotencyKey },
          sentAt: { gt: new Date(now.getTime() - MESSAGE_INTERVAL_DAYS * 86_400_000) },
        },
        select: { userId: true },
      })
    ).map((message) => message.userId),
  );
  const sentTo: string[] = [];
  let skipped = 0;
  for (const notice of notices) {
    if (recent.has(notice.userId)) {
      skipped++;
      continue;
    }
    let message: { id: string; emailedAt: Date | null };
    try {
      message = await db.dealerMessage.create({
        data: {
          dealerId,
          campaignId: input.campaignId,
          unitId: notice.unitId,
          userId: notice.userId,
          body: input.body,
          sentById: actor.id,
          idempotencyKey: input.idempotencyKey,
          sentAt: now,
        },
        select: { id: true, emailedAt: true },
      });
      sentTo.push(notice.userId);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // This submission already reached this owner; its email may still be missing.
      message = await db.dealerMessage.findUniqueOrThrow({
        where: { idempotencyKey_userId: { idempotencyKey: input.idempotencyKey, userId: notice.userId } },
        select: { id: true, emailedAt: true },
      });
    }
    if (message.emailedAt) continue;
    // Claimed before queuing, so two retries at once queue one email.
    const claimed = await db.dealerMessage.updateMany({ where: { id: message.id, emailedAt: null }, data: { emailedAt: new Date() } });
    if (claimed.count === 0) continue;
    try {
      await enqueueEmail({
        to: notice.user.email,
        locale: notice.user.locale,
        template: {
          name: "dealerMessage",
          dealer: dealer.name,
          message: input.body,
          url: portalUrl(notice.user.locale, `/mypage/messages#${message.id}`),
        },
      });
    } catch (error) {
      // Given back, so a retry of the same submission queues it.
      await db.dealerMessage.update({ where: { id: message.id }, data: { emailedAt: null } });
      logger.error({ err: error, messageId: message.id }, "dealer message email was not queued");
    }
  }
  if (sentTo.length > 0) {
    await recordAudit({
      action: "dealer.message_sent",
      outcome: "SUCCESS",
      actorId: actor.id,
      targetType: "RecallCampaign",
      targetId: input.campaignId,
      subjectIds: sentTo,
      details: { dealerId, sent: sentTo.length, skipped },
    });
  }
  return { sent: sentTo.length, skipped };
}

/** A customer's messages from dealers, newest first; opening the page marks them read. */
export async function ownDealerMessages(actor: Actor) {
  if (!can(actor, "products.own")) return [];
  const messages = await db.dealerMessage.findMany({
    where: dealerMessageWhereFor(actor),
    orderBy: { sentAt: "desc" },
    take: 100,
    select: {
      id: true,
      body: true,
      sentAt: true,
      readAt: true,
      dealer: { select: { name: true } },
      unit: { select: { serial: true, model: { select: { nameJa: true, nameEn: true } } } },
      campaign: { select: { titleJa: true, titleEn: true } },
    },
  });
  await db.dealerMessage.updateMany({ where: { AND: [dealerMessageWhereFor(actor), { readAt: null }] }, data: { readAt: new Date() } });
  return messages;
}

export function unreadDealerMessages(actor: Actor): Promise<number> {
  return db.dealerMessage.count({ where: { AND: [dealerMessageWhereFor(actor), { readAt: null }] } });
}

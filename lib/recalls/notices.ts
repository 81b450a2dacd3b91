import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { ownershipWhereFor, recallNoticeWhereFor } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { portalUrl, sendEmail } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inLocale } from "@/lib/i18n/localized";
import { enqueue, enqueueMany } from "@/lib/jobs/enqueue";
import { RECALL_NOTICE_EMAIL_QUEUE } from "@/lib/jobs/queues";

/**
 * Recall notices reach the current owner of every affected unit: by email and on My Page. They are
 * safety notices, so they go out whatever the owner's marketing consent. A notice follows its
 * unit: when the unit changes hands before the fix, the new owner gets it.
 */

/** Which units a campaign covers: the model, narrowed by a serial range and/or a list of lots. */
export function affectedUnitsWhere(campaign: {
  modelId: string;
  serialFrom: string | null;
  serialTo: string | null;
  lots: string[];
}): Prisma.SerialUnitWhereInput {
  const range: Prisma.StringFilter = {};
  if (campaign.serialFrom) range.gte = campaign.serialFrom;
  if (campaign.serialTo) range.lte = campaign.serialTo;
  const narrowing: Prisma.SerialUnitWhereInput[] = [];
  if (campaign.serialFrom || campaign.serialTo) narrowing.push({ serial: range });
  if (campaign.lots.length > 0) narrowing.push({ lot: { in: campaign.lots } });
  return { modelId: campaign.modelId, ...(narrowing.length > 0 ? { OR: narrowing } : {}) };
}

/**
 * The job behind each notice email (queue `recall.notice-email`): sent to whoever holds the notice
 * now, in their language, and marked as emailed only once it went out. A failure fails the job,
 * which pg-boss retries; notices still unsent after that are counted as "unsent" on the campaign
 * page, and publishing again (the "send unsent" button) queues exactly those.
 */
export async function emailRecallNotice({ noticeId }: { noticeId: string }): Promise<void> {
  const notice = await db.recallNotice.findUnique({
    where: { id: noticeId },
    select: {
      id: true,
      emailSentAt: true,
      completedAt: true,
      campaign: { select: { titleJa: true, titleEn: true } },
      user: { select: { email: true, locale: true } },
    },
  });
  if (!notice || notice.emailSentAt || notice.completedAt) return;
  const { email, locale } = notice.user;
  await sendEmail({
    to: email,
    locale,
    template: {
      name: "recallNotice",
      title: inLocale(locale, { ja: notice.campaign.titleJa, en: notice.campaign.titleEn }),
      url: portalUrl(locale, `/mypage/recalls/${notice.id}`),
    },
  });
  await db.recallNotice.update({ where: { id: notice.id }, data: { emailSentAt: new Date() } });
}

function queueNoticeEmail(noticeId: string) {
  return enqueue(RECALL_NOTICE_EMAIL_QUEUE, { noticeId }, { singletonKey: noticeId });
}

/**
 * Give the unit's new owner the notices of published campaigns that cover it and are not yet
 * fixed, inside the transaction that starts the ownership (lib/ownership/lifecycle.ts). Returns
 * the notices to email once that transaction has committed (`emailRecallNotices`). Insert-or-skip
 * and a conditional update, so a campaign being published at the same moment cannot make the
 * ownership change fail on the (campaign, unit) unique index.
 */
export async function assignOpenRecallNotices(tx: Prisma.TransactionClient, unitId: string, userId: string): Promise<string[]> {
  const unit = await tx.serialUnit.findUnique({ where: { id: unitId }, select: { id: true, modelId: true } });
  if (!unit) return [];
  const campaigns = await tx.recallCampaign.findMany({ where: { status: "PUBLISHED", modelId: unit.modelId } });
  const noticeIds: string[] = [];
  for (const campaign of campaigns) {
    const covers = await tx.serialUnit.count({ where: { AND: [{ id: unit.id }, affectedUnitsWhere(campaign)] } });
    if (covers === 0) continue;
    const created = await tx.recallNotice.createMany({ data: [{ campaignId: campaign.id, unitId, userId }], skipDuplicates: true });
    // An existing notice follows the unit to its new owner, unless it is fixed or already theirs.
    const moved =
      created.count === 1
        ? 0
        : (
            await tx.recallNotice.updateMany({
              where: { campaignId: campaign.id, unitId, completedAt: null, userId: { not: userId } },
              data: { userId, notifiedAt: new Date(), acknowledgedAt: null, emailSentAt: null },
            })
          ).count;
    if (created.count + moved === 0) continue;
    const notice = await tx.recallNotice.findUniqueOrThrow({
      where: { campaignId_unitId: { campaignId: campaign.id, unitId } },
      select: { id: true },
    });
    noticeIds.push(notice.id);
  }
  return noticeIds;
}

/** Queue the emails of notices assigned by `assignOpenRecallNotices`, after the commit (one job per notice). */
export async function emailRecallNotices(noticeIds: string[]): Promise<void> {
  for (const noticeId of noticeIds) await queueNoticeEmail(noticeId);
}

/**
 * Notices for all current owners of a campaign's units (one bulk insert, so the request that
 * publishes stays short however many owners there are), and the ids of those whose email is still
 * to go out: new ones, and those that failed before. Sending is the fan-out job's work.
 */
export async function noticeCampaignOwners(campaignId: string): Promise<string[]> {
  const campaign = await db.recallCampaign.findUniqueOrThrow({ where: { id: campaignId } });
  const ownerships = await db.ownership.findMany({
    where: { endedAt: null, unit: affectedUnitsWhere(campaign) },
    select: { unitId: true, userId: true },
  });
  await db.recallNotice.createMany({
    data: ownerships.map((o) => ({ campaignId, unitId: o.unitId, userId: o.userId })),
    skipDuplicates: true,
  });
  const ownerOf = new Map(ownerships.map((o) => [o.unitId, o.userId]));
  const unsent = await db.recallNotice.findMany({
    where: { campaignId, emailSentAt: null, completedAt: null },
    select: { id: true, unitId: true, userId: true },
  });
  // A notice that stayed with an earlier owner (the unit moved on since) is not emailed again.
  return unsent.filter((notice) => ownerOf.get(notice.unitId) === notice.userId).map((notice) => notice.id);
}

/**
 * The fan-out job of a published campaign (queue `recall.notify-owners`): one email job per
 * owner, queued in batches from a worker, never in a request.
 */
export async function queueCampaignEmails(campaignId: string): Promise<void> {
  const noticeIds = await noticeCampaignOwners(campaignId);
  await enqueueMany(
    RECALL_NOTICE_EMAIL_QUEUE,
    noticeIds.map((noticeId) => ({ data: { noticeId }, singletonKey: noticeId })),
  );
}

export type OwnRecallNotice = {
  id: string;
  /** The campaign's code, for the customer to quote when contacting support. */
  code: string;
  unitId: string;
  /** The reader's current registration of the unit (the product page), null once it left them. */
  ownershipId: string | null;
  title: { ja: string; en: string };
  message: { ja: string; en: string };
  serial: string;
  model: { nameJa: string; nameEn: string };
  notifiedAt: Date;
  acknowledgedAt: Date | null;
  completedAt: Date | null;
};

function noticeSelect(actor: Actor) {
  return {
    id: true,
    unitId: true,
    notifiedAt: true,
    acknowledgedAt: true,
    completedAt: true,
    campaign: { select: { code: true, titleJa: true, titleEn: true, messageJa: true, messageEn: true } },
    unit: {
      select: {
        serial: true,
        model: { select: { nameJa: true, nameEn: true } },
        ownerships: { where: ownershipWhereFor(actor), select: { id: true } },
      },
    },
  } as const satisfies Prisma.RecallNoticeSelect;
}

function toOwnNotice(row: Prisma.RecallNoticeGetPayload<{ select: ReturnType<typeof noticeSelect> }>): OwnRecallNotice {
  return {
    id: row.id,
    code: row.campaign.code,
    unitId: row.unitId,
    ownershipId: row.unit.ownerships[0]?.id ?? null,
    title: { ja: row.campaign.titleJa, en: row.campaign.titleEn },
    message: { ja: row.campaign.messageJa, en: row.campaign.messageEn },
    serial: row.unit.serial,
    model: row.unit.model,
    notifiedAt: row.notifiedAt,
    acknowledgedAt: row.acknowledgedAt,
    completedAt: row.completedAt,
  };
}

/**
 * The user's own notices, newest first: for one unit, only those still waiting for the owner to
 * read them (`open`), or all not yet fixed (`unresolved`: My Page and the product cards flag them).
 * Another user's read as none.
 */
export async function listOwnRecallNotices(
  actor: Actor,
  filter: { unitId?: string; open?: boolean; unresolved?: boolean; userId?: string } = {},
): Promise<OwnRecallNotice[]> {
  const rows = await db.recallNotice.findMany({
    where: {
      AND: [
        recallNoticeWhereFor(actor),
        {
          ...(filter.unitId ? { unitId: filter.unitId } : {}),
          ...(filter.userId ? { userId: filter.userId } : {}),
          ...(filter.open ? { acknowledgedAt: null, completedAt: null } : {}),
          ...(filter.unresolved ? { completedAt: null } : {}),
        },
      ],
    },
    select: noticeSelect(actor),
    orderBy: { notifiedAt: "desc" },
  });
  return rows.map(toOwnNotice);
}

export async function getOwnRecallNotice(actor: Actor, noticeId: string): Promise<OwnRecallNotice | null> {
  const row = await db.recallNotice.findFirst({
    where: { AND: [recallNoticeWhereFor(actor), { id: noticeId }] },
    select: noticeSelect(actor),
  });
  return row ? toOwnNotice(row) : null;
}

/** "I have read this": counts toward the campaign's acknowledgement rate. Idempotent. */
export async function acknowledgeOwnRecallNotice(actor: Actor, noticeId: string): Promise<void> {
  const notice = await db.recallNotice.findFirst({
    where: { AND: [recallNoticeWhereFor(actor), { id: noticeId }] },
    select: { id: true, acknowledgedAt: true },
  });
  if (!notice) throw new AppError("NOT_FOUND");
  // A write keeps the owner in its where (conventions: Ownership lives in the query): staff who may read notices do not acknowledge them.
  if (!notice.acknowledgedAt)
    await db.recallNotice.updateMany({ where: { id: notice.id, userId: actor.id }, data: { acknowledgedAt: new Date() } });
}

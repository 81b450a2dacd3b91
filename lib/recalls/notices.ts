import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { ownershipWhereFor, recallNoticeWhereFor } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { portalUrl, sendEmail } from "@/lib/email/send";
import { logger } from "@/lib/log";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inLocale } from "@/lib/i18n/localized";

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

type Recipient = { userId: string; email: string; locale: string };

/**
 * Send now and mark the notice as emailed only once the mail went out. A failure is logged and the
 * notice stays unsent, so publishing again (the "send unsent" button) retries exactly those.
 */
async function emailNotice(recipient: Recipient, campaign: { titleJa: string; titleEn: string }, noticeId: string): Promise<boolean> {
  try {
    await sendEmail({
      to: recipient.email,
      locale: recipient.locale,
      template: {
        name: "recallNotice",
        title: inLocale(recipient.locale, { ja: campaign.titleJa, en: campaign.titleEn }),
        url: portalUrl(recipient.locale, `/mypage/recalls/${noticeId}`),
      },
    });
  } catch (error) {
    logger.error({ err: error, noticeId }, "recall email failed");
    return false;
  }
  await db.recallNotice.update({ where: { id: noticeId }, data: { emailSentAt: new Date() } });
  return true;
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

/** Email notices assigned by `assignOpenRecallNotices`, after the commit; each failure is logged and stays unsent. */
export async function emailRecallNotices(noticeIds: string[]): Promise<void> {
  if (noticeIds.length === 0) return;
  const notices = await db.recallNotice.findMany({
    where: { id: { in: noticeIds } },
    select: {
      id: true,
      user: { select: { id: true, email: true, locale: true } },
      campaign: { select: { titleJa: true, titleEn: true } },
    },
  });
  for (const notice of notices) {
    await emailNotice({ userId: notice.user.id, email: notice.user.email, locale: notice.user.locale }, notice.campaign, notice.id);
  }
}

/**
 * Notices for all current owners of a campaign's units (at publication), and another try for any
 * whose email did not go out before. Returns how many were emailed now.
 */
export async function noticeCampaignOwners(campaignId: string): Promise<number> {
  const campaign = await db.recallCampaign.findUniqueOrThrow({ where: { id: campaignId } });
  const ownerships = await db.ownership.findMany({
    where: { endedAt: null, unit: affectedUnitsWhere(campaign) },
    select: { unitId: true, user: { select: { id: true, email: true, locale: true } } },
  });
  let created = 0;
  for (const ownership of ownerships) {
    const notice = await db.recallNotice.upsert({
      where: { campaignId_unitId: { campaignId, unitId: ownership.unitId } },
      create: { campaignId, unitId: ownership.unitId, userId: ownership.user.id },
      update: {},
    });
    if (notice.emailSentAt || notice.userId !== ownership.user.id) continue;
    if (await emailNotice({ userId: ownership.user.id, email: ownership.user.email, locale: ownership.user.locale }, campaign, notice.id))
      created++;
  }
  return created;
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
  filter: { unitId?: string; open?: boolean; unresolved?: boolean } = {},
): Promise<OwnRecallNotice[]> {
  const rows = await db.recallNotice.findMany({
    where: {
      AND: [
        recallNoticeWhereFor(actor),
        {
          ...(filter.unitId ? { unitId: filter.unitId } : {}),
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
  if (!notice.acknowledgedAt) await db.recallNotice.update({ where: { id: notice.id }, data: { acknowledgedAt: new Date() } });
}

import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { noticeWhereFor } from "@/lib/auth/scopes";
import { db } from "@/lib/db";

/**
 * The My Page notices inbox (issue 15): campaign notices, recall notices (kept in step by a
 * database trigger) and survey invitations, newest first, with unread counts. Text comes from the
 * campaign, recall or survey itself. Opening a notice marks it read, which campaigns count.
 */
const include = {
  campaign: {
    select: {
      subjectJa: true,
      subjectEn: true,
      bodyJa: true,
      bodyEn: true,
      linkUrl: true,
      linkLabelJa: true,
      linkLabelEn: true,
      surveyId: true,
    },
  },
  recallNotice: { select: { id: true, acknowledgedAt: true, completedAt: true, campaign: { select: { titleJa: true, titleEn: true } } } },
  survey: { select: { id: true, titleJa: true, titleEn: true, introJa: true, introEn: true, status: true } },
} as const;

export const NOTICES_PAGE = 30;

export function listMyNotices(actor: Actor, options: { unreadOnly?: boolean } = {}) {
  return db.notice.findMany({
    where: { AND: [noticeWhereFor(actor), options.unreadOnly ? { readAt: null } : {}] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTICES_PAGE,
    include,
  });
}

export type InboxNotice = Awaited<ReturnType<typeof listMyNotices>>[number];

export function unreadNoticeCount(actor: Actor): Promise<number> {
  return db.notice.count({ where: { AND: [noticeWhereFor(actor), { readAt: null }] } });
}

/** One notice of the actor's (null for anyone else's), marked read the first time it is opened. */
export async function openNotice(actor: Actor, id: string): Promise<InboxNotice | null> {
  const notice = await db.notice.findFirst({ where: { AND: [noticeWhereFor(actor), { id }] }, include });
  if (!notice) return null;
  if (!notice.readAt) await db.notice.updateMany({ where: { id: notice.id, readAt: null }, data: { readAt: new Date() } });
  return notice;
}

/** Title of a notice in `locale`. */
export function noticeTitle(notice: InboxNotice, locale: string): string {
  const en = locale === "en";
  if (notice.campaign) return en ? notice.campaign.subjectEn : notice.campaign.subjectJa;
  if (notice.recallNotice) return en ? notice.recallNotice.campaign.titleEn : notice.recallNotice.campaign.titleJa;
  if (notice.survey) return en ? notice.survey.titleEn : notice.survey.titleJa;
  return "";
}

import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/log";
import { minimumOf, purposeName, purposesWithVersions } from "@/lib/consents/policies";
import { db } from "@/lib/db";
import { deliverEmail, portalUrl } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import { currentConsentSql } from "@/lib/segments/compile";
import { compileSegment } from "@/lib/segments/segments";
import { personalise, renderCampaignEmail, type RenderedCampaignEmail } from "./email";
import type { ZCampaignSchema } from "./schemas";

/**
 * Campaigns for admins (issue 15): drafts, who they would reach and who not (and why), the email
 * as customers will see it in both languages, and a test send to oneself. Sending: send.ts.
 */
export function listCampaigns() {
  return db.campaign.findMany({
    orderBy: { createdAt: "desc" },
    include: { segment: { select: { id: true, name: true } }, _count: { select: { notices: true } } },
  });
}

export function getCampaign(id: string) {
  return db.campaign.findUnique({
    where: { id },
    include: {
      segment: { select: { id: true, name: true, definition: true, archivedAt: true } },
      survey: { select: { id: true, titleJa: true, titleEn: true, status: true } },
    },
  });
}

export type Campaign = NonNullable<Awaited<ReturnType<typeof getCampaign>>>;

export async function saveCampaign(actorId: string, input: z.output<typeof ZCampaignSchema>): Promise<{ id: string }> {
  const [segment, purpose, survey] = await Promise.all([
    db.segment.findFirst({ where: { id: input.segmentId, archivedAt: null }, select: { id: true } }),
    db.consentPurpose.findFirst({ where: { id: input.purposeId, required: false, perDealer: false }, select: { id: true } }),
    // Only an open survey can be answered: a draft's invitation would lead nowhere.
    input.surveyId ? db.survey.findFirst({ where: { id: input.surveyId, status: "OPEN" }, select: { id: true } }) : null,
  ]);
  const errors: Record<string, string> = {};
  if (!segment) errors.segmentId = "campaigns.chooseSegment";
  if (!purpose) errors.purposeId = "validation.invalid";
  if (input.surveyId && !survey) errors.surveyId = "campaigns.surveyClosed";
  if (Object.keys(errors).length) throw new AppError("VALIDATION", { cause: errors });
  const data = {
    name: input.name,
    segmentId: input.segmentId,
    purposeId: input.purposeId,
    sendEmail: input.sendEmail,
    sendNotice: input.sendNotice,
    subjectJa: input.subjectJa,
    subjectEn: input.subjectEn,
    bodyJa: input.bodyJa,
    bodyEn: input.bodyEn,
    linkUrl: input.linkUrl || null,
    linkLabelJa: input.linkUrl ? input.linkLabelJa : null,
    linkLabelEn: input.linkUrl ? input.linkLabelEn : null,
    surveyId: input.surveyId || null,
  };
  let id = input.campaignId;
  if (id) {
    // Only a draft changes; once scheduled or sent, what went out stays as it was.
    const { count } = await db.campaign.updateMany({ where: { id, status: "DRAFT" }, data });
    if (count === 0) throw new AppError("CONFLICT", { messageKey: "campaigns.notDraft" });
  } else {
    ({ id } = await db.campaign.create({ data: { ...data, createdById: actorId }, select: { id: true } }));
  }
  await recordAudit({
    action: "campaign.saved",
    outcome: "SUCCESS",
    actorId,
    targetType: "Campaign",
    targetId: id,
    details: { name: input.name, segmentId: input.segmentId },
  });
  return { id };
}

/** The oldest publication of `purpose` a consent may be given to and still count. */
export async function consentMinimum(purpose: string): Promise<Date> {
  const found = (await purposesWithVersions()).find((candidate) => candidate.id === purpose);
  if (!found || found.versions.length === 0) throw new AppError("VALIDATION", { messageKey: "campaigns.purposeUnpublished" });
  return minimumOf(found).publishedAt;
}

export type Audience = {
  segment: number;
  /** In the segment, no current consent to the campaign's purpose: reached by nothing. */
  noConsent: number;
  /** Consent, but campaign emails turned off: My Page notice only (if the campaign sends one). */
  emailOff: number;
  email: number;
  notice: number;
};

/** Who the campaign reaches now, and who not and why, counted in SQL. */
export async function campaignAudience(campaign: Pick<Campaign, "purposeId" | "sendEmail" | "sendNotice" | "segment">): Promise<Audience> {
  const [where, minimum] = await Promise.all([compileSegment(campaign.segment.definition), consentMinimum(campaign.purposeId)]);
  const [row] = await db.$queryRaw<{ segment: bigint; no_consent: bigint; email_off: bigint }[]>`
    SELECT count(*) AS segment,
      count(*) FILTER (WHERE NOT x.consent) AS no_consent,
      count(*) FILTER (WHERE x.consent AND x.email_off) AS email_off
    FROM (
      SELECT ${currentConsentSql(Prisma.sql`u.id`, campaign.purposeId, minimum)} AS consent,
        EXISTS (SELECT 1 FROM "NotificationChoice" n WHERE n."userId" = u.id AND n.kind = 'campaigns' AND NOT n.email) AS email_off
      FROM "User" u WHERE ${where}
    ) x`;
  const segment = Number(row?.segment ?? 0);
  const noConsent = Number(row?.no_consent ?? 0);
  const emailOff = Number(row?.email_off ?? 0);
  return {
    segment,
    noConsent,
    emailOff,
    email: campaign.sendEmail ? segment - noConsent - emailOff : 0,
    notice: campaign.sendNotice ? segment - noConsent : 0,
  };
}

/** The email content of a campaign in one language. */
export async function campaignEmail(campaign: Campaign, locale: Locale): Promise<RenderedCampaignEmail> {
  const purpose = (await purposesWithVersions()).find((candidate) => candidate.id === campaign.purposeId);
  const en = locale === "en";
  return renderCampaignEmail(
    {
      subject: en ? campaign.subjectEn : campaign.subjectJa,
      body: en ? campaign.bodyEn : campaign.bodyJa,
      linkLabel: campaign.linkUrl ? (en ? campaign.linkLabelEn : campaign.linkLabelJa) : null,
      survey: campaign.surveyId !== null,
      purposeName: purpose ? purposeName(purpose, locale) : campaign.purposeId,
    },
    locale,
  );
}

/** Where the campaign's button leads, for a recipient in `locale`: a portal path in their language, or the https address. */
export function campaignTarget(campaign: { linkUrl: string | null; surveyId: string | null }, locale: string): string {
  if (campaign.linkUrl?.startsWith("https://")) return campaign.linkUrl;
  if (campaign.linkUrl) return portalUrl(locale, campaign.linkUrl);
  if (campaign.surveyId) return portalUrl(locale, `/mypage/surveys/${campaign.surveyId}`);
  return portalUrl(locale, "/mypage/notices");
}

/** Both languages to the admin's own address, with links that track nothing. */
export async function sendTestEmail(actor: { id: string; email: string }, campaignId: string): Promise<void> {
  const campaign = await getCampaign(campaignId);
  if (!campaign) throw new AppError("NOT_FOUND");
  for (const locale of ["ja", "en"] as const) {
    const email = await campaignEmail(campaign, locale);
    const message = personalise(email, { click: campaignTarget(campaign, locale), unsubscribe: portalUrl(locale, "/mypage/privacy") });
    await deliverEmail({ to: actor.email, template: "campaignTest", message: { ...message, subject: `[TEST] ${message.subject}` } });
  }
  await recordAudit({ action: "campaign.test_sent", outcome: "SUCCESS", actorId: actor.id, targetType: "Campaign", targetId: campaignId });
}

export type CampaignResults = {
  reached: number;
  excluded: number;
  emailsSent: number;
  emailsWaiting: number;
  emailSkipped: number;
  notices: number;
  noticesOpened: number;
  clicked: number;
  unsubscribed: number;
};

export async function campaignResults(campaignId: string): Promise<CampaignResults> {
  const [[recipients], [notices]] = await Promise.all([
    db.$queryRaw<Record<string, bigint>[]>`
      SELECT count(*) FILTER (WHERE excluded IS NULL) AS reached, count(*) FILTER (WHERE excluded IS NOT NULL) AS excluded,
        count(*) FILTER (WHERE "emailSentAt" IS NOT NULL) AS emails_sent,
        count(*) FILTER (WHERE "emailQueuedAt" IS NOT NULL AND "emailSentAt" IS NULL AND "emailSkipped" IS NULL) AS emails_waiting,
        count(*) FILTER (WHERE "emailSkipped" IS NOT NULL) AS email_skipped,
        count(*) FILTER (WHERE "clickedAt" IS NOT NULL) AS clicked, count(*) FILTER (WHERE "unsubscribedAt" IS NOT NULL) AS unsubscribed
      FROM "CampaignRecipient" WHERE "campaignId" = ${campaignId}`,
    db.$queryRaw<Record<string, bigint>[]>`
      SELECT count(*) AS notices, count(*) FILTER (WHERE "readAt" IS NOT NULL) AS opened FROM "Notice" WHERE "campaignId" = ${campaignId}`,
  ]);
  const n = (value: bigint | undefined) => Number(value ?? 0);
  return {
    reached: n(recipients?.reached),
    excluded: n(recipients?.excluded),
    emailsSent: n(recipients?.emails_sent),
    emailsWaiting: n(recipients?.emails_waiting),
    emailSkipped: n(recipients?.email_skipped),
    notices: n(notices?.notices),
    noticesOpened: n(notices?.opened),
    clicked: n(recipients?.clicked),
    unsubscribed: n(recipients?.unsubscribed),
  };
}

import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { deliverEmail, portalUrl } from "@/lib/email/send";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { enqueue, enqueueMany } from "@/lib/jobs/enqueue";
import { CAMPAIGN_EMAIL_QUEUE, CAMPAIGN_SEND_QUEUE } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";
import { engagementSettings } from "@/lib/profiling/attributes";
import { currentConsentSql } from "@/lib/segments/compile";
import { compileSegment } from "@/lib/segments/segments";
import { instantAt } from "@/lib/time/zoned";
import { businessTimeZone } from "@/lib/time/business-time";
import type { LocalDate } from "@/lib/warranty/local-date";
import { campaignEmail, consentMinimum, getCampaign, type Campaign } from "./campaigns";
import { personalise, type RenderedCampaignEmail } from "./email";

/**
 * Sending a campaign (issue 15, decision 0013). The click schedules a job; the job freezes the
 * segment's rules, writes one recipient row per member of the segment (reached, or excluded and
 * why) in SQL, the My Page notices and survey invitations of those reached, and queues the emails
 * in batches spaced by the rate limit. Every step can run again after a crash without doing
 * anything twice; each email is claimed before it goes (and released if sending failed), so none
 * goes twice. Consent and the
 * "campaigns" email choice are checked when the recipients are written and again when each email
 * goes: someone who unsubscribed meanwhile gets nothing more.
 */
const BATCH = 50;

export async function scheduleCampaign(
  actorId: string,
  input: { campaignId: string; when: "now" | "later"; at: string },
): Promise<{ at: Date }> {
  const at =
    input.when === "now"
      ? new Date()
      : instantAt(
          input.at.slice(0, 10) as LocalDate,
          Number(input.at.slice(11, 13)) * 60 + Number(input.at.slice(14, 16)),
          businessTimeZone(),
        );
  if (input.when === "later" && at.getTime() < Date.now()) throw new AppError("VALIDATION", { cause: { at: "campaigns.timePassed" } });
  const campaign = await getCampaign(input.campaignId);
  if (!campaign) throw new AppError("NOT_FOUND");
  if (campaign.segment.archivedAt) throw new AppError("CONFLICT", { messageKey: "campaigns.segmentArchived" });
  if (campaign.survey && campaign.survey.status !== "OPEN") throw new AppError("CONFLICT", { messageKey: "campaigns.surveyClosed" });
  // A draft becomes scheduled once: a double click or a retry finds it scheduled and queues nothing more.
  const { count } = await db.campaign.updateMany({
    where: { id: campaign.id, status: "DRAFT" },
    data: { status: "SCHEDULED", scheduledAt: at },
  });
  if (count === 0) throw new AppError("CONFLICT", { messageKey: "campaigns.notDraft" });
  try {
    await enqueue(CAMPAIGN_SEND_QUEUE, { campaignId: campaign.id }, { singletonKey: campaign.id, startAfter: at });
  } catch (error) {
    // No job, no schedule: back to a draft, so the admin can send it again.
    await db.campaign.updateMany({ where: { id: campaign.id, status: "SCHEDULED" }, data: { status: "DRAFT", scheduledAt: null } });
    throw error;
  }
  await recordAudit({
    action: "campaign.scheduled",
    outcome: "SUCCESS",
    actorId,
    targetType: "Campaign",
    targetId: campaign.id,
    details: { at: at.toISOString(), now: input.when === "now" },
  });
  return { at };
}

/** Stop a scheduled campaign, or the emails of one still going out (what went out stays). */
export async function cancelCampaign(actorId: string, campaignId: string): Promise<void> {
  const { count } = await db.campaign.updateMany({
    where: { id: campaignId, status: { in: ["SCHEDULED", "SENDING", "SENT"] } },
    data: { status: "CANCELLED", finishedAt: new Date() },
  });
  if (count === 0) throw new AppError("CONFLICT", { messageKey: "campaigns.cannotCancel" });
  await recordAudit({ action: "campaign.cancelled", outcome: "SUCCESS", actorId, targetType: "Campaign", targetId: campaignId });
}

const newId = Prisma.sql`replace(gen_random_uuid()::text, '-', '')`;

export async function runCampaign(campaignId: string): Promise<void> {
  const campaign = await getCampaign(campaignId);
  if (!campaign || campaign.status === "CANCELLED" || campaign.status === "SENT" || campaign.status === "DRAFT") return;
  if (campaign.scheduledAt && campaign.scheduledAt.getTime() > Date.now() + 5_000) {
    // Rescheduled meanwhile (or a job that started early): the job of the new time does the work.
    return;
  }
  await db.campaign.updateMany({
    where: { id: campaign.id, status: "SCHEDULED" },
    data: { status: "SENDING", startedAt: new Date(), sentDefinition: campaign.segment.definition as Prisma.InputJsonValue },
  });
  const fresh = await getCampaign(campaign.id);
  if (!fresh || fresh.status !== "SENDING") return;
  const definition = fresh.sentDefinition ?? fresh.segment.definition;
  const [where, minimum] = await Promise.all([compileSegment(definition), consentMinimum(fresh.purposeId)]);

  // 1. Every member of the segment, reached or excluded and why (a retry adds no one twice).
  await db.$executeRaw`
    INSERT INTO "CampaignRecipient" ("campaignId", "userId", excluded, token, "emailSkipped")
    SELECT ${fresh.id}, u.id,
      CASE WHEN ${currentConsentSql(Prisma.sql`u.id`, fresh.purposeId, minimum)} THEN NULL ELSE 'no_consent' END,
      ${newId} || ${newId},
      CASE WHEN EXISTS (SELECT 1 FROM "NotificationChoice" n WHERE n."userId" = u.id AND n.kind = 'campaigns' AND NOT n.email) THEN 'email_off' END
    FROM "User" u WHERE ${where}
    ON CONFLICT ("campaignId", "userId") DO NOTHING`;

  // 2. The My Page notices and the survey invitations of those reached.
  if (fresh.sendNotice) {
    await db.$executeRaw`
      INSERT INTO "Notice" (id, "userId", kind, "campaignId", "surveyId")
      SELECT 'n' || ${newId}, r."userId", 'CAMPAIGN', r."campaignId", ${fresh.survey?.status === "OPEN" ? fresh.surveyId : null}
      FROM "CampaignRecipient" r WHERE r."campaignId" = ${fresh.id} AND r.excluded IS NULL
      ON CONFLICT ("userId", "campaignId") DO NOTHING`;
  }
  // A survey closed since the campaign was scheduled invites nobody (its notice then has no survey).
  if (fresh.surveyId && fresh.survey?.status === "OPEN") {
    await db.$executeRaw`
      INSERT INTO "SurveyInvitation" (id, "surveyId", "userId", "causeKind", "causeId")
      SELECT 'i' || ${newId}, ${fresh.surveyId}, r."userId", 'campaign', r."campaignId"
      FROM "CampaignRecipient" r WHERE r."campaignId" = ${fresh.id} AND r.excluded IS NULL
      ON CONFLICT ("surveyId", "userId") DO NOTHING`;
  }

  // 3. The emails, in batches spaced so that all campaigns together stay under the rate limit.
  if (fresh.sendEmail) {
    const { campaignEmailsPerMinute } = await engagementSettings();
    const waiting = await db.$queryRaw<{ userId: string }[]>`
      SELECT "userId" FROM "CampaignRecipient"
      WHERE "campaignId" = ${fresh.id} AND excluded IS NULL AND "emailSkipped" IS NULL AND "emailQueuedAt" IS NULL
      ORDER BY "userId"`;
    // After the batches other campaigns have waiting: the limit is for all campaigns together.
    const [queued] = await db.$queryRaw<{ last: Date | null }[]>`
      SELECT max(start_after) AS last FROM pgboss.job WHERE name = ${CAMPAIGN_EMAIL_QUEUE.name} AND state IN ('created', 'retry')`;
    const started = Math.max(
      Date.now(),
      (queued?.last?.getTime() ?? 0) + Math.ceil((BATCH * 60_000) / Math.max(1, campaignEmailsPerMinute)),
    );
    const batches: { data: { campaignId: string; userIds: string[] }; startAfter: Date }[] = [];
    for (let i = 0; i < waiting.length; i += BATCH) {
      batches.push({
        data: { campaignId: fresh.id, userIds: waiting.slice(i, i + BATCH).map((row) => row.userId) },
        startAfter: new Date(started + Math.floor((i * 60_000) / Math.max(1, campaignEmailsPerMinute))),
      });
    }
    for (let i = 0; i < batches.length; i += 200) {
      const chunk = batches.slice(i, i + 200);
      await enqueueMany(CAMPAIGN_EMAIL_QUEUE, chunk);
      await db.campaignRecipient.updateMany({
        where: { campaignId: fresh.id, userId: { in: chunk.flatMap((batch) => batch.data.userIds) } },
        data: { emailQueuedAt: new Date() },
      });
    }
  }

  const [counts] = await db.$queryRaw<{ segment: bigint; no_consent: bigint; email_off: bigint; notices: bigint }[]>`
    SELECT count(*) AS segment, count(*) FILTER (WHERE excluded = 'no_consent') AS no_consent,
      count(*) FILTER (WHERE excluded IS NULL AND "emailSkipped" = 'email_off') AS email_off,
      (SELECT count(*) FROM "Notice" WHERE "campaignId" = ${fresh.id}) AS notices
    FROM "CampaignRecipient" WHERE "campaignId" = ${fresh.id}`;
  const summary = {
    segment: Number(counts?.segment ?? 0),
    noConsent: Number(counts?.no_consent ?? 0),
    emailOff: Number(counts?.email_off ?? 0),
    notices: Number(counts?.notices ?? 0),
  };
  const { count } = await db.campaign.updateMany({
    where: { id: fresh.id, status: "SENDING" },
    data: { status: "SENT", finishedAt: new Date(), counts: summary },
  });
  if (count > 0) {
    await recordAudit({
      action: "campaign.sent",
      outcome: "SUCCESS",
      actorLabel: "system",
      targetType: "Campaign",
      targetId: fresh.id,
      details: summary,
    });
  }
}

/** One batch: claim each recipient's email (still allowed now), render once per language, send. */
export async function sendCampaignEmails(input: { campaignId: string; userIds: string[] }): Promise<void> {
  const campaign = await getCampaign(input.campaignId);
  if (!campaign || campaign.status === "CANCELLED" || campaign.status === "DRAFT") return;
  const minimum = await consentMinimum(campaign.purposeId);
  // Withdrawn or turned off since the recipients were written: skipped, and said so in the results.
  await db.$executeRaw`
    UPDATE "CampaignRecipient" r SET "emailSkipped" = 'withdrawn'
    WHERE r."campaignId" = ${campaign.id} AND r."userId" = ANY(${input.userIds}::text[]) AND r."emailSentAt" IS NULL AND r."emailSkipped" IS NULL
      AND (NOT ${currentConsentSql(Prisma.sql`r."userId"`, campaign.purposeId, minimum)}
        OR EXISTS (SELECT 1 FROM "NotificationChoice" n WHERE n."userId" = r."userId" AND n.kind = 'campaigns' AND NOT n.email)
        OR EXISTS (SELECT 1 FROM "User" u WHERE u.id = r."userId" AND (u."disabledAt" IS NOT NULL OR u."erasureRequestedAt" IS NOT NULL)))`;
  const claimed = await db.$queryRaw<{ userId: string; token: string; email: string; locale: string }[]>`
    UPDATE "CampaignRecipient" r SET "emailSentAt" = now()
    FROM "User" u
    WHERE u.id = r."userId" AND r."campaignId" = ${campaign.id} AND r."userId" = ANY(${input.userIds}::text[])
      AND r.excluded IS NULL AND r."emailSkipped" IS NULL AND r."emailSentAt" IS NULL
    RETURNING r."userId", r.token, u.email, u.locale`;
  const rendered = new Map<Locale, RenderedCampaignEmail>();
  let failed: unknown = null;
  for (const recipient of claimed) {
    const locale: Locale = isLocale(recipient.locale) ? recipient.locale : "ja";
    let email = rendered.get(locale);
    if (!email) {
      email = await campaignEmail(campaign as Campaign, locale);
      rendered.set(locale, email);
    }
    const unsubscribe = portalUrl(locale, `/unsubscribe/${recipient.token}`);
    const message = personalise(email, { click: new URL(`/api/campaigns/click/${recipient.token}`, env.AUTH_URL).toString(), unsubscribe });
    try {
      await deliverEmail({
        to: recipient.email,
        template: "campaign",
        message,
        // RFC 8058: mail clients offer "unsubscribe" and POST here in one step.
        headers: {
          "List-Unsubscribe": `<${new URL(`/api/campaigns/unsubscribe/${recipient.token}`, env.AUTH_URL).toString()}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      });
    } catch (error) {
      // Not sent: the claim is released, and the batch's retry sends this one (the others stay claimed).
      await db.campaignRecipient.update({
        where: { campaignId_userId: { campaignId: campaign.id, userId: recipient.userId } },
        data: { emailSentAt: null },
      });
      logger.error({ err: error, campaignId: campaign.id }, "campaign email failed");
      failed = error;
    }
  }
  if (failed) throw failed;
}

import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { setConsent } from "@/lib/consents/current";
import { db } from "@/lib/db";
import { campaignTarget } from "./campaigns";

/**
 * What recipients do with a campaign (issue 15): a click through the email's button (counted once,
 * then on to the campaign's link) and the unsubscribe link, which withdraws the consent the
 * campaign relied on in one step. Both are keyed by the recipient's random token, never an id.
 */
export async function clickThrough(token: string): Promise<string | null> {
  const recipient = await db.campaignRecipient.findUnique({
    where: { token },
    select: {
      campaignId: true,
      userId: true,
      clickedAt: true,
      user: { select: { locale: true } },
      campaign: { select: { linkUrl: true, surveyId: true } },
    },
  });
  if (!recipient) return null;
  if (!recipient.clickedAt) {
    await db.campaignRecipient.updateMany({ where: { token, clickedAt: null }, data: { clickedAt: new Date() } });
  }
  return campaignTarget(recipient.campaign, recipient.user.locale);
}

export async function unsubscribeTarget(token: string) {
  return db.campaignRecipient.findUnique({
    where: { token },
    select: { unsubscribedAt: true, campaign: { select: { purposeId: true } } },
  });
}

/** Withdraw the campaign's consent for the recipient; again is harmless. */
export async function unsubscribe(token: string): Promise<boolean> {
  const recipient = await db.campaignRecipient.findUnique({
    where: { token },
    select: { campaignId: true, userId: true, campaign: { select: { purposeId: true } } },
  });
  if (!recipient) return false;
  await setConsent(recipient.userId, recipient.campaign.purposeId, false, "email_unsubscribe");
  const { count } = await db.campaignRecipient.updateMany({ where: { token, unsubscribedAt: null }, data: { unsubscribedAt: new Date() } });
  if (count > 0) {
    await recordAudit({
      action: "campaign.unsubscribed",
      outcome: "SUCCESS",
      actorId: recipient.userId,
      targetType: "Campaign",
      targetId: recipient.campaignId,
      details: { purpose: recipient.campaign.purposeId },
    });
  }
  return true;
}

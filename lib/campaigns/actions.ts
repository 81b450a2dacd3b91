"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { saveCampaign, sendTestEmail } from "./campaigns";
import { ZCampaignIdSchema, ZCampaignSchema, ZCampaignSendSchema, ZUnsubscribeSchema } from "./schemas";
import { cancelCampaign, scheduleCampaign } from "./send";
import { unsubscribe } from "./tracking";

/** Admins: drafts, a test to oneself, sending or scheduling, cancelling (issue 15). */
export const saveCampaignAction = defineAction({ permission: "campaigns.manage", schema: ZCampaignSchema }, async (input, { user }) => {
  const saved = await saveCampaign(user.id, input);
  revalidatePath("/[locale]/admin/engagement", "layout");
  return saved;
});

export const testCampaignAction = defineAction({ permission: "campaigns.manage", schema: ZCampaignIdSchema }, async (input, { user }) => {
  await sendTestEmail(user, input.campaignId);
  return { sentTo: user.email };
});

export const scheduleCampaignAction = defineAction(
  { permission: "campaigns.manage", schema: ZCampaignSendSchema },
  async (input, { user }) => {
    const { at } = await scheduleCampaign(user.id, input);
    revalidatePath("/[locale]/admin/engagement", "layout");
    return { at: at.toISOString() };
  },
);

export const cancelCampaignAction = defineAction({ permission: "campaigns.manage", schema: ZCampaignIdSchema }, async (input, { user }) => {
  await cancelCampaign(user.id, input.campaignId);
  revalidatePath("/[locale]/admin/engagement", "layout");
  return { cancelled: true };
});

/** Anyone holding an email's unsubscribe link: the token is the proof (no sign-in needed). */
export const unsubscribeAction = defineAction({ public: true, schema: ZUnsubscribeSchema }, async (input) => {
  if (!(await unsubscribe(input.token))) throw new AppError("NOT_FOUND");
  return { done: true };
});

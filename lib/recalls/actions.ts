"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { defineAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { redirect } from "@/lib/i18n/navigation";
import { createRecallCampaign, deleteRecallDraft, markRecallCompleted, publishRecallCampaign, updateRecallDraft } from "./campaigns";
import { ZRecallCampaignSchema, ZRecallCompletionSchema, ZRecallIdSchema, ZRecallPublishSchema } from "./schemas";

/** Recall campaign actions (permission "recalls.manage"). */
const recalls = { permission: "recalls.manage" } as const;

export const createRecallAction = defineAction({ ...recalls, schema: ZRecallCampaignSchema }, async (input, { user }) => {
  const { id } = await createRecallCampaign(user.id, input);
  revalidatePath("/[locale]/admin/recalls", "layout");
  redirect({ href: `/admin/recalls/${id}`, locale: await getLocale() });
});

export const updateRecallAction = defineAction({ ...recalls, schema: ZRecallCampaignSchema }, async (input, { user }) => {
  if (!input.campaignId) throw new AppError("NOT_FOUND");
  await updateRecallDraft(user.id, input.campaignId, input);
  revalidatePath("/[locale]/admin/recalls", "layout");
});

/** Drafts only; the page then goes back to the list. */
export const deleteRecallAction = defineAction({ ...recalls, schema: ZRecallIdSchema }, async ({ campaignId }, { user }) => {
  await deleteRecallDraft(user.id, campaignId);
  revalidatePath("/[locale]/admin/recalls", "layout");
});

export const publishRecallAction = defineAction({ ...recalls, schema: ZRecallPublishSchema }, async ({ campaignId, version }, { user }) => {
  const result = await publishRecallCampaign(user.id, campaignId, version);
  revalidatePath("/[locale]/admin/recalls", "layout");
  return result;
});

export const completeRecallAction = defineAction({ ...recalls, schema: ZRecallCompletionSchema }, async ({ campaignId, serial }) => {
  await markRecallCompleted(campaignId, serial);
  revalidatePath("/[locale]/admin/recalls", "layout");
});

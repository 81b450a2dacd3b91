"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { decideAdjustment, proposeAdjustment } from "./adjustments";
import { redeemReward } from "./rewards";
import {
  ZAdjustmentDecisionSchema,
  ZAdjustmentSchema,
  ZFlagDecisionSchema,
  ZRedeemSchema,
  ZReleaseSchema,
  ZReverseSchema,
} from "./schemas";
import { decideFlag, releaseNow, reverseEntry } from "./staff";

/** Points actions (issue 12); each checks its permission on the server (lib/action.ts). */
export const redeemAction = defineAction({ permission: "points.own", schema: ZRedeemSchema }, async (input, { user }) => {
  const result = await redeemReward(user.id, input);
  return { couponCode: result.couponCode, availableAfter: result.availableAfter };
});

export const proposeAdjustmentAction = defineAction(
  { permission: "points.customers", schema: ZAdjustmentSchema },
  async (input, { user }) => {
    const outcome = await proposeAdjustment(user, input);
    revalidatePath("/[locale]/admin/points", "layout");
    return outcome;
  },
);

export const decideAdjustmentAction = defineAction(
  { permission: "points.approve", schema: ZAdjustmentDecisionSchema },
  async (input, { user }) => {
    const status = await decideAdjustment(user, input);
    revalidatePath("/[locale]/admin/points", "layout");
    return { status };
  },
);

export const releaseNowAction = defineAction({ permission: "points.customers", schema: ZReleaseSchema }, async ({ lotId }, { user }) => {
  await releaseNow(user, lotId);
  revalidatePath("/[locale]/admin/points", "layout");
});

export const decideFlagAction = defineAction({ permission: "points.customers", schema: ZFlagDecisionSchema }, async (input, { user }) => {
  await decideFlag(user, input.flagId, input.decision);
  revalidatePath("/[locale]/admin/points", "layout");
});

export const reverseEntryAction = defineAction({ permission: "points.approve", schema: ZReverseSchema }, async (input, { user }) => {
  await reverseEntry(user, input.entryId, input.reason);
  revalidatePath("/[locale]/admin/points", "layout");
});

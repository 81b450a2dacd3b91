"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { saveReward } from "./rewards";
import { saveRuleVersion } from "./rules";
import { ZProgramSchema, ZRewardSchema, ZRuleVersionSchema, ZTierSchema } from "./schemas";
import { saveProgram, saveTier } from "./settings";

/** Program administration (issue 12): rules and rewards; admins only, checked on the server. */
export const saveRuleVersionAction = defineAction({ permission: "points.manage", schema: ZRuleVersionSchema }, async (input, { user }) => {
  const saved = await saveRuleVersion(user.id, input);
  revalidatePath("/[locale]/admin/points", "layout");
  return saved;
});

export const saveRewardAction = defineAction({ permission: "points.manage", schema: ZRewardSchema }, async (input, { user }) => {
  const saved = await saveReward(user.id, input);
  revalidatePath("/[locale]/admin/points", "layout");
  revalidatePath("/[locale]/mypage/points", "layout");
  return saved;
});

export const saveProgramAction = defineAction({ permission: "points.manage", schema: ZProgramSchema }, async (input, { user }) => {
  await saveProgram(user.id, input);
  revalidatePath("/[locale]/admin/points", "layout");
});

export const saveTierAction = defineAction({ permission: "points.manage", schema: ZTierSchema }, async (input, { user }) => {
  const saved = await saveTier(user.id, input);
  revalidatePath("/[locale]/admin/points", "layout");
  return saved;
});

"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { redirect } from "@/lib/i18n/navigation";
import { addPlan, grantPlanToUnit, saveModel } from "./models";
import { ZGrantPlanSchema, ZModelSchema, ZPlanSchema } from "./schemas";

/** Admin catalog actions (permission "catalog.manage", checked on the server for each call). */
const catalog = { permission: "catalog.manage" } as const;

export const saveModelAction = defineAction(
  { ...catalog, schema: ZModelSchema.extend({ existingCode: z.string().max(40).default("") }) },
  async ({ existingCode, ...input }, { user }) => {
    const { code } = await saveModel(user.id, existingCode || null, input);
    revalidatePath("/[locale]/admin/catalog", "layout");
    redirect({ href: { pathname: "/admin/catalog", query: { saved: code } }, locale: await getLocale() });
  },
);

export const addPlanAction = defineAction({ ...catalog, schema: ZPlanSchema }, async (input, { user }) => {
  await addPlan(user.id, input);
  revalidatePath("/[locale]/admin/catalog", "layout");
});

export const grantPlanAction = defineAction({ ...catalog, schema: ZGrantPlanSchema }, async (input, { user }) => {
  await grantPlanToUnit(user.id, input);
  revalidatePath("/[locale]/mypage", "layout");
});

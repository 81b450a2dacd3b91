"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { redirect } from "@/lib/i18n/navigation";
import { addPlan, grantPlanToUnit, saveModel } from "./models";
import { ZGrantPlanSchema, ZModelSchema, ZPlanSchema } from "./schemas";

/** Admin catalog actions (permission "catalog.manage", checked on the server for each call). */
const catalog = { permission: "catalog.manage" } as const;

function adminId(user: { id: string } | null): string {
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user.id;
}

export const saveModelAction = defineAction(
  { ...catalog, schema: ZModelSchema.extend({ existingCode: z.string().max(40).default("") }) },
  async ({ existingCode, ...input }, { user }) => {
    const { code } = await saveModel(adminId(user), existingCode || null, input);
    revalidatePath("/[locale]/admin/catalog", "layout");
    redirect({ href: { pathname: "/admin/catalog", query: { saved: code } }, locale: await getLocale() });
  },
);

export const addPlanAction = defineAction({ ...catalog, schema: ZPlanSchema }, async (input, { user }) => {
  await addPlan(adminId(user), input);
  revalidatePath("/[locale]/admin/catalog", "layout");
});

export const grantPlanAction = defineAction({ ...catalog, schema: ZGrantPlanSchema }, async (input, { user }) => {
  await grantPlanToUnit(adminId(user), input);
  revalidatePath("/[locale]/mypage", "layout");
});

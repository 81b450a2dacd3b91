"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { addSymptomCategory, renameSymptomCategory, saveDeskSettings, setSymptomArchived } from "./settings";
import { ZArchiveSymptomSchema, ZDeskSettingsSchema, ZRenameSymptomSchema, ZSymptomCategorySchema } from "./settings-schemas";

/** Desk settings actions (permission "desk.manage", checked on the server for each call). */
const desk = { permission: "desk.manage" } as const;

export const saveDeskSettingsAction = defineAction({ ...desk, schema: ZDeskSettingsSchema }, async (input, { user }) => {
  await saveDeskSettings(user, input);
  revalidatePath("/[locale]/admin/desk", "page");
});

export const addSymptomCategoryAction = defineAction({ ...desk, schema: ZSymptomCategorySchema }, async (input, { user }) => {
  await addSymptomCategory(user, input);
  revalidatePath("/[locale]/admin/desk", "page");
});

export const renameSymptomCategoryAction = defineAction({ ...desk, schema: ZRenameSymptomSchema }, async (input, { user }) => {
  await renameSymptomCategory(user, input);
  revalidatePath("/[locale]/admin/desk", "page");
});

export const archiveSymptomCategoryAction = defineAction({ ...desk, schema: ZArchiveSymptomSchema }, async (input, { user }) => {
  await setSymptomArchived(user, input);
  revalidatePath("/[locale]/admin/desk", "page");
});

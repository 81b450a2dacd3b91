"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { zText } from "@/lib/validation/text";
import { archiveAttribute, saveAttribute, savePrompt, saveProfilingSettings } from "./attributes";
import { saveAnswers } from "./answers";
import { answerPrompt } from "./prompts";
import { ZAnswersSchema, ZArchiveAttributeSchema, ZAttributeSchema, ZPromptSchema, ZSettingsSchema } from "./schemas";

/** Admins: attributes, prompts and the monthly limit (issue 15). */
export const saveAttributeAction = defineAction({ permission: "profiling.manage", schema: ZAttributeSchema }, async (input, { user }) => {
  const saved = await saveAttribute(user.id, input);
  revalidatePath("/[locale]/admin/engagement", "layout");
  return saved;
});

export const archiveAttributeAction = defineAction(
  { permission: "profiling.manage", schema: ZArchiveAttributeSchema },
  async (input, { user }) => {
    await archiveAttribute(user.id, input.attributeId, input.archive);
    revalidatePath("/[locale]/admin/engagement", "layout");
    return { archived: input.archive };
  },
);

export const savePromptAction = defineAction({ permission: "profiling.manage", schema: ZPromptSchema }, async (input, { user }) => {
  const saved = await savePrompt(user.id, input);
  revalidatePath("/[locale]/admin/engagement", "layout");
  return saved;
});

export const saveProfilingSettingsAction = defineAction(
  { permission: "profiling.manage", schema: ZSettingsSchema },
  async (input, { user }) => {
    await saveProfilingSettings(user.id, input.maxPromptsPerMonth);
    revalidatePath("/[locale]/admin/engagement", "layout");
    return { saved: true };
  },
);

/** Customers: answer or skip a prompt; change or remove answers on their profile. */
export const answerPromptAction = defineAction(
  { permission: "mypage.access", schema: ZAnswersSchema.extend({ promptId: zText().trim().min(1).max(40) }) },
  async (input, { user }) => answerPrompt(user.id, input),
);

export const saveMyAnswersAction = defineAction(
  { permission: "mypage.access", schema: z.object({ answers: ZAnswersSchema.shape.answers }) },
  async (input, { user }) => {
    const changed = await saveAnswers(user.id, input.answers, { source: "profile", emptyRemoves: true });
    revalidatePath("/[locale]/account", "page");
    return { changed: changed.length };
  },
);

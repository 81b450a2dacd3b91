"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { submitSurvey } from "./answers";
import { ZSurveyAnswersSchema, ZSurveySchema, ZSurveyStatusSchema } from "./schemas";
import { saveSurvey, setSurveyStatus } from "./surveys";

/** Admins: survey drafts, opening and closing (issue 15). */
export const saveSurveyAction = defineAction({ permission: "surveys.manage", schema: ZSurveySchema }, async (input, { user }) => {
  const saved = await saveSurvey(user.id, input);
  revalidatePath("/[locale]/admin/engagement", "layout");
  return saved;
});

export const setSurveyStatusAction = defineAction(
  { permission: "surveys.manage", schema: ZSurveyStatusSchema },
  async (input, { user }) => {
    await setSurveyStatus(user.id, input.surveyId, input.status);
    revalidatePath("/[locale]/admin/engagement", "layout");
    return { status: input.status };
  },
);

/** Customers: answer a survey they were invited to, once. */
export const submitSurveyAction = defineAction({ permission: "mypage.access", schema: ZSurveyAnswersSchema }, async (input, { user }) => {
  const result = await submitSurvey(user, input);
  revalidatePath("/[locale]/mypage", "layout");
  return result;
});

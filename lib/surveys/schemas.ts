import { z } from "zod";
import { ZAttributeOption, zOptionalInt } from "@/lib/profiling/schemas";
import { zMultilineText, zName, zText } from "@/lib/validation/text";

/**
 * Survey forms (issue 15), shared by the browser and the server. Pure. A question is of an
 * attribute's types, free text, or 0-10 likelihood to recommend (NPS); a choice question may save
 * its answer to a profile attribute of the same type.
 */
export const QUESTION_TYPES = ["CHOICE", "MULTI_CHOICE", "NUMBER", "DATE", "YES_NO", "TEXT", "NPS"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const SURVEY_TRIGGERS = ["NONE", "REPAIR_COMPLETED", "REGISTERED_30_DAYS"] as const;
export const TEXT_ANSWER_MAX = 2000;

export const ZSurveyQuestion = z
  .object({
    type: z.enum(QUESTION_TYPES, { error: "chooseOne" }),
    labelJa: zName().trim().min(1, "required").max(200, "tooLong"),
    labelEn: zName().trim().min(1, "required").max(200, "tooLong"),
    required: z.boolean().default(true),
    options: z.array(ZAttributeOption).max(30, "profiling.tooManyOptions").default([]),
    minNumber: zOptionalInt,
    maxNumber: zOptionalInt,
    /** Also save the answer as the customer's answer to this attribute (same type). */
    attributeId: zText().trim().max(40, "invalid").default(""),
  })
  .superRefine((question, ctx) => {
    const choice = question.type === "CHOICE" || question.type === "MULTI_CHOICE";
    if (choice && question.options.length < 2 && !question.attributeId) {
      ctx.addIssue({ code: "custom", message: "profiling.twoOptions", path: ["options"] });
    }
    const seen = new Set<string>();
    question.options.forEach((option, index) => {
      if (seen.has(option.value)) ctx.addIssue({ code: "custom", message: "profiling.optionDuplicate", path: ["options", index, "value"] });
      seen.add(option.value);
    });
    if (question.attributeId && (question.type === "TEXT" || question.type === "NPS")) {
      ctx.addIssue({ code: "custom", message: "surveys.noAttributeForType", path: ["attributeId"] });
    }
  });
export type SurveyQuestionInput = z.input<typeof ZSurveyQuestion>;

export const ZSurveySchema = z.object({
  surveyId: zText().trim().max(40, "invalid").default(""),
  titleJa: zName().trim().min(1, "required").max(120, "tooLong"),
  titleEn: zName().trim().min(1, "required").max(120, "tooLong"),
  introJa: zMultilineText().trim().max(2000, "tooLong").default(""),
  introEn: zMultilineText().trim().max(2000, "tooLong").default(""),
  trigger: z.enum(SURVEY_TRIGGERS, { error: "chooseOne" }),
  /** Points for answering (0: none), through an earning rule of its own. */
  points: z.coerce.number<string | number>("surveys.points").int("surveys.points").min(0, "surveys.points").max(100_000, "surveys.points"),
  questions: z.array(ZSurveyQuestion).min(1, "surveys.noQuestions").max(30, "surveys.tooManyQuestions"),
});
export type TSurveyInput = z.input<typeof ZSurveySchema>;

export const ZSurveyStatusSchema = z.object({ surveyId: zText().trim().min(1).max(40), status: z.enum(["OPEN", "CLOSED"]) });

/** A customer's answers: question id → "" / one value / several values. */
export const ZSurveyAnswersSchema = z.object({
  surveyId: zText().trim().min(1).max(40),
  answers: z.record(
    zText().trim().min(1).max(40),
    z.union([zMultilineText().max(TEXT_ANSWER_MAX, "tooLong"), z.array(zText().trim().max(60)).max(30)]),
  ),
});
export type TSurveyAnswersInput = z.input<typeof ZSurveyAnswersSchema>;

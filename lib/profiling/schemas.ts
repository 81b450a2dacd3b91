import { z } from "zod";
import { zMultilineText, zName, zText } from "@/lib/validation/text";
import { isLocalDate } from "@/lib/warranty/local-date";

/**
 * Profile attributes and prompts (issue 15), shared by the forms and the server. Pure.
 * Messages are catalog keys (`validation.*`, or `profiling.*` with a dot).
 */
export const ATTRIBUTE_TYPES = ["CHOICE", "MULTI_CHOICE", "NUMBER", "DATE", "YES_NO"] as const;
export type AttributeTypeName = (typeof ATTRIBUTE_TYPES)[number];
export const PROMPT_MOMENTS = ["AFTER_REGISTRATION", "AFTER_REPAIR_RATING", "MYPAGE"] as const;

export const ATTRIBUTE_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
const optionValue = zText()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "profiling.optionValueInvalid");

export const ZAttributeOption = z.object({
  value: optionValue,
  labelJa: zName().trim().min(1, "required").max(60, "tooLong"),
  labelEn: zName().trim().min(1, "required").max(60, "tooLong"),
});
export type AttributeOption = z.output<typeof ZAttributeOption>;

/** A whole number from a text input ("" for none) or a saved value (a number, null). */
export const zOptionalInt = z.preprocess(
  (value) => (value === "" || value === null || value === undefined ? null : typeof value === "string" ? Number(value.trim()) : value),
  z
    .number({ error: "profiling.wholeNumber" })
    .int("profiling.wholeNumber")
    .min(-1_000_000, "profiling.wholeNumber")
    .max(1_000_000, "profiling.wholeNumber")
    .nullable(),
);

export const ZAttributeSchema = z
  .object({
    attributeId: zText().trim().max(40, "invalid").default(""),
    code: zText().trim().regex(ATTRIBUTE_CODE_PATTERN, "profiling.codeInvalid"),
    type: z.enum(ATTRIBUTE_TYPES, { error: "chooseOne" }),
    labelJa: zName().trim().min(1, "required").max(120, "tooLong"),
    labelEn: zName().trim().min(1, "required").max(120, "tooLong"),
    purposeJa: zMultilineText().trim().min(1, "required").max(300, "tooLong"),
    purposeEn: zMultilineText().trim().min(1, "required").max(300, "tooLong"),
    sensitive: z.boolean().default(false),
    options: z.array(ZAttributeOption).max(30, "profiling.tooManyOptions").default([]),
    minNumber: zOptionalInt,
    maxNumber: zOptionalInt,
  })
  .superRefine((value, ctx) => {
    const choice = value.type === "CHOICE" || value.type === "MULTI_CHOICE";
    if (choice && value.options.length < 2) ctx.addIssue({ code: "custom", message: "profiling.twoOptions", path: ["options"] });
    const seen = new Set<string>();
    value.options.forEach((option, index) => {
      if (seen.has(option.value)) ctx.addIssue({ code: "custom", message: "profiling.optionDuplicate", path: ["options", index, "value"] });
      seen.add(option.value);
    });
    if (value.minNumber !== null && value.maxNumber !== null && value.minNumber > value.maxNumber) {
      ctx.addIssue({ code: "custom", message: "segments.rangeReversed", path: ["maxNumber"] });
    }
  });
export type TAttributeInput = z.input<typeof ZAttributeSchema>;

export const ZArchiveAttributeSchema = z.object({ attributeId: zText().trim().min(1).max(40), archive: z.boolean() });

export const ZPromptSchema = z
  .object({
    promptId: zText().trim().max(40, "invalid").default(""),
    name: zName().trim().min(1, "required").max(80, "tooLong"),
    moment: z.enum(PROMPT_MOMENTS, { error: "chooseOne" }),
    active: z.boolean().default(true),
    firstAttributeId: zText().trim().min(1, "profiling.promptQuestions").max(40, "invalid"),
    /** Optional: "" for none. */
    secondAttributeId: zText().trim().max(40, "invalid").default(""),
  })
  .refine((value) => value.firstAttributeId !== value.secondAttributeId, {
    message: "profiling.promptQuestionsDifferent",
    path: ["secondAttributeId"],
  });
export type TPromptInput = z.input<typeof ZPromptSchema>;

export const ZSettingsSchema = z.object({
  maxPromptsPerMonth: z.coerce
    .number<string | number>("invalid")
    .int("profiling.wholeNumber")
    .min(0, "profiling.wholeNumber")
    .max(10, "profiling.wholeNumber"),
});

/**
 * Answers as a form sends them: attribute code → "" (no answer), one value, or several values.
 * Each is checked against its attribute on the server (answers.ts parseAnswer).
 */
export const ZAnswersSchema = z.object({
  answers: z.record(
    zText().trim().regex(ATTRIBUTE_CODE_PATTERN, "invalid"),
    z.union([zText().trim().max(60, "tooLong"), z.array(zText().trim().max(60, "tooLong")).max(30)]),
  ),
  /** The prompt being answered or skipped, if any. */
  promptId: zText().trim().max(40, "invalid").default(""),
  skip: z.boolean().default(false),
});
export type TAnswersInput = z.input<typeof ZAnswersSchema>;

/** The option values of a stored `options` column (unknown JSON until parsed). */
export function parseOptions(options: unknown): AttributeOption[] {
  const parsed = z.array(ZAttributeOption).safeParse(options);
  return parsed.success ? parsed.data : [];
}

export function choiceValues(options: unknown): string[] {
  return parseOptions(options).map((option) => option.value);
}

export type AnswerValue = { choices: string[]; number: number | null; date: string | null; yes: boolean | null };

/**
 * One raw answer for an attribute of `type`: null for "no answer", a message key when invalid.
 */
export function parseAnswer(
  attribute: { type: AttributeTypeName; options: unknown; minNumber: number | null; maxNumber: number | null },
  raw: string | string[] | undefined,
): AnswerValue | null | { error: string } {
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((value) => value.trim()).filter(Boolean);
  if (values.length === 0) return null;
  const empty: AnswerValue = { choices: [], number: null, date: null, yes: null };
  switch (attribute.type) {
    case "CHOICE":
    case "MULTI_CHOICE": {
      const allowed = choiceValues(attribute.options);
      if (values.some((value) => !allowed.includes(value))) return { error: "validation.invalid" };
      if (attribute.type === "CHOICE" && values.length > 1) return { error: "validation.invalid" };
      return { ...empty, choices: [...new Set(values)] };
    }
    case "NUMBER": {
      const number = Number(values[0]!.normalize("NFKC"));
      if (!Number.isInteger(number)) return { error: "profiling.wholeNumber" };
      if (
        (attribute.minNumber !== null && number < attribute.minNumber) ||
        (attribute.maxNumber !== null && number > attribute.maxNumber)
      ) {
        return { error: "profiling.outOfRange" };
      }
      return { ...empty, number };
    }
    case "DATE":
      return isLocalDate(values[0]!) ? { ...empty, date: values[0]! } : { error: "validation.dateInvalid" };
    case "YES_NO":
      return values[0] === "yes" || values[0] === "no" ? { ...empty, yes: values[0] === "yes" } : { error: "validation.invalid" };
  }
}

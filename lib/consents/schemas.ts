import { z } from "zod";
import { zMultilineText, zName, zText } from "@/lib/validation/text";

/** The privacy center's forms (issue 14), shared by the browser and the server actions. */
export const PURPOSE_ID_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
export const ZPurposeId = zText().trim().regex(PURPOSE_ID_PATTERN, "privacyAdmin.purposeIdInvalid");

export const ZSetConsentSchema = z.object({ purpose: ZPurposeId, allow: z.boolean() });
export type TSetConsent = z.input<typeof ZSetConsentSchema>;

/** The re-acceptance page: every required policy accepted, each optional one kept or not. */
export const ZPolicyAnswersSchema = z.object({
  acceptRequired: z.boolean(),
  keep: z.record(ZPurposeId, z.boolean()).default({}),
});
export type TPolicyAnswers = z.input<typeof ZPolicyAnswersSchema>;

export const ZNotificationChoiceSchema = z.object({ kind: zText().max(40, "tooLong"), email: z.boolean() });

const document = zMultilineText().trim().min(20, "privacyAdmin.textShort").max(50_000, "tooLong");
const summary = zMultilineText().trim().max(2_000, "tooLong");

export const ZPolicyVersionSchema = z
  .object({
    purpose: ZPurposeId,
    version: zText()
      .trim()
      .min(1, "required")
      .max(40, "tooLong")
      .regex(/^[0-9A-Za-z._-]+$/, "privacyAdmin.versionInvalid"),
    textJa: document,
    textEn: document,
    summaryJa: summary.default(""),
    summaryEn: summary.default(""),
    requiresReacceptance: z.boolean(),
  })
  .superRefine((value, context) => {
    // Customers asked to accept again are told what changed, in their language.
    if (value.requiresReacceptance) {
      if (value.summaryJa === "") context.addIssue({ code: "custom", path: ["summaryJa"], message: "privacyAdmin.summaryRequired" });
      if (value.summaryEn === "") context.addIssue({ code: "custom", path: ["summaryEn"], message: "privacyAdmin.summaryRequired" });
    }
  });
export type TPolicyVersion = z.input<typeof ZPolicyVersionSchema>;

const label = zName().trim().min(1, "required").max(100, "tooLong");
const description = zMultilineText().trim().min(1, "required").max(500, "tooLong");

/**
 * A new optional purpose (the required ones, terms and privacy, exist from the start). Customers see
 * it once its first text is published.
 */
export const ZPurposeSchema = z.object({
  id: ZPurposeId,
  nameJa: label,
  nameEn: label,
  descriptionJa: description,
  descriptionEn: description,
});
export type TPurpose = z.input<typeof ZPurposeSchema>;

import { z } from "zod";
import { zMultilineText, zName, zText } from "@/lib/validation/text";

/**
 * Campaign forms (issue 15), shared by the browser and the server. Pure. The body is plain text
 * (line breaks kept): the email and the notice render it, escaped, in the portal's own layout.
 */
const id = zText().trim().max(40, "invalid");

/** A path on the portal ("/mypage/products") or an https address; "" for no button. */
export const ZCampaignLink = zText()
  .trim()
  .max(500, "tooLong")
  .refine(
    (value) => value === "" || /^\/(?!\/)[^\s\\]*$/.test(value) || /^https:\/\/[^\s/]+\.[^\s]+$/.test(value),
    "campaigns.linkInvalid",
  );

export const ZCampaignSchema = z
  .object({
    campaignId: id.default(""),
    name: zName().trim().min(1, "required").max(80, "tooLong"),
    segmentId: id.min(1, "campaigns.chooseSegment"),
    purposeId: zText().trim().min(1, "required").max(40, "invalid"),
    sendEmail: z.boolean().default(true),
    sendNotice: z.boolean().default(true),
    subjectJa: zName().trim().min(1, "required").max(120, "tooLong"),
    subjectEn: zName().trim().min(1, "required").max(120, "tooLong"),
    bodyJa: zMultilineText().trim().min(1, "required").max(5000, "tooLong"),
    bodyEn: zMultilineText().trim().min(1, "required").max(5000, "tooLong"),
    linkUrl: ZCampaignLink.default(""),
    linkLabelJa: zName().trim().max(40, "tooLong").default(""),
    linkLabelEn: zName().trim().max(40, "tooLong").default(""),
    surveyId: id.default(""),
  })
  .superRefine((value, ctx) => {
    if (!value.sendEmail && !value.sendNotice) ctx.addIssue({ code: "custom", message: "campaigns.chooseChannel", path: ["sendEmail"] });
    if (value.linkUrl) {
      if (!value.linkLabelJa) ctx.addIssue({ code: "custom", message: "required", path: ["linkLabelJa"] });
      if (!value.linkLabelEn) ctx.addIssue({ code: "custom", message: "required", path: ["linkLabelEn"] });
    }
  });
export type TCampaignInput = z.input<typeof ZCampaignSchema>;

/** Send now, or at a time (a `datetime-local` value in Japan time). */
export const ZCampaignSendSchema = z
  .object({
    campaignId: id.min(1),
    when: z.enum(["now", "later"], { error: "chooseOne" }),
    at: zText().trim().max(16).default(""),
  })
  .superRefine((value, ctx) => {
    if (value.when === "later" && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value.at)) {
      ctx.addIssue({ code: "custom", message: "campaigns.chooseTime", path: ["at"] });
    }
  });
export type TCampaignSendInput = z.input<typeof ZCampaignSendSchema>;

export const ZCampaignIdSchema = z.object({ campaignId: id.min(1) });
export const ZUnsubscribeSchema = z.object({ token: zText().trim().min(20).max(80) });

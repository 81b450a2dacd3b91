import { z } from "zod";
import { zMultilineText, zText } from "@/lib/validation/text";

const text = (max: number) => zText().trim().min(1, "required").max(max, "tooLong");

/** A recall campaign as the admin form sends it; lots are separated by commas or spaces. */
export const ZRecallCampaignSchema = z
  .object({
    code: zText()
      .trim()
      .regex(/^[A-Za-z0-9-]{3,30}$/, "recalls.codeFormat"),
    modelCode: text(40),
    serialFrom: zText().trim().max(60, "tooLong"),
    serialTo: zText().trim().max(60, "tooLong"),
    lots: zMultilineText().trim().max(2000, "tooLong"),
    titleJa: text(200),
    titleEn: text(200),
    messageJa: zMultilineText().trim().min(1, "required").max(5000, "tooLong"),
    messageEn: zMultilineText().trim().min(1, "required").max(5000, "tooLong"),
    /** Set when the form edits an existing draft. */
    campaignId: zText().min(1).max(40).optional(),
  })
  .refine((value) => value.serialFrom !== "" || value.serialTo !== "" || value.lots !== "", {
    path: ["lots"],
    message: "recalls.scopeRequired",
  });
export type TRecallCampaign = z.output<typeof ZRecallCampaignSchema>;
export type TRecallCampaignInput = z.input<typeof ZRecallCampaignSchema>;

export const ZRecallIdSchema = z.object({ campaignId: zText().min(1).max(40) });
/** Publishing names the version of the draft the admin read (campaigns.ts recallDraftVersion). */
export const ZRecallPublishSchema = ZRecallIdSchema.extend({ version: zText().max(100).optional() });
export const ZRecallCompletionSchema = z.object({ campaignId: zText().min(1).max(40), serial: text(60) });
export const ZNoticeIdSchema = z.object({ noticeId: zText().min(1).max(40) });

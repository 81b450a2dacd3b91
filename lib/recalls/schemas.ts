import { z } from "zod";

const text = (max: number) => z.string().trim().min(1, "required").max(max, "tooLong");

/** A recall campaign as the admin form sends it; lots are separated by commas or spaces. */
export const ZRecallCampaignSchema = z
  .object({
    code: z.string().trim().regex(/^[A-Za-z0-9-]{3,30}$/, "recalls.codeFormat"),
    modelCode: text(40),
    serialFrom: z.string().trim().max(60, "tooLong"),
    serialTo: z.string().trim().max(60, "tooLong"),
    lots: z.string().trim().max(2000, "tooLong"),
    titleJa: text(200),
    titleEn: text(200),
    messageJa: text(5000),
    messageEn: text(5000),
    /** Set when the form edits an existing draft. */
    campaignId: z.string().min(1).max(40).optional(),
  })
  .refine((value) => value.serialFrom !== "" || value.serialTo !== "" || value.lots !== "", {
    path: ["lots"],
    message: "recalls.scopeRequired",
  });
export type TRecallCampaign = z.output<typeof ZRecallCampaignSchema>;
export type TRecallCampaignInput = z.input<typeof ZRecallCampaignSchema>;

export const ZRecallIdSchema = z.object({ campaignId: z.string().min(1).max(40) });
export const ZRecallCompletionSchema = z.object({ campaignId: z.string().min(1).max(40), serial: text(60) });
export const ZNoticeIdSchema = z.object({ noticeId: z.string().min(1).max(40) });

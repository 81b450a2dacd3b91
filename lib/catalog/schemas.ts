import { z } from "zod";
import { zText } from "@/lib/validation/text";
import { CHECK_DIGIT_ALGORITHMS, isUsablePattern } from "@/lib/products/serial-format";

const text = (max: number) => zText().trim().min(1, "required").max(max, "tooLong");
const months = (max: number) =>
  z.coerce.number<string | number>().int("catalog.wholeNumber").min(0, "catalog.notNegative").max(max, "catalog.tooMany");

/** A product model with its warranty terms and serial format (admin catalog form). */
export const ZModelSchema = z.object({
  code: zText()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/, "catalog.codeFormat"),
  nameJa: text(200),
  nameEn: text(200),
  category: text(60),
  warrantyMonths: months(240),
  warrantyBasis: z.enum(["PURCHASE_DATE", "MANUFACTURE_DATE"]),
  graceMonths: months(24),
  registrationBonusMonths: months(60),
  /** Empty: the bonus has no deadline. */
  registrationWindowDays: zText()
    .trim()
    .regex(/^\d{0,4}$/, "catalog.wholeNumber"),
  serialPattern: zText().trim().refine(isUsablePattern, "catalog.patternInvalid"),
  checkDigit: z.enum(CHECK_DIGIT_ALGORITHMS),
  imageFileId: zText().trim().max(40).default(""),
  archived: z.boolean().default(false),
});
export type TModel = z.input<typeof ZModelSchema>;

export const ZPlanSchema = z.object({
  modelCode: text(40),
  nameJa: text(200),
  nameEn: text(200),
  months: months(120).refine((value) => value > 0, "catalog.atLeastOne"),
  transferable: z.boolean(),
  priceYen: zText()
    .trim()
    .regex(/^\d{0,7}$/, "catalog.wholeNumber"),
});
export type TPlan = z.input<typeof ZPlanSchema>;

/** Attach a plan to one unit (bought at the shop, or granted as goodwill). */
export const ZGrantPlanSchema = z.object({
  planId: zText().min(1, "required").max(40),
  serial: text(60),
});
export type TGrantPlan = z.input<typeof ZGrantPlanSchema>;

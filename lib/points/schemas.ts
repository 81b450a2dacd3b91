import { z } from "zod";
import { zMultilineText, zText } from "@/lib/validation/text";
import { isLocalDate } from "@/lib/warranty/local-date";

/**
 * Points forms, shared by the browser and the server (conventions: One action wrapper). Messages
 * are catalog keys (`validation.*`, or `points.*` when they contain a dot).
 */
const id = zText().trim().min(1, "invalid").max(40, "invalid");
/** Made once per form in the browser: a double click or a retry after a timeout sends the same key. */
const idempotencyKey = zText().trim().min(8, "invalid").max(64, "invalid");
const wholeNumber = (min: number, max: number) =>
  z.coerce.number({ error: "points.wholeNumber" }).int("points.wholeNumber").min(min, "points.tooSmall").max(max, "points.tooLarge");
const optionalWholeNumber = (min: number, max: number) =>
  z.preprocess((value) => (value === "" || value === null || value === undefined ? null : value), wholeNumber(min, max).nullable());

export const ZRedeemSchema = z.object({
  rewardId: id,
  /** The cost the customer saw and confirmed: if an admin changed it meanwhile, nothing is charged. */
  cost: wholeNumber(1, 10_000_000),
  /** For an extended warranty: which of the customer's products (their ownership). */
  ownershipId: zText().trim().max(40, "invalid").default(""),
  idempotencyKey,
});
export type TRedeem = z.input<typeof ZRedeemSchema>;

export const POINTS_REASON_MAX_LENGTH = 500;

export const ZAdjustmentSchema = z.object({
  customerId: id,
  points: wholeNumber(-1_000_000, 1_000_000).refine((value) => value !== 0, "points.notZero"),
  reason: zMultilineText().trim().min(5, "points.reasonRequired").max(POINTS_REASON_MAX_LENGTH, "tooLong"),
  idempotencyKey,
});
export type TAdjustment = z.input<typeof ZAdjustmentSchema>;

export const ZAdjustmentDecisionSchema = z.object({
  adjustmentId: id,
  approve: z.enum(["yes", "no"], { error: "chooseOne" }),
  note: zMultilineText().trim().max(POINTS_REASON_MAX_LENGTH, "tooLong").default(""),
});
export type TAdjustmentDecision = z.input<typeof ZAdjustmentDecisionSchema>;

/** A business day (YYYY-MM-DD) or nothing. */
const localDate = zText()
  .trim()
  .max(10, "validation.dateInvalid")
  .refine((value) => value === "" || isLocalDate(value), "validation.dateInvalid")
  .default("");

export const ZRuleVersionSchema = z
  .object({
    ruleId: zText().trim().max(40, "invalid").default(""),
    nameJa: zText().trim().min(1, "required").max(80, "tooLong"),
    nameEn: zText().trim().min(1, "required").max(80, "tooLong"),
    active: z.enum(["yes", "no"], { error: "chooseOne" }),
    points: wholeNumber(1, 1_000_000),
    pendingDays: wholeNumber(0, 365),
    expiryMonths: wholeNumber(1, 120),
    /** Campaigns: first and last business day they run. */
    startsOn: localDate,
    endsOn: localDate,
    category: zText().trim().max(40, "tooLong").default(""),
    capPerCustomer: optionalWholeNumber(1, 100_000_000),
    capTotal: optionalWholeNumber(1, 1_000_000_000),
    note: zText().trim().min(3, "points.changeNoteRequired").max(200, "tooLong"),
  })
  .refine((value) => !value.startsOn || !value.endsOn || value.startsOn <= value.endsOn, {
    path: ["endsOn"],
    message: "points.endBeforeStart",
  });
export type TRuleVersion = z.input<typeof ZRuleVersionSchema>;

export const REWARD_KINDS = ["COUPON", "WARRANTY_EXTENSION", "GOODS"] as const;

export const ZRewardSchema = z
  .object({
    rewardId: zText().trim().max(40, "invalid").default(""),
    kind: z.enum(REWARD_KINDS, { error: "chooseOne" }),
    nameJa: zText().trim().min(1, "required").max(80, "tooLong"),
    nameEn: zText().trim().min(1, "required").max(80, "tooLong"),
    descriptionJa: zMultilineText().trim().max(1000, "tooLong").default(""),
    descriptionEn: zMultilineText().trim().max(1000, "tooLong").default(""),
    cost: wholeNumber(1, 10_000_000),
    stock: optionalWholeNumber(0, 10_000_000),
    /** The stock when the form was opened: redemptions meanwhile are not overwritten. */
    stockSeen: optionalWholeNumber(0, 10_000_000),
    perCustomerLimit: optionalWholeNumber(1, 1000),
    planId: zText().trim().max(40, "invalid").default(""),
    imageFileId: zText().trim().max(40, "invalid").default(""),
    /** COUPON: new codes, one per line (added to the pool). */
    couponCodes: zMultilineText().max(200_000, "tooLong").default(""),
    active: z.enum(["yes", "no"], { error: "chooseOne" }),
  })
  .refine((value) => value.kind !== "WARRANTY_EXTENSION" || value.planId !== "", { path: ["planId"], message: "points.planRequired" });
export type TReward = z.input<typeof ZRewardSchema>;

export const ZReleaseSchema = z.object({ lotId: id });
export const ZFlagDecisionSchema = z.object({ flagId: id, decision: z.enum(["release", "claw_back"], { error: "chooseOne" }) });

export const ZProgramSchema = z.object({
  pointValueSen: wholeNumber(1, 100_000),
  approvalThreshold: wholeNumber(1, 100_000_000),
  maxRegistrationsPerAddressPerDay: wholeNumber(1, 10_000),
  maxRemovalsPerMonth: wholeNumber(0, 10_000),
});
export type TProgram = z.input<typeof ZProgramSchema>;

export const ZTierSchema = z.object({
  tierId: zText().trim().max(40, "invalid").default(""),
  code: zText()
    .trim()
    .min(1, "required")
    .max(30, "tooLong")
    .regex(/^[a-z0-9-]+$/, "points.codeInvalid"),
  nameJa: zText().trim().min(1, "required").max(40, "tooLong"),
  nameEn: zText().trim().min(1, "required").max(40, "tooLong"),
  threshold: wholeNumber(0, 100_000_000),
  bonusWarrantyMonths: wholeNumber(0, 60),
  benefitsJa: zMultilineText().trim().max(500, "tooLong").default(""),
  benefitsEn: zMultilineText().trim().max(500, "tooLong").default(""),
});
export type TTier = z.input<typeof ZTierSchema>;

export const ZReverseSchema = z.object({
  entryId: id,
  reason: zMultilineText().trim().min(5, "points.reasonRequired").max(POINTS_REASON_MAX_LENGTH, "tooLong"),
});

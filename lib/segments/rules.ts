import { z } from "zod";
import { zName, zText } from "@/lib/validation/text";
import { PREFECTURE_NAMES } from "./prefectures";

/**
 * A segment's rules (issue 15), shared by the rule builder in the browser and the server, which
 * compiles them to SQL (compile.ts). Pure. Every rule can be turned into "not": `exclude`.
 * Numbers arrive from text inputs ("" for none) or from a saved definition (numbers, null).
 * Messages are catalog keys (`validation.*`, or `segments.*` with a dot).
 */
const optionalWhole = (max: number) =>
  z.preprocess(
    (value) => (value === "" || value === null || value === undefined ? null : typeof value === "string" ? Number(value.trim()) : value),
    z
      .number({ error: "segments.wholeNumber" })
      .int("segments.wholeNumber")
      .min(0, "segments.tooSmall")
      .max(max, "segments.tooLarge")
      .nullable(),
  );

const list = (item: z.ZodType<string>, max: number) => z.array(item).max(max, "segments.tooMany").default([]);
const code = zText().trim().min(1, "required").max(40, "tooLong");
const exclude = z.boolean().default(false);

/** `from` ≤ `to` when both are given, reported on `to`. */
function ordered<T extends Record<string, unknown>>(pairs: [keyof T & string, keyof T & string][]) {
  return (value: T, ctx: z.RefinementCtx) => {
    for (const [from, to] of pairs) {
      const low = value[from];
      const high = value[to];
      if (typeof low === "number" && typeof high === "number" && low > high) {
        ctx.addIssue({ code: "custom", message: "segments.rangeReversed", path: [to] });
      }
    }
  };
}

export const WARRANTY_STATES = ["any", "covered", "expiring", "expired"] as const;

/** Owns (now) a product matching every field given: model, category, months since registration or purchase. */
const ZProductRule = z
  .object({
    kind: z.literal("product"),
    exclude,
    models: list(code, 50),
    categories: list(zName().trim().min(1, "required").max(60, "tooLong"), 50),
    registeredFrom: optionalWhole(600),
    registeredTo: optionalWhole(600),
    purchasedFrom: optionalWhole(600),
    purchasedTo: optionalWhole(600),
    /** The unit's warranty today, as the warranty engine states it (computed in SQL: portal_warranty_until). */
    warranty: z.enum(WARRANTY_STATES, { error: "chooseOne" }).default("any"),
  })
  .superRefine(
    ordered([
      ["registeredFrom", "registeredTo"],
      ["purchasedFrom", "purchasedTo"],
    ]),
  )
  .superRefine((rule, ctx) => {
    const empty =
      rule.models.length + rule.categories.length === 0 &&
      rule.warranty === "any" &&
      [rule.registeredFrom, rule.registeredTo, rule.purchasedFrom, rule.purchasedTo].every((value) => value === null);
    if (empty) ctx.addIssue({ code: "custom", message: "segments.productEmpty", path: ["models"] });
  });

const ZRegionRule = z.object({
  kind: z.literal("region"),
  exclude,
  prefectures: list(
    zText().refine((value) => PREFECTURE_NAMES.includes(value), "invalid"),
    47,
  ).refine((values) => values.length > 0, "segments.chooseAtLeastOne"),
});

/** Available points (spendable now) between `min` and `max`. */
const ZPointsRule = z
  .object({ kind: z.literal("points"), exclude, min: optionalWhole(100_000_000), max: optionalWhole(100_000_000) })
  .superRefine(ordered([["min", "max"]]))
  .superRefine((rule, ctx) => {
    if (rule.min === null && rule.max === null) ctx.addIssue({ code: "custom", message: "segments.rangeEmpty", path: ["min"] });
  });

/** Membership tier now (points earned in the last 12 months, as the tier card counts them). */
const ZTierRule = z.object({
  kind: z.literal("tier"),
  exclude,
  tiers: list(code, 20).refine((values) => values.length > 0, "segments.chooseAtLeastOne"),
});

/** Repair requests sent (in the last `withinMonths` months, or ever): between `min` and `max`. */
const ZRepairsRule = z
  .object({
    kind: z.literal("repairs"),
    exclude,
    min: optionalWhole(1000),
    max: optionalWhole(1000),
    withinMonths: optionalWhole(600),
  })
  .superRefine(ordered([["min", "max"]]))
  .superRefine((rule, ctx) => {
    if (rule.min === null && rule.max === null) ctx.addIssue({ code: "custom", message: "segments.rangeEmpty", path: ["min"] });
  });

export const ATTRIBUTE_OPS = ["anyOf", "allOf", "noneOf", "between", "yes", "no", "answered", "unanswered"] as const;
export type AttributeOp = (typeof ATTRIBUTE_OPS)[number];

/**
 * An answer to a profile attribute. Which operators fit depends on the attribute's type, which
 * only the server knows: compile.ts checks the pair (`attributeOpsFor`).
 */
const ZAttributeRule = z
  .object({
    kind: z.literal("attribute"),
    exclude,
    attribute: code,
    op: z.enum(ATTRIBUTE_OPS, { error: "chooseOne" }),
    values: list(zText().trim().min(1).max(60, "tooLong"), 50),
    from: optionalWhole(100_000_000),
    to: optionalWhole(100_000_000),
    /** DATE attributes: YYYY-MM-DD bounds, "" for none. */
    fromDate: zText()
      .trim()
      .max(10)
      .regex(/^(\d{4}-\d{2}-\d{2})?$/, "validation.dateInvalid")
      .default(""),
    toDate: zText()
      .trim()
      .max(10)
      .regex(/^(\d{4}-\d{2}-\d{2})?$/, "validation.dateInvalid")
      .default(""),
  })
  .superRefine(ordered([["from", "to"]]))
  .superRefine((rule, ctx) => {
    if (["anyOf", "allOf", "noneOf"].includes(rule.op) && rule.values.length === 0) {
      ctx.addIssue({ code: "custom", message: "segments.chooseAtLeastOne", path: ["values"] });
    }
    if (rule.fromDate && rule.toDate && rule.fromDate > rule.toDate) {
      ctx.addIssue({ code: "custom", message: "segments.rangeReversed", path: ["toDate"] });
    }
  });

/** The customer's current consent to a purpose (to the texts in force) is given, or not. */
const ZConsentRule = z.object({
  kind: z.literal("consent"),
  exclude,
  purpose: code,
});

export const ZSegmentRule = z.discriminatedUnion("kind", [
  ZProductRule,
  ZRegionRule,
  ZPointsRule,
  ZTierRule,
  ZRepairsRule,
  ZAttributeRule,
  ZConsentRule,
]);
export type SegmentRule = z.output<typeof ZSegmentRule>;
export type SegmentRuleInput = z.input<typeof ZSegmentRule>;
export type SegmentRuleKind = SegmentRule["kind"];
export const SEGMENT_RULE_KINDS = [
  "product",
  "region",
  "points",
  "tier",
  "repairs",
  "attribute",
  "consent",
] as const satisfies readonly SegmentRuleKind[];

export const SEGMENT_MAX_RULES = 12;

export const ZSegmentDefinition = z.object({
  match: z.enum(["all", "any"], { error: "chooseOne" }),
  rules: z.array(ZSegmentRule).min(1, "segments.noRules").max(SEGMENT_MAX_RULES, "segments.tooManyRules"),
});
export type SegmentDefinition = z.output<typeof ZSegmentDefinition>;
export type SegmentDefinitionInput = z.input<typeof ZSegmentDefinition>;

export const ZSegmentSchema = z.object({
  segmentId: zText().trim().max(40, "invalid").default(""),
  name: zName().trim().min(1, "required").max(80, "tooLong"),
  description: zName().trim().max(300, "tooLong").default(""),
  definition: ZSegmentDefinition,
});
export type TSegmentInput = z.input<typeof ZSegmentSchema>;

/** A blank rule of each kind, for the builder's "add rule". */
export function blankRule(kind: SegmentRuleKind): SegmentRuleInput {
  switch (kind) {
    case "product":
      return {
        kind,
        exclude: false,
        models: [],
        categories: [],
        registeredFrom: "",
        registeredTo: "",
        purchasedFrom: "",
        purchasedTo: "",
        warranty: "any",
      };
    case "region":
      return { kind, exclude: false, prefectures: [] };
    case "points":
      return { kind, exclude: false, min: "", max: "" };
    case "tier":
      return { kind, exclude: false, tiers: [] };
    case "repairs":
      return { kind, exclude: false, min: "1", max: "", withinMonths: "" };
    case "attribute":
      return { kind, exclude: false, attribute: "", op: "anyOf", values: [], from: "", to: "", fromDate: "", toDate: "" };
    case "consent":
      return { kind, exclude: false, purpose: "marketing_email" };
  }
}

import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AttributeType } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { EXPIRING_SOON_DAYS } from "@/lib/warranty/compute";
import type { AttributeOp, SegmentDefinition, SegmentRule } from "./rules";

/**
 * Segment rules to one SQL condition on `"User" u` (issue 15, decision 0013). Each rule is an
 * EXISTS or a scalar subquery correlated on the customer, so PostgreSQL picks the plan (driving
 * from the most selective index, or a hash semi-join over a whole table) and nothing is copied
 * into the app. Every value is a bound parameter. What the rules name (attributes, tiers, consent
 * purposes) is looked up first and passed in as `SegmentContext`; a rule naming something unknown,
 * or an operator that does not fit its attribute's type, is a validation error on that rule.
 */
export type SegmentContext = {
  now: Date;
  /** Today in the business's calendar, for the warranty's state. */
  today: string;
  attributes: Map<string, { id: string; type: AttributeType; values: string[]; sensitive: boolean }>;
  /** Tier code → [threshold, next tier's threshold or null]. */
  tiers: Map<string, [number, number | null]>;
  /** Purpose id → the oldest publication a consent may be given to and still count. */
  consentMinimum: Map<string, Date>;
};

/**
 * The customer (`userId`, a column) holds a current consent to `purpose`: not withdrawn, and given
 * to a text still in force (lib/consents/policies.ts versionStillCounts; `minimum` is minimumOf's
 * publication). Segments and campaigns share it, so "who agreed" means one thing.
 */
export function currentConsentSql(userId: Prisma.Sql, purpose: string, minimum: Date): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Consent" c JOIN "PolicyVersion" v ON v."purposeId" = c.purpose AND v.version = c."policyVersion"
    WHERE c."userId" = ${userId} AND c.purpose = ${purpose} AND c."dealerId" IS NULL AND c."withdrawnAt" IS NULL AND v."publishedAt" >= ${minimum})`;
}

/** Customers a segment can reach at all: not disabled, not being or already erased. */
export const REACHABLE_CUSTOMER = Prisma.sql`u.role = 'CUSTOMER' AND u."disabledAt" IS NULL AND u."erasureRequestedAt" IS NULL`;

export const ATTRIBUTE_OPS_FOR: Record<AttributeType, readonly AttributeOp[]> = {
  CHOICE: ["anyOf", "noneOf", "answered", "unanswered"],
  MULTI_CHOICE: ["anyOf", "allOf", "noneOf", "answered", "unanswered"],
  NUMBER: ["between", "answered", "unanswered"],
  DATE: ["between", "answered", "unanswered"],
  YES_NO: ["yes", "no", "answered", "unanswered"],
};

function invalid(index: number, field: string, messageKey: string): never {
  throw new AppError("VALIDATION", { cause: { [`definition.rules.${index}.${field}`]: messageKey } });
}

/** `n` whole months before `now`, by PostgreSQL's calendar (31 March minus one month is 28/29 February). */
const monthsBefore = (now: Date, months: number) => Prisma.sql`(${now}::timestamptz - make_interval(months => ${months}::int))`;

function range(column: Prisma.Sql, min: number | null, max: number | null): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (min !== null) parts.push(Prisma.sql`${column} >= ${min}`);
  if (max !== null) parts.push(Prisma.sql`${column} <= ${max}`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/**
 * "Registered 11-13 months ago" means 11 to 13 whole months have passed since: on or before
 * now − 11 months, and after now − 14 months.
 */
function monthsAgo(column: Prisma.Sql, now: Date, from: number | null, to: number | null): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (from !== null) parts.push(Prisma.sql`${column} <= ${monthsBefore(now, from)}`);
  if (to !== null) parts.push(Prisma.sql`${column} > ${monthsBefore(now, to + 1)}`);
  return parts;
}

function ruleSql(rule: SegmentRule, index: number, context: SegmentContext): Prisma.Sql {
  const { now } = context;
  switch (rule.kind) {
    case "product": {
      const where: Prisma.Sql[] = [Prisma.sql`o."userId" = u.id`, Prisma.sql`o."endedAt" IS NULL`];
      if (rule.models.length) where.push(Prisma.sql`m.code = ANY(${rule.models}::text[])`);
      if (rule.categories.length) where.push(Prisma.sql`m.category = ANY(${rule.categories}::text[])`);
      where.push(...monthsAgo(Prisma.sql`o."registeredAt"`, now, rule.registeredFrom, rule.registeredTo));
      // The purchase is a calendar date: counted from today's date in the business's calendar.
      if (rule.purchasedFrom !== null)
        where.push(Prisma.sql`o."purchasedOn" <= (${context.today}::date - make_interval(months => ${rule.purchasedFrom}::int))::date`);
      if (rule.purchasedTo !== null)
        where.push(Prisma.sql`o."purchasedOn" > (${context.today}::date - make_interval(months => ${rule.purchasedTo + 1}::int))::date`);
      if (rule.warranty !== "any") {
        // The engine's states (lib/warranty/compute.ts): expired before today, expiring within EXPIRING_SOON_DAYS.
        const daysLeft = Prisma.sql`(portal_warranty_until(o.id) - ${context.today}::date)`;
        where.push(
          rule.warranty === "expired"
            ? Prisma.sql`${daysLeft} < 0`
            : rule.warranty === "expiring"
              ? Prisma.sql`${daysLeft} BETWEEN 0 AND ${EXPIRING_SOON_DAYS}`
              : Prisma.sql`${daysLeft} > ${EXPIRING_SOON_DAYS}`,
        );
      }
      return Prisma.sql`EXISTS (SELECT 1 FROM "Ownership" o JOIN "SerialUnit" s ON s.id = o."unitId" JOIN "ProductModel" m ON m.id = s."modelId" WHERE ${Prisma.join(where, " AND ")})`;
    }
    case "region":
      // Never NULL, so that "exclude Tokyo" keeps the customers who gave no prefecture.
      return Prisma.sql`COALESCE(u.prefecture = ANY(${rule.prefectures}::text[]), FALSE)`;
    case "points": {
      const balance = Prisma.sql`COALESCE((SELECT a.balance FROM "PointsAccount" a WHERE a."userId" = u.id AND a.kind = 'AVAILABLE'), 0)`;
      return range(balance, rule.min, rule.max);
    }
    case "tier": {
      const bounds = rule.tiers.map((code) => context.tiers.get(code) ?? invalid(index, "tiers", "segments.unknownTier"));
      // Points earned in the last 12 months, as lib/points/wallet.ts tierStatus counts them.
      const earned = Prisma.sql`(SELECT COALESCE(SUM(l.points), 0) FROM "PointsLot" l JOIN "PointsEntry" e ON e.id = l."awardEntryId"
        WHERE l."userId" = u.id AND e.kind = 'AWARD' AND l."clawedBackAt" IS NULL AND l."heldAt" IS NULL
          AND l."awardedAt" > ${now}::timestamptz - interval '365 days')`;
      const inTier = bounds.map(([low, high]) =>
        high === null ? Prisma.sql`t.earned >= ${low}` : Prisma.sql`(t.earned >= ${low} AND t.earned < ${high})`,
      );
      return Prisma.sql`EXISTS (SELECT 1 FROM (SELECT ${earned} AS earned) t WHERE ${Prisma.join(inTier, " OR ")})`;
    }
    case "repairs": {
      const since = rule.withinMonths === null ? Prisma.empty : Prisma.sql`AND r."createdAt" > ${monthsBefore(now, rule.withinMonths)}`;
      const count = Prisma.sql`(SELECT count(*) FROM "RepairTicket" r WHERE r."customerId" = u.id ${since})`;
      return range(count, rule.min, rule.max);
    }
    case "attribute": {
      const attribute = context.attributes.get(rule.attribute) ?? invalid(index, "attribute", "segments.unknownAttribute");
      if (!ATTRIBUTE_OPS_FOR[attribute.type].includes(rule.op)) invalid(index, "op", "segments.opDoesNotFit");
      const unknown = rule.values.find((value) => !attribute.values.includes(value));
      if (["anyOf", "allOf", "noneOf"].includes(rule.op) && unknown !== undefined) invalid(index, "values", "validation.invalid");
      const answer = (condition: Prisma.Sql) =>
        Prisma.sql`EXISTS (SELECT 1 FROM "AttributeAnswer" a WHERE a."userId" = u.id AND a."attributeId" = ${attribute.id} AND ${condition})`;
      switch (rule.op) {
        case "anyOf":
          return answer(Prisma.sql`a.choices && ${rule.values}::text[]`);
        case "allOf":
          return answer(Prisma.sql`a.choices @> ${rule.values}::text[]`);
        case "noneOf":
          return answer(Prisma.sql`NOT (a.choices && ${rule.values}::text[])`);
        case "between":
          if (attribute.type === "DATE") {
            if (!rule.fromDate && !rule.toDate) invalid(index, "fromDate", "segments.rangeEmpty");
            const parts = [
              rule.fromDate ? Prisma.sql`a.date >= ${rule.fromDate}::date` : Prisma.sql`a.date IS NOT NULL`,
              rule.toDate ? Prisma.sql`a.date <= ${rule.toDate}::date` : Prisma.sql`TRUE`,
            ];
            return answer(Prisma.join(parts, " AND "));
          }
          if (rule.from === null && rule.to === null) invalid(index, "from", "segments.rangeEmpty");
          return answer(Prisma.sql`a.number IS NOT NULL AND ${range(Prisma.sql`a.number`, rule.from, rule.to)}`);
        case "yes":
          return answer(Prisma.sql`a.yes = TRUE`);
        case "no":
          return answer(Prisma.sql`a.yes = FALSE`);
        case "answered":
          return answer(Prisma.sql`TRUE`);
        case "unanswered":
          return Prisma.sql`NOT ${answer(Prisma.sql`TRUE`)}`;
      }
      break;
    }
    case "consent": {
      const minimum = context.consentMinimum.get(rule.purpose) ?? invalid(index, "purpose", "segments.unknownPurpose");
      return currentConsentSql(Prisma.sql`u.id`, rule.purpose, minimum);
    }
  }
  throw new Error("unreachable");
}

/** The segment's condition on `"User" u`, reachable customers only. */
export function segmentWhere(definition: SegmentDefinition, context: SegmentContext): Prisma.Sql {
  const rules = definition.rules.map((rule, index) => {
    const sql = ruleSql(rule, index, context);
    return rule.exclude ? Prisma.sql`NOT (${sql})` : Prisma.sql`(${sql})`;
  });
  const joined = Prisma.join(rules, definition.match === "all" ? " AND " : " OR ");
  return Prisma.sql`${REACHABLE_CUSTOMER} AND (${joined})`;
}

/** Whether a rule selects by a sensitive attribute: such a segment is counted, never listed. */
export function usesSensitiveAttribute(definition: SegmentDefinition, context: SegmentContext): boolean {
  return definition.rules.some((rule) => rule.kind === "attribute" && context.attributes.get(rule.attribute)?.sensitive === true);
}

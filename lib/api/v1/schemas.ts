/**
 * The REST API v1's shapes (issue 16): the zod schemas the handlers parse with and answer in, and
 * from which lib/api/v1/openapi.ts generates the OpenAPI 3.1 document. `.meta({ id })` names a
 * component in that document.
 */
import { z } from "zod";
import { DELIVERIES, CONTACT_PREFERENCES } from "@/lib/repairs/schemas";

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ description: "A calendar date (YYYY-MM-DD), Japan time." });
const instant = z.string().meta({ description: "An instant (RFC 3339)." });

export const ZModel = z
  .object({ code: z.string(), name: z.string(), category: z.string() })
  .meta({ id: "Model", description: "A product model of the catalog; the name in the language asked for (Accept-Language)." });

export const ZWarranty = z
  .object({
    status: z.enum(["COVERED", "EXPIRING_SOON", "EXPIRED"]),
    startsOn: localDate,
    coveredUntil: localDate,
    totalMonths: z.number().int(),
    daysLeft: z.number().int(),
    explanation: z.string().meta({ description: "Why the warranty holds until that day, in sentences." }),
    parts: z.array(
      z.object({
        kind: z.enum(["standard", "registrationBonus", "memberBonus", "extension"]),
        months: z.number().int(),
      }),
    ),
  })
  .meta({ id: "Warranty" });

export const ZProduct = z
  .object({
    id: z.string().meta({ description: "The registration's id (changes when the unit changes hands)." }),
    serialNumber: z.string(),
    model: ZModel,
    purchasedOn: localDate.nullable(),
    registeredAt: instant,
    warranty: ZWarranty.optional().meta({ description: "Present when the token has warranty:read." }),
  })
  .meta({ id: "Product" });

export const ZRepairEvent = z.object({ at: instant, kind: z.string(), status: z.string().nullable(), message: z.string().nullable() });

export const ZRepair = z
  .object({
    id: z.string(),
    number: z.string(),
    status: z.string(),
    coverage: z.string(),
    productId: z.string(),
    serialNumber: z.string(),
    model: z.string(),
    description: z.string().optional(),
    createdAt: instant,
    events: z.array(ZRepairEvent).optional().meta({ description: "The timeline, in the single-repair answer." }),
  })
  .meta({ id: "Repair" });

export const ZRepairCreate = z
  .object({
    productId: z.string().min(1).max(40),
    symptomCategoryId: z.string().min(1).max(40),
    description: z.string().min(10).max(4000),
    delivery: z.enum(DELIVERIES),
    preferredDates: z.array(localDate).max(3).optional(),
    dealerId: z.string().max(40).optional(),
    contactPreference: z.enum(CONTACT_PREFERENCES),
  })
  .meta({ id: "RepairCreate", description: "A repair request. Send an Idempotency-Key header: a retry returns the same ticket." });

export const ZRepairMessage = z
  .object({ message: z.string().min(1).max(2000) })
  .meta({ id: "RepairMessage", description: "Information the desk asked for (only while it waits for the customer)." });

export const ZPointsBalance = z
  .object({
    available: z.number().int(),
    pending: z.number().int(),
    expiringSoon: z.number().int().meta({ description: "Points that expire in the next 30 days." }),
    tier: z.string().nullable(),
  })
  .meta({ id: "PointsBalance" });

export const ZPointsMovement = z
  .object({ id: z.string(), at: instant, kind: z.string(), points: z.number().int(), description: z.string() })
  .meta({ id: "PointsMovement" });

export const ZReward = z
  .object({
    id: z.string(),
    kind: z.string(),
    name: z.string(),
    description: z.string(),
    cost: z.number().int(),
    available: z.boolean().meta({ description: "False when sold out or the customer's limit is reached." }),
  })
  .meta({ id: "Reward" });

export const ZRedemptionCreate = z
  .object({
    rewardId: z.string().min(1).max(40),
    cost: z.number().int().min(1).meta({ description: "The cost the customer confirmed: nothing is charged if it changed." }),
    productId: z.string().max(40).optional().meta({ description: "For an extended warranty: which product." }),
  })
  .meta({ id: "RedemptionCreate", description: "Exchange points for a reward. The Idempotency-Key header is required." });

export const ZRedemption = z
  .object({ id: z.string(), couponCode: z.string().nullable(), availableAfter: z.number().int(), replayed: z.boolean() })
  .meta({ id: "Redemption" });

export const ZSymptom = z.object({ id: z.string(), code: z.string(), name: z.string() }).meta({ id: "Symptom" });

export function ZPage<T extends z.ZodType>(item: T, id: string) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() }).meta({ id });
}

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

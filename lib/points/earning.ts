import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PointsRuleVersion } from "@/lib/generated/prisma/client";
import { lockWallets, type Tx } from "./ledger";
import { awardPoints, clawBackLot } from "./movements";

/**
 * Earning rules at work (issue 12): the events that earn points call here inside their own
 * transaction, so a registration and its award commit together. Each award names the rule version
 * that produced it, respects the version's dates, category and caps, and has a key that makes it
 * happen once per cause: a serial's registration points are given once ever, not once per owner.
 */
export type RuleCode = "registration" | "repair_rating" | "profile";

export async function currentVersion(tx: Tx, ruleId: string): Promise<PointsRuleVersion | null> {
  return tx.pointsRuleVersion.findFirst({ where: { ruleId }, orderBy: { version: "desc" } });
}

async function builtInVersion(tx: Tx, code: RuleCode): Promise<PointsRuleVersion | null> {
  const rule = await tx.pointsRule.findUnique({ where: { code }, select: { id: true } });
  const version = rule && (await currentVersion(tx, rule.id));
  return version?.active ? version : null;
}

/** Points still allowed under the version's caps (null: no cap), counting awards not clawed back. */
async function roomUnderCaps(tx: Tx, version: PointsRuleVersion, userId: string): Promise<number | null> {
  if (version.capPerCustomer === null && version.capTotal === null) return null;
  // A total cap is shared by every customer: awards under it take turns on the rule's row.
  if (version.capTotal !== null) await tx.$queryRaw`SELECT id FROM "PointsRule" WHERE id = ${version.ruleId} FOR UPDATE`;
  const [earned] = await tx.$queryRaw<{ mine: number; total: number }[]>`
    SELECT COALESCE(SUM(l.points) FILTER (WHERE l."userId" = ${userId}), 0)::int AS mine, COALESCE(SUM(l.points), 0)::int AS total
    FROM "PointsLot" l JOIN "PointsEntry" e ON e.id = l."awardEntryId" JOIN "PointsRuleVersion" v ON v.id = e."ruleVersionId"
    WHERE v."ruleId" = ${version.ruleId} AND l."clawedBackAt" IS NULL`;
  const limits = [
    version.capPerCustomer === null ? Infinity : version.capPerCustomer - (earned?.mine ?? 0),
    version.capTotal === null ? Infinity : version.capTotal - (earned?.total ?? 0),
  ];
  return Math.max(0, Math.min(...limits));
}

type AwardByRule = {
  version: PointsRuleVersion;
  userId: string;
  key: string;
  /** Identifies the cause, not the rule's terms: a replay under a newer version is the same request. */
  request: Prisma.InputJsonValue;
  cause: { kind: string; id: string };
  now: Date;
  held?: boolean;
};

export async function awardByRule(tx: Tx, input: AwardByRule): Promise<{ lotId: string | null; entryId: string } | null> {
  const { version } = input;
  if (version.startsAt && input.now < version.startsAt) return null;
  if (version.endsAt && input.now >= version.endsAt) return null;
  // The customer's lock first (as every movement takes it), so two awards of one customer cannot
  // both read the same room under the per-customer cap.
  await lockWallets(tx, input.userId);
  const room = await roomUnderCaps(tx, version, input.userId);
  const points = room === null ? version.points : Math.min(version.points, room);
  if (points <= 0) return null;
  const awarded = await awardPoints(tx, {
    userId: input.userId,
    points,
    key: input.key,
    request: input.request,
    ruleVersionId: version.id,
    cause: input.cause,
    pendingDays: version.pendingDays,
    expiryMonths: version.expiryMonths,
    held: input.held,
    now: input.now,
  });
  return awarded.replayed ? null : awarded;
}

/** Claw back every award (of any rule) caused by one record, e.g. an ownership that was removed. */
export async function clawBackCause(
  tx: Tx,
  cause: { kinds: string[]; id: string },
  reason: string,
  now: Date = new Date(),
): Promise<number> {
  const lots = await tx.$queryRaw<{ id: string }[]>`
    SELECT l.id FROM "PointsLot" l JOIN "PointsEntry" e ON e.id = l."awardEntryId"
    WHERE e."causeKind" = ANY(${cause.kinds}::text[]) AND e."causeId" = ${cause.id} AND l."clawedBackAt" IS NULL`;
  for (const lot of lots) await clawBackLot(tx, lot.id, { reason, now });
  return lots.length;
}

export type RegistrationEarned = {
  userId: string;
  ownershipId: string;
  unitId: string;
  /** A claim decided for the rightful owner earns again only if the earlier award was clawed back. */
  via: "REGISTRATION" | "CLAIM";
  held: boolean;
  now?: Date;
};

/** A product registration: the registration rule (once per serial ever) and any running campaign for its category. */
export async function earnForRegistration(tx: Tx, event: RegistrationEarned): Promise<string[]> {
  const now = event.now ?? new Date();
  const lotIds: string[] = [];
  const cause = { kind: "registration", id: event.ownershipId };
  const registration = await builtInVersion(tx, "registration");
  if (registration) {
    let key: string | null = `award:registration:${event.unitId}`;
    if (event.via === "CLAIM") {
      const [open] = await tx.$queryRaw<{ count: number }[]>`
        SELECT COUNT(*)::int AS count FROM "PointsLot" l JOIN "PointsEntry" e ON e.id = l."awardEntryId"
        WHERE e."idempotencyKey" LIKE ${`award:registration:${event.unitId}%`} AND l."clawedBackAt" IS NULL`;
      key = open?.count ? null : `award:registration:${event.unitId}:claim:${event.ownershipId}`;
    }
    if (key) {
      const awarded = await awardByRule(tx, {
        version: registration,
        userId: event.userId,
        key,
        request: { rule: "registration", unitId: event.unitId },
        cause,
        now,
        held: event.held,
      });
      if (awarded?.lotId) lotIds.push(awarded.lotId);
    }
  }
  const unit = await tx.serialUnit.findUniqueOrThrow({ where: { id: event.unitId }, select: { model: { select: { category: true } } } });
  // In id order, so two registrations lock campaign rules (total caps) in the same order.
  const campaigns = await tx.pointsRule.findMany({ where: { kind: "CAMPAIGN" }, select: { id: true }, orderBy: { id: "asc" } });
  for (const campaign of campaigns) {
    const version = await currentVersion(tx, campaign.id);
    if (!version?.active || (version.category && version.category !== unit.model.category)) continue;
    const awarded = await awardByRule(tx, {
      version,
      userId: event.userId,
      key: `award:campaign:${campaign.id}:${event.unitId}`,
      request: { rule: campaign.id, unitId: event.unitId },
      cause: { kind: "campaign", id: event.ownershipId },
      now,
      held: event.held,
    });
    if (awarded?.lotId) lotIds.push(awarded.lotId);
  }
  return lotIds;
}

/** The registration and campaign awards of an ownership that was removed or went to its rightful owner. */
export function clawBackRegistration(tx: Tx, ownershipId: string, reason: string, now?: Date): Promise<number> {
  return clawBackCause(tx, { kinds: ["registration", "campaign"], id: ownershipId }, reason, now);
}

/** A completed repair rated by its customer (once per ticket). */
export async function earnForRepairRating(tx: Tx, input: { userId: string; ticketId: string; now?: Date }): Promise<void> {
  const version = await builtInVersion(tx, "repair_rating");
  if (!version) return;
  await awardByRule(tx, {
    version,
    userId: input.userId,
    key: `award:repair_rating:${input.ticketId}`,
    request: { rule: "repair_rating", ticketId: input.ticketId },
    cause: { kind: "repair_rating", id: input.ticketId },
    now: input.now ?? new Date(),
  });
}

/** Every field of the profile filled in (once per customer). */
export async function earnForProfile(tx: Tx, input: { userId: string; now?: Date }): Promise<void> {
  const version = await builtInVersion(tx, "profile");
  if (!version) return;
  await awardByRule(tx, {
    version,
    userId: input.userId,
    key: `award:profile:${input.userId}`,
    request: { rule: "profile", userId: input.userId },
    cause: { kind: "profile", id: input.userId },
    now: input.now ?? new Date(),
  });
}

/** A survey answered (issue 15): its own rule of kind SURVEY, once per customer and survey. */
export async function earnForSurvey(tx: Tx, input: { userId: string; surveyId: string; ruleId: string; now?: Date }): Promise<boolean> {
  const version = await currentVersion(tx, input.ruleId);
  if (!version?.active) return false;
  const awarded = await awardByRule(tx, {
    version,
    userId: input.userId,
    key: `award:survey:${input.surveyId}:${input.userId}`,
    request: { rule: input.ruleId, surveyId: input.surveyId },
    cause: { kind: "survey", id: input.surveyId },
    now: input.now ?? new Date(),
  });
  return awarded !== null;
}

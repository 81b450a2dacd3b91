import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { minimumOf, purposesWithVersions } from "@/lib/consents/policies";
import { maskEmail, maskName } from "@/lib/dealers/mask";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { businessToday } from "@/lib/time/business-time";
import { choiceValues } from "@/lib/profiling/schemas";
import { segmentWhere, usesSensitiveAttribute, type SegmentContext } from "./compile";
import { keyedHash } from "@/lib/auth/sealed-secrets";
import { ZSegmentDefinition, type SegmentDefinition } from "./rules";

/**
 * Segments (issue 15): saved rules, counted and sampled live in SQL (compile.ts). A sample shows a
 * builder enough to check the rules (masked name and email, prefecture, products), never contact
 * details or answers to sensitive attributes.
 */
export async function segmentContext(now: Date = new Date()): Promise<SegmentContext> {
  const [attributes, tiers, purposes] = await Promise.all([
    db.profileAttribute.findMany({ select: { id: true, code: true, type: true, options: true, sensitive: true } }),
    db.pointsTier.findMany({ orderBy: { threshold: "asc" }, select: { code: true, threshold: true } }),
    purposesWithVersions(),
  ]);
  return {
    now,
    today: businessToday(now),
    attributes: new Map(
      attributes.map((a) => [a.code, { id: a.id, type: a.type, values: choiceValues(a.options), sensitive: a.sensitive }]),
    ),
    tiers: new Map(tiers.map((tier, i) => [tier.code, [tier.threshold, tiers[i + 1]?.threshold ?? null] as [number, number | null]])),
    consentMinimum: new Map(purposes.filter((p) => p.versions.length > 0).map((p) => [p.id, minimumOf(p).publishedAt])),
  };
}

/** The compiled condition of `definition`, checked again (a saved definition is re-parsed too). */
export async function compileSegment(definition: unknown, now?: Date): Promise<Prisma.Sql> {
  return (await compileSegmentWithFacts(definition, now)).where;
}

/** The condition, and whether a rule selects by a sensitive attribute (then members are never listed). */
async function compileSegmentWithFacts(definition: unknown, now?: Date): Promise<{ where: Prisma.Sql; sensitive: boolean }> {
  const parsed = ZSegmentDefinition.safeParse(definition);
  if (!parsed.success) throw new AppError("VALIDATION", { messageKey: "segments.invalidDefinition" });
  const context = await segmentContext(now);
  return { where: segmentWhere(parsed.data, context), sensitive: usesSensitiveAttribute(parsed.data, context) };
}

export async function countSegment(definition: SegmentDefinition, now?: Date): Promise<number> {
  const where = await compileSegment(definition, now);
  const [row] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "User" u WHERE ${where}`;
  return Number(row?.count ?? 0);
}

export type SampleRow = { id: string; name: string; email: string; prefecture: string | null; products: number; joinedAt: Date };

export const SAMPLE_SIZE = 10;

/** A few members, masked, newest first; none when a rule selects by a sensitive attribute. */
export async function sampleSegment(definition: SegmentDefinition, now?: Date): Promise<SampleRow[]> {
  const { where, sensitive } = await compileSegmentWithFacts(definition, now);
  if (sensitive) return [];
  const rows = await db.$queryRaw<
    { id: string; name: string | null; email: string; prefecture: string | null; products: number; createdAt: Date }[]
  >`
    SELECT u.id, u.name, u.email, u.prefecture, u."createdAt",
      (SELECT count(*)::int FROM "Ownership" o WHERE o."userId" = u.id AND o."endedAt" IS NULL) AS products
    FROM "User" u WHERE ${where} ORDER BY u."createdAt" DESC, u.id LIMIT ${SAMPLE_SIZE}`;
  return rows.map((row) => ({
    id: row.id,
    name: maskName(row.name),
    email: maskEmail(row.email),
    prefecture: row.prefecture,
    products: row.products,
    joinedAt: row.createdAt,
  }));
}

export function listSegments() {
  return db.segment.findMany({
    where: { archivedAt: null },
    orderBy: { updatedAt: "desc" },
    select: { id: true, name: true, description: true, updatedAt: true, definition: true, _count: { select: { campaigns: true } } },
  });
}

export async function getSegment(id: string) {
  const segment = await db.segment.findFirst({ where: { id, archivedAt: null } });
  if (!segment) return null;
  const parsed = ZSegmentDefinition.safeParse(segment.definition);
  return { ...segment, definition: parsed.success ? parsed.data : null };
}

export async function saveSegment(
  actorId: string,
  input: { segmentId: string; name: string; description: string; definition: SegmentDefinition },
): Promise<{ id: string }> {
  // Compile before saving: a rule naming an unknown attribute or tier is refused here, not at send.
  await compileSegment(input.definition);
  const data = {
    name: input.name,
    description: input.description,
    definition: input.definition as Prisma.InputJsonValue,
    updatedById: actorId,
  };
  const saved = input.segmentId
    ? await db.segment.update({ where: { id: input.segmentId, archivedAt: null }, data, select: { id: true } }).catch((error: unknown) => {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") throw new AppError("NOT_FOUND");
        throw error;
      })
    : await db.segment.create({ data: { ...data, createdById: actorId }, select: { id: true } });
  await recordAudit({
    action: "segment.saved",
    outcome: "SUCCESS",
    actorId,
    targetType: "Segment",
    targetId: saved.id,
    details: { name: input.name, rules: input.definition.rules.length },
  });
  return saved;
}

/** Archive (segments used by a campaign stay readable through it). */
export async function archiveSegment(actorId: string, id: string): Promise<void> {
  const { count } = await db.segment.updateMany({
    where: { id, archivedAt: null },
    data: { archivedAt: new Date(), updatedById: actorId },
  });
  if (count === 0) throw new AppError("NOT_FOUND");
  await recordAudit({ action: "segment.archived", outcome: "SUCCESS", actorId, targetType: "Segment", targetId: id });
}

export const SEGMENT_EXPORT_MAX = 50_000;

/**
 * A segment's members as rows for a CSV, masked as in the sample (no contact details, a reference
 * instead of the customer's id), at most SEGMENT_EXPORT_MAX, read in keyset batches. Audited with
 * the count. A segment that selects by a sensitive attribute is counted, never listed.
 */
export async function exportSegment(actorId: string, segmentId: string): Promise<{ name: string; rows: SampleRow[] } | null> {
  const segment = await getSegment(segmentId);
  if (!segment?.definition) return null;
  const { where, sensitive } = await compileSegmentWithFacts(segment.definition);
  if (sensitive) throw new AppError("CONFLICT", { messageKey: "segments.sensitiveNotListed" });
  const rows: SampleRow[] = [];
  let after = "";
  while (rows.length < SEGMENT_EXPORT_MAX) {
    const batch = await db.$queryRaw<
      { id: string; name: string | null; email: string; prefecture: string | null; products: number; createdAt: Date }[]
    >`
      SELECT u.id, u.name, u.email, u.prefecture, u."createdAt",
        (SELECT count(*)::int FROM "Ownership" o WHERE o."userId" = u.id AND o."endedAt" IS NULL) AS products
      FROM "User" u WHERE ${where} AND u.id > ${after} ORDER BY u.id LIMIT ${Math.min(5000, SEGMENT_EXPORT_MAX - rows.length)}`;
    rows.push(
      ...batch.map((row) => ({
        // A reference stable within this segment's exports, not the customer's id.
        id: keyedHash(`segment-member:${segmentId}:${row.id}`).slice(0, 16),
        name: maskName(row.name),
        email: maskEmail(row.email),
        prefecture: row.prefecture,
        products: row.products,
        joinedAt: row.createdAt,
      })),
    );
    if (batch.length === 0 || batch.length < 5000) break;
    after = batch.at(-1)!.id;
  }
  await recordAudit({
    action: "segment.exported",
    outcome: "SUCCESS",
    actorId,
    targetType: "Segment",
    targetId: segmentId,
    details: { rows: rows.length, masked: true },
  });
  return { name: segment.name, rows };
}

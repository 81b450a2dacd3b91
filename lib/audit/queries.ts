import "server-only";
import { endOfBusinessDay, startOfBusinessDay } from "@/lib/time/business-time";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AuditOutcome } from "@/lib/generated/prisma/enums";
import { isLocalDate, type LocalDate } from "@/lib/warranty/local-date";
import { recordAudit } from "./log";

/** A user's own recent security events (sign-ins, failures, changes to how they sign in), so they can spot a stranger. */
export function listOwnSecurityEvents(userId: string, take = 10) {
  return db.auditEvent.findMany({
    where: { actorId: userId, action: { startsWith: "auth." } },
    orderBy: { at: "desc" },
    take,
    select: { id: true, at: true, action: true, outcome: true, ipAddress: true },
  });
}

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_OUTCOMES = Object.values(AuditOutcome);

/**
 * The staff audit log's filters, as they travel in the URL (so a filtered page can be shared):
 * actor email, action, outcome, a date range (Japan time, both days included), a free search and
 * the keyset cursor (`before`/`after` an entry id). Anything malformed is dropped, not an error.
 */
export type AuditFilter = {
  actor?: string;
  action?: string;
  outcome?: AuditOutcome;
  from?: LocalDate;
  to?: LocalDate;
  q?: string;
  /** A kind of target ("RepairTicket") or one target's id. */
  target?: string;
  before?: bigint;
  after?: bigint;
};

type SearchParams = Record<string, string | string[] | undefined>;

export function parseAuditFilter(params: SearchParams): AuditFilter {
  const text = (name: string, max: number) => {
    const value = params[name];
    const trimmed = typeof value === "string" ? value.trim().slice(0, max) : "";
    return trimmed === "" ? undefined : trimmed;
  };
  const id = (name: string) => {
    const value = text(name, 20);
    return value && /^\d+$/.test(value) ? BigInt(value) : undefined;
  };
  const date = (name: string) => {
    const value = text(name, 10);
    return value && isLocalDate(value) ? value : undefined;
  };
  const action = text("action", 60);
  const outcome = text("outcome", 10);
  return {
    actor: text("actor", 320),
    action: action && /^[a-z_]+\.[a-z_]+$/.test(action) ? action : undefined,
    outcome: (AUDIT_OUTCOMES as string[]).includes(outcome ?? "") ? (outcome as AuditOutcome) : undefined,
    from: date("from"),
    to: date("to"),
    q: text("q", 200),
    target: text("target", 100),
    before: id("before"),
    after: id("after"),
  };
}

/** The filters without the cursor, as URL parameters (for links to other pages of the same view). */
export function auditFilterParams(filter: AuditFilter): Record<string, string> {
  const { before: _before, after: _after, ...rest } = filter;
  return Object.fromEntries(
    Object.entries(rest)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
}

async function whereOf(filter: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filter.actor) {
    and.push({
      OR: [
        { actor: { email: { contains: filter.actor, mode: "insensitive" } } },
        { actorLabel: { contains: filter.actor, mode: "insensitive" } },
      ],
    });
  }
  if (filter.action) and.push({ action: filter.action });
  if (filter.outcome) and.push({ outcome: filter.outcome });
  if (filter.target) and.push({ OR: [{ targetType: filter.target }, { targetId: filter.target }] });
  if (filter.from) and.push({ at: { gte: startOfBusinessDay(filter.from) } });
  if (filter.to) and.push({ at: { lt: endOfBusinessDay(filter.to) } });
  if (filter.q) {
    // Whose data: people whose email matches, found through the subjects recorded with each view.
    const people = await db.user.findMany({
      where: { email: { contains: filter.q, mode: "insensitive" } },
      select: { id: true },
      take: 100,
    });
    and.push({
      OR: [
        { actor: { email: { contains: filter.q, mode: "insensitive" } } },
        { actorLabel: { contains: filter.q, mode: "insensitive" } },
        { ipAddress: { startsWith: filter.q } },
        { targetId: filter.q },
        { requestId: filter.q },
        ...(people.length > 0 ? [{ subjectIds: { hasSome: people.map((person) => person.id) } }] : []),
      ],
    });
  }
  return and.length > 0 ? { AND: and } : {};
}

/** Every action that has been recorded (a loose index scan over (action, at): one probe per action). */
export async function listRecordedAuditActions(): Promise<string[]> {
  const rows = await db.$queryRaw<{ action: string | null }[]>`
    WITH RECURSIVE actions AS (
      SELECT min(action) AS action FROM "AuditEvent"
      UNION ALL
      SELECT (SELECT min(action) FROM "AuditEvent" WHERE action > actions.action) FROM actions WHERE actions.action IS NOT NULL
    )
    SELECT action FROM actions WHERE action IS NOT NULL`;
  return rows.map((row) => row.action!);
}

/**
 * One page of audit entries, newest first, for staff with `audit.read` (checked by the caller's
 * page). Keyset paging on the entry id (ids only grow), so a page stays put while new entries
 * arrive. Each entry names its target and whose personal data it concerns. The entries hold other
 * people's emails and addresses, so reading them is itself audited (ASVS 16.3.1).
 */
export async function searchAuditEvents(viewer: CurrentUser, filter: AuditFilter, pageSize = AUDIT_PAGE_SIZE) {
  const where = await whereOf(filter);
  const select = {
    id: true,
    at: true,
    action: true,
    outcome: true,
    actorId: true,
    actorLabel: true,
    ipAddress: true,
    targetType: true,
    targetId: true,
    subjectIds: true,
    actor: { select: { email: true, role: true } },
  } as const;
  const newerFirst = filter.after === undefined;
  const found = await db.auditEvent.findMany({
    where: {
      AND: [
        where,
        filter.after !== undefined ? { id: { gt: filter.after } } : filter.before !== undefined ? { id: { lt: filter.before } } : {},
      ],
    },
    orderBy: { id: newerFirst ? "desc" : "asc" },
    take: pageSize + 1,
    select,
  });
  const more = found.length > pageSize;
  const rows = newerFirst ? found.slice(0, pageSize) : found.slice(0, pageSize).reverse();
  const first = rows[0]?.id;
  const last = rows.at(-1)?.id;
  const exists = async (id: Prisma.BigIntFilter) =>
    (await db.auditEvent.findFirst({ where: { AND: [where, { id }] }, select: { id: true } })) !== null;
  const older = newerFirst ? (more ? last : undefined) : last !== undefined && (await exists({ lt: last })) ? last : undefined;
  const newer = newerFirst
    ? filter.before !== undefined && first !== undefined && (await exists({ gt: first }))
      ? first
      : undefined
    : more
      ? first
      : undefined;

  // Whose data: emails of the recorded subjects (and of a user record as the target), in one query.
  const subjectIds = new Set(
    rows.flatMap((row) => [...row.subjectIds, ...(row.targetType === "User" && row.targetId ? [row.targetId] : [])]),
  );
  const people = new Map(
    (await db.user.findMany({ where: { id: { in: [...subjectIds] } }, select: { id: true, email: true } })).map((person) => [
      person.id,
      person.email,
    ]),
  );
  await recordAudit({
    action: "personal_data.viewed",
    outcome: "SUCCESS",
    actorId: viewer.id,
    targetType: "AuditLog",
    // Everyone whose email the page shows: the actors and the people the entries concern.
    subjectIds: [...new Set([...rows.flatMap((row) => (row.actorId ? [row.actorId] : [])), ...subjectIds])],
    details: { filter: auditFilterParams(filter), entries: rows.length },
  });
  return {
    events: rows.map(({ subjectIds: ids, ...row }) => ({
      ...row,
      id: String(row.id),
      subjects: [...new Set([...ids, ...(row.targetType === "User" && row.targetId ? [row.targetId] : [])])].map(
        (id) => people.get(id) ?? id,
      ),
    })),
    /** Cursors for the links to the neighbouring pages (entry ids), when there are entries there. */
    older: older !== undefined ? String(older) : null,
    newer: newer !== undefined ? String(newer) : null,
  };
}

/** At most this many entries in one CSV: a larger one is narrowed with the filters. */
export const AUDIT_EXPORT_LIMIT = 50_000;

/**
 * The filtered entries for a CSV export, newest first, read in keyset batches. Like the page, the
 * export shows people's emails, so it is audited: who exported, with which filter, how many rows.
 */
export async function* exportAuditEvents(viewer: CurrentUser, filter: AuditFilter) {
  const where = await whereOf({ ...filter, before: undefined, after: undefined });
  let before: bigint | undefined;
  let total = 0;
  const seen = new Set<string>();
  for (;;) {
    const batch = await db.auditEvent.findMany({
      where: { AND: [where, before !== undefined ? { id: { lt: before } } : {}] },
      orderBy: { id: "desc" },
      take: Math.min(1000, AUDIT_EXPORT_LIMIT - total),
      select: {
        id: true,
        at: true,
        action: true,
        outcome: true,
        actorLabel: true,
        ipAddress: true,
        targetType: true,
        targetId: true,
        subjectIds: true,
        requestId: true,
        actorId: true,
        actor: { select: { email: true, role: true } },
      },
    });
    if (batch.length === 0) break;
    const people = new Map(
      (
        await db.user.findMany({
          where: { id: { in: [...new Set(batch.flatMap((row) => row.subjectIds))] } },
          select: { id: true, email: true },
        })
      ).map((person) => [person.id, person.email]),
    );
    for (const row of batch) {
      for (const id of row.subjectIds) seen.add(id);
      if (row.actor && row.actorId) seen.add(row.actorId);
      yield { ...row, subjects: row.subjectIds.map((id) => people.get(id) ?? id) };
    }
    total += batch.length;
    before = batch.at(-1)!.id;
    if (total >= AUDIT_EXPORT_LIMIT || batch.length < 1000) break;
  }
  await recordAudit({
    action: "audit.exported",
    outcome: "SUCCESS",
    actorId: viewer.id,
    targetType: "AuditLog",
    details: { filter: auditFilterParams(filter), rows: total },
  });
  // The file holds these people's emails: each of them sees the export in "who saw my data".
  await recordAudit({
    action: "personal_data.viewed",
    outcome: "SUCCESS",
    actorId: viewer.id,
    targetType: "AuditLog",
    subjectIds: [...seen],
    details: { export: "csv", rows: total },
  });
}

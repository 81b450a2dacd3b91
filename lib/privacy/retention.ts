import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { storeFor } from "@/lib/files/store";
import { enqueue } from "@/lib/jobs/enqueue";
import { RETENTION_QUEUE } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";
import { requeueStalledErasures } from "./erasure";
import { RETENTION_KINDS, retentionDays, type RetentionKind } from "./retention-rules";

/**
 * The retention job (issue 14, decision 0012): every night, and when an admin starts it, it removes
 * what is past its retention period. Each run is a RetentionRun row with what it removed per kind,
 * so admins can watch it. Held records of erased accounts count from the erasure; the points
 * ledger is never cut (see the decision), everything else goes.
 */
const DAY = 86_400_000;

export type Removed = Partial<Record<RetentionKind, number>>;

/** Start a run from the admin page: one waiting run at a time (a double click queues one). */
export async function startRetentionRun(adminId: string): Promise<void> {
  // The check and the insert under one transaction-scoped lock: two clicks make one run.
  const run = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('retention.start'))`;
    const running = await tx.retentionRun.findFirst({ where: { finishedAt: null, startedAt: { gt: new Date(Date.now() - 3_600_000) } } });
    if (running) return null;
    // The run's row exists from the click on, so the page shows it (and polls) before a worker takes it.
    return tx.retentionRun.create({ data: { trigger: adminId }, select: { id: true } });
  });
  if (!run) throw new AppError("CONFLICT", { messageKey: "retention.alreadyRunning" });
  const job = await enqueue(RETENTION_QUEUE, { trigger: adminId, runId: run.id });
  if (!job) {
    await db.retentionRun.update({ where: { id: run.id }, data: { finishedAt: new Date(), error: "not queued" } });
    throw new AppError("CONFLICT", { messageKey: "retention.alreadyRunning" });
  }
  await recordAudit({ action: "retention.run", outcome: "SUCCESS", actorId: adminId, details: { started: "manual" } });
}

export async function runRetention(data: { trigger?: string; runId?: string } | undefined, now = new Date()): Promise<Removed> {
  const run = data?.runId
    ? await db.retentionRun.update({ where: { id: data.runId }, data: { startedAt: new Date() }, select: { id: true } })
    : await db.retentionRun.create({ data: { trigger: data?.trigger ?? "scheduled", startedAt: now }, select: { id: true } });
  const removed: Removed = {};
  try {
    const days = await retentionDays();
    const before = (kind: RetentionKind) => new Date(now.getTime() - days[kind] * DAY);

    removed.outbox_emails = (await db.outboxEmail.deleteMany({ where: { createdAt: { lt: before("outbox_emails") } } })).count;
    removed.data_exports = await removeExpiredExports(now);
    removed.audit_events = await purgeAuditEvents(before("audit_events"));

    // Held records of erased accounts, each kind from its own end date.
    const erasedBefore = (kind: RetentionKind): Prisma.UserWhereInput => ({
      erasedAt: { not: null },
      accountErasure: { completedAt: { lt: before(kind) } },
    });
    removed.consent_proofs = (await db.consent.deleteMany({ where: { user: erasedBefore("consent_proofs") } })).count;
    removed.repair_records = await removeRepairRecords(erasedBefore("repair_records"));
    removed.warranty_records = await removeWarrantyRecords(erasedBefore("warranty_records"));
    // An erasure whose job never got queued is picked up here.
    await requeueStalledErasures(now);

    await db.retentionRun.update({ where: { id: run.id }, data: { finishedAt: new Date(), removed } });
    await recordAudit({
      action: "retention.run",
      outcome: "SUCCESS",
      actorId: null,
      targetType: "RetentionRun",
      targetId: run.id,
      details: removed,
    });
    return removed;
  } catch (error) {
    logger.error({ err: error }, "retention run failed");
    await db.retentionRun.update({
      where: { id: run.id },
      data: { finishedAt: new Date(), removed, error: error instanceof Error ? error.message.slice(0, 500) : "failed" },
    });
    await recordAudit({
      action: "retention.run",
      outcome: "FAILURE",
      actorId: null,
      targetType: "RetentionRun",
      targetId: run.id,
      details: removed,
    });
    throw error;
  }
}

/** Exports past their 7 days: the zip goes, the row stays as history (removedAt). */
async function removeExpiredExports(now: Date): Promise<number> {
  const expired = await db.dataExport.findMany({
    where: { expiresAt: { lt: now }, removedAt: null, storageKey: { not: null } },
    select: { id: true, storage: true, storageKey: true },
    take: 1000,
  });
  for (const row of expired) {
    await (
      await storeFor(row.storage!)
    )
      .remove(row.storageKey!)
      .catch((error: unknown) => logger.warn({ err: error }, "export file not removed"));
    await db.dataExport.update({ where: { id: row.id }, data: { removedAt: now } });
  }
  return expired.length;
}

/** Audit events older than the cut-off, in batches; the trigger allows DELETE only in this transaction's purge (migration retention_purge). */
async function purgeAuditEvents(requested: Date): Promise<number> {
  // The database never lets the last year go (migration retention_purge); the job asks for no more.
  const before = new Date(Math.min(requested.getTime(), Date.now() - 365 * DAY));
  let total = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('portal.retention', 'purge', true), set_config('portal.retention_before', ${before.toISOString()}, true)`;
      // The database's clock decides the floor, as in the trigger, so the two cannot disagree.
      return tx.$executeRaw`DELETE FROM "AuditEvent" WHERE id IN (
        SELECT id FROM "AuditEvent"
        WHERE "at" < least(${before.toISOString()}::timestamp, (now() AT TIME ZONE 'UTC') - interval '365 days')
        ORDER BY id LIMIT 5000)`;
    });
    total += count;
    if (count < 5000) return total;
  }
}

/** Repair tickets of erased accounts past their hold, with their timeline, notes, estimates, photos, parts and chat. */
async function removeRepairRecords(customer: Prisma.UserWhereInput): Promise<number> {
  const tickets = await db.repairTicket.findMany({ where: { customer }, select: { id: true }, take: 1000 });
  const ids = tickets.map((ticket) => ticket.id);
  if (ids.length === 0) return 0;
  await db.$transaction(async (tx) => {
    const conversations = { ticketId: { in: ids } };
    await tx.chatMessage.deleteMany({ where: { conversation: conversations } });
    await tx.conversation.deleteMany({ where: conversations });
    for (const model of [tx.repairEvent, tx.repairNote, tx.repairEstimate, tx.repairPhoto, tx.repairPart] as const) {
      await (model as unknown as { deleteMany(args: object): Promise<unknown> }).deleteMany({ where: { ticketId: { in: ids } } });
    }
    await tx.repairTicket.deleteMany({ where: { id: { in: ids } } });
  });
  return ids.length;
}

/**
 * Ownerships (warranty records) of erased accounts past their hold. One that a later owner's
 * warranty still counts from (a transfer), or that a kept repair record points at, stays.
 */
async function removeWarrantyRecords(owner: Prisma.UserWhereInput): Promise<number> {
  const ownerships = await db.ownership.findMany({
    where: { user: owner, transferredTo: null, repairTickets: { none: {} } },
    select: { id: true },
    take: 1000,
  });
  const ids = ownerships.map((ownership) => ownership.id);
  if (ids.length === 0) return 0;
  await db.$transaction(async (tx) => {
    await tx.ownershipTransfer.deleteMany({ where: { ownershipId: { in: ids } } });
    await tx.conversation.updateMany({ where: { ownershipId: { in: ids } }, data: { ownershipId: null } });
    await tx.ownership.deleteMany({ where: { id: { in: ids } } });
  });
  return ids.length;
}

export async function saveRetentionDays(adminId: string, days: Record<string, number>): Promise<void> {
  const changes: Record<string, number> = {};
  await db.$transaction(async (tx) => {
    for (const kind of RETENTION_KINDS) {
      const value = days[kind];
      if (value === undefined) continue;
      await tx.retentionRule.upsert({
        where: { kind },
        create: { kind, days: value, updatedById: adminId },
        update: { days: value, updatedById: adminId },
      });
      changes[kind] = value;
    }
  });
  await recordAudit({ action: "retention.updated", outcome: "SUCCESS", actorId: adminId, details: changes });
}

/** The rules and the last runs, for the admin page. */
export async function retentionOverview() {
  const [days, rules, runs] = await Promise.all([
    retentionDays(),
    db.retentionRule.findMany({ select: { kind: true, updatedAt: true } }),
    db.retentionRun.findMany({ orderBy: { startedAt: "desc" }, take: 20 }),
  ]);
  const running = runs.some((run) => run.finishedAt === null && run.startedAt.getTime() > Date.now() - 3_600_000);
  return { days, updated: new Map(rules.map((rule) => [rule.kind, rule.updatedAt])), runs, running };
}

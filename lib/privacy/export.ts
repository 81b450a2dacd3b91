import "server-only";
import { randomUUID } from "node:crypto";
import { ZipArchive } from "archiver";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { portalUrl } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import { storeFor, currentStore, type Delivery } from "@/lib/files/store";
import { enqueue, enqueueEmail } from "@/lib/jobs/enqueue";
import { DATA_EXPORT_QUEUE } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";
import { collectCustomerData } from "./collect";
import { retentionDays } from "./retention-rules";

/**
 * "Download all my data" (issue 14, GDPR 20): the request writes a row and a job; the job gathers
 * the JSON and the customer's photos into a zip, stores it like an upload (private, read only
 * through the access-checked route) and emails the customer. The zip is kept 7 days.
 * One export is in progress per customer at a time (a partial unique index), so a double click or a
 * retry finds the one already asked for; the job is keyed by the export, and a job that died with
 * its worker runs again from the start.
 */
export const EXPORT_KEPT_DAYS = 7; // the default of the data_exports retention rule
/** Exports a customer may ask for in a day: each one reads every record and photo of theirs. */
export const EXPORTS_PER_DAY = 5;

/** An export still in progress after this long lost its worker and used up its retries: it counts as failed. */
const STALE_AFTER_MS = 60 * 60 * 1000;

export async function requestDataExport(userId: string, now = new Date()): Promise<{ id: string; created: boolean }> {
  await db.dataExport.updateMany({
    where: { userId, status: { in: ["QUEUED", "RUNNING"] }, requestedAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } },
    data: { status: "FAILED", finishedAt: now },
  });
  const inProgress = () => db.dataExport.findFirst({ where: { userId, status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true } });
  const existing = await inProgress();
  if (existing) return { id: existing.id, created: false };
  const today = await db.dataExport.count({ where: { userId, requestedAt: { gt: new Date(now.getTime() - 86_400_000) } } });
  if (today >= EXPORTS_PER_DAY) throw new AppError("RATE_LIMITED", { messageKey: "privacyData.tooMany" });
  const created = await db.dataExport.create({ data: { userId }, select: { id: true } }).catch(async (error: unknown) => {
    if (isUniqueViolation(error)) return null;
    throw error;
  });
  if (!created) {
    const raced = await inProgress();
    if (raced) return { id: raced.id, created: false };
    throw new AppError("CONFLICT");
  }
  await enqueue(DATA_EXPORT_QUEUE, { exportId: created.id }, { singletonKey: created.id });
  await recordAudit({
    action: "privacy.export_requested",
    outcome: "SUCCESS",
    actorId: userId,
    targetType: "DataExport",
    targetId: created.id,
  });
  return { id: created.id, created: true };
}

/** The customer's recent exports, newest first, for the page (and its progress polling). */
export async function listDataExports(userId: string, now = new Date()) {
  const rows = await db.dataExport.findMany({
    where: { userId },
    orderBy: { requestedAt: "desc" },
    take: 5,
    select: {
      id: true,
      status: true,
      progress: true,
      requestedAt: true,
      finishedAt: true,
      expiresAt: true,
      byteSize: true,
      removedAt: true,
    },
  });
  return rows.map((row) => ({
    ...row,
    available: row.status === "READY" && !row.removedAt && row.expiresAt !== null && row.expiresAt > now,
  }));
}

async function setProgress(exportId: string, progress: number): Promise<void> {
  await db.dataExport.update({ where: { id: exportId }, data: { progress: Math.max(0, Math.min(99, Math.round(progress))) } });
}

/** The job: gather, zip, store, email. Runs again from the start after a crash; a finished export is left alone. */
export async function runDataExport({ exportId }: { exportId: string }, now = () => new Date()): Promise<void> {
  const job = await db.dataExport.findUnique({
    where: { id: exportId },
    select: {
      id: true,
      status: true,
      storage: true,
      storageKey: true,
      user: { select: { id: true, email: true, locale: true, erasureRequestedAt: true } },
    },
  });
  if (!job || job.status === "READY" || job.status === "FAILED") return;
  if (job.user.erasureRequestedAt) {
    await db.dataExport.update({ where: { id: exportId }, data: { status: "FAILED", finishedAt: now() } });
    return;
  }
  // A previous attempt that stored its zip but died before finishing: that file is replaced.
  if (job.storage && job.storageKey) await (await storeFor(job.storage)).remove(job.storageKey).catch(() => undefined);
  // Guarded: an erasure asked for since the read above has cancelled this export.
  const started = await db.dataExport.updateMany({
    where: { id: exportId, status: { in: ["QUEUED", "RUNNING"] }, user: { erasureRequestedAt: null } },
    data: { status: "RUNNING", progress: 5 },
  });
  if (started.count === 0) return;

  const data = await collectCustomerData(job.user.id);
  await setProgress(exportId, 20);
  const files = await db.storedFile.findMany({
    where: { OR: [{ ownerId: job.user.id }, { id: { in: data.photoFileIds } }], deletedAt: null },
    select: { id: true, key: true, storage: true, purpose: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });

  const archive = new ZipArchive({ zlib: { level: 6 } });
  const chunks: Buffer[] = [];
  archive.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    archive.on("end", () => resolve());
    archive.on("error", reject);
  });
  const photos: { file: string; purpose: string; uploadedAt: Date }[] = [];
  for (const [index, file] of files.entries()) {
    const bytes = await (await storeFor(file.storage)).read(file.key);
    if (bytes) {
      archive.append(bytes, { name: `photos/${file.id}.webp` });
      photos.push({ file: `photos/${file.id}.webp`, purpose: file.purpose, uploadedAt: file.createdAt });
    }
    if (index % 5 === 4) await setProgress(exportId, 20 + (70 * (index + 1)) / files.length);
  }
  const { photoFileIds: _ids, ...records } = data;
  archive.append(JSON.stringify({ ...records, photos }, null, 2), { name: "my-data.json" });
  await archive.finalize();
  await finished;
  const zip = Buffer.concat(chunks);
  await setProgress(exportId, 95);

  const store = await currentStore();
  const key = `exports/${randomUUID()}.zip`;
  // The key is written before the file: a crash after the upload leaves a zip the next attempt (or an erasure) can find.
  await db.dataExport.update({ where: { id: exportId }, data: { storage: store.kind, storageKey: key } });
  await store.put(key, zip, "application/zip");
  const finishedAt = now();
  // Only while it is still running: an erasure asked for meanwhile has cancelled it.
  const done = await db.dataExport.updateMany({
    where: { id: exportId, status: "RUNNING" },
    data: {
      status: "READY",
      progress: 100,
      storage: store.kind,
      storageKey: key,
      byteSize: zip.length,
      finishedAt,
      expiresAt: new Date(finishedAt.getTime() + (await retentionDays()).data_exports * 86_400_000),
    },
  });
  if (done.count === 0) {
    await store.remove(key).catch((error: unknown) => logger.warn({ err: error, exportId }, "cancelled export's zip not removed"));
    return;
  }
  await recordAudit({
    action: "privacy.export_ready",
    outcome: "SUCCESS",
    actorId: null,
    targetType: "DataExport",
    targetId: exportId,
    subjectIds: [job.user.id],
    details: { bytes: zip.length, photos: photos.length },
  });
  try {
    await enqueueEmail({
      to: job.user.email,
      locale: job.user.locale,
      template: {
        name: "dataExportReady",
        days: String((await retentionDays()).data_exports),
        url: portalUrl(job.user.locale, "/mypage/privacy/data"),
      },
    });
  } catch (error) {
    logger.error({ err: error, exportId }, "export email was not queued");
  }
}

/** The zip, for its owner only, while it is kept (anyone else, or later: not found). */
export async function deliverDataExport(userId: string, exportId: string, now = new Date()): Promise<Delivery> {
  const row = await db.dataExport.findFirst({
    where: { id: exportId, userId, status: "READY", removedAt: null, expiresAt: { gt: now } },
    select: { storage: true, storageKey: true },
  });
  if (!row?.storage || !row.storageKey) throw new AppError("NOT_FOUND");
  await recordAudit({
    action: "privacy.export_downloaded",
    outcome: "SUCCESS",
    actorId: userId,
    targetType: "DataExport",
    targetId: exportId,
  });
  return (await storeFor(row.storage)).deliver(row.storageKey);
}

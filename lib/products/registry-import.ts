import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { readLimited } from "@/lib/files/process-image";
import type { Prisma } from "@/lib/generated/prisma/client";
import { businessToday } from "@/lib/time/business-time";
import { parseRegistryCsv, type RegistryModel, type RowError } from "./registry-csv";
import { serialFormatOf } from "./serial-format";

/**
 * Serial-registry import (issue 4): all or nothing. The file is read and every row checked
 * (format, check digit, model, dates, duplicates in the file and in the registry); with any bad
 * row nothing is imported and each one is reported with its line. Progress is written to the
 * SerialImport row as the file is read, so the admin page can show a progress bar.
 */
const INSERT_CHUNK = 5000;
const MAX_REPORTED_ERRORS = 1000;

/** 100k rows are about 3 MB; this leaves room for long lots without letting anyone fill memory. */
export const MAX_CSV_BYTES = 50 * 1024 * 1024;

/**
 * Receive a CSV (the raw request body, capped while it streams) and record the import with the
 * number of rows to expect. Returns the import and the work to run after the response, while the
 * admin page polls the progress.
 */
export async function receiveRegistryCsv(
  adminId: string,
  fileName: string,
  body: AsyncIterable<Uint8Array>,
): Promise<{ importId: string; run: () => Promise<void> }> {
  const csv = await readLimited(body, MAX_CSV_BYTES, "registry.fileTooLarge");
  if (csv.byteLength === 0) throw new AppError("VALIDATION", { messageKey: "registry.emptyFile" });
  let lines = 0;
  for (const byte of csv) if (byte === 0x0a) lines++;
  const dataRows = Math.max(lines - (csv.at(-1) === 0x0a ? 1 : 0), 0); // lines after the header
  const importId = await createRegistryImport(adminId, fileName, dataRows);
  const chunks = async function* () {
    yield csv;
  };
  return { importId, run: () => runRegistryImport(importId, adminId, chunks()) };
}

/** `expectedRows` (lines after the header) lets the progress bar show a share before the end. */
export async function createRegistryImport(adminId: string, fileName: string, expectedRows = 0): Promise<string> {
  const created = await db.serialImport.create({
    data: { fileName: fileName.slice(0, 200), createdById: adminId, totalRows: expectedRows },
  });
  return created.id;
}

const IMPORT_SELECT = {
  id: true,
  fileName: true,
  status: true,
  totalRows: true,
  processedRows: true,
  importedRows: true,
  errorCount: true,
  createdAt: true,
  finishedAt: true,
} as const;

export function getRegistryImport(importId: string) {
  return db.serialImport.findUnique({ where: { id: importId }, select: { ...IMPORT_SELECT, errors: true } });
}

export function listRegistryImports(take = 20) {
  return db.serialImport.findMany({ select: IMPORT_SELECT, orderBy: { createdAt: "desc" }, take });
}

async function loadModels(): Promise<Map<string, RegistryModel>> {
  const models = await db.productModel.findMany({ select: { id: true, code: true, serialPattern: true, checkDigit: true } });
  return new Map(models.map((m) => [m.code.toUpperCase(), { id: m.id, code: m.code, format: serialFormatOf(m) }]));
}

async function fail(importId: string, errors: RowError[], errorCount: number, totalRows: number): Promise<void> {
  await db.serialImport.update({
    where: { id: importId },
    data: {
      status: "FAILED",
      errors: errors.slice(0, MAX_REPORTED_ERRORS) as unknown as Prisma.InputJsonValue,
      errorCount,
      totalRows,
      processedRows: totalRows,
      finishedAt: new Date(),
    },
  });
}

/**
 * Read and check a whole file: the parser's problems plus serials already in the registry (for
 * every row with a readable serial, so a row's every problem is listed). Used by the preview and
 * again by the import itself, which trusts nothing the preview said.
 */
async function checkRegistryCsv(
  input: AsyncIterable<Uint8Array | string>,
  models: Map<string, RegistryModel>,
  onProgress?: (rowsRead: number) => void,
) {
  const parsed = await parseRegistryCsv(input, models, { today: businessToday(), maxErrors: MAX_REPORTED_ERRORS, onProgress });
  const registryErrors: RowError[] = [];
  const candidates = [...parsed.rows, ...parsed.rejectedSerials];
  for (let i = 0; i < candidates.length; i += INSERT_CHUNK) {
    const chunk = candidates.slice(i, i + INSERT_CHUNK);
    // One array parameter instead of thousands of placeholders.
    const existing = await db.$queryRaw<{ serial: string }[]>`
      SELECT serial FROM "SerialUnit" WHERE serial = ANY(${chunk.map((row) => row.serial)}::text[])`;
    const taken = new Set(existing.map((unit) => unit.serial));
    for (const row of chunk)
      if (taken.has(row.serial)) registryErrors.push({ line: row.line, problem: "alreadyInRegistry", value: row.serial });
  }
  const errorCount = parsed.errorCount + registryErrors.length;
  // Stable sort: a row's problems stay in column order, the registry one last.
  const errors = [...parsed.errors, ...registryErrors].sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED_ERRORS);
  return { parsed, errors, errorCount };
}

const PREVIEW_ROWS = 5;

export type RegistryPreview = {
  totalRows: number;
  importableRows: number;
  firstRows: { line: number; serial: string; modelCode: string; manufacturedOn: string; lot: string | null }[];
  errors: RowError[];
  errorCount: number;
};

/** What an import of this file would do, without writing anything: shown before the admin confirms. */
export async function previewRegistryCsv(body: AsyncIterable<Uint8Array>): Promise<RegistryPreview> {
  const csv = await readLimited(body, MAX_CSV_BYTES, "registry.fileTooLarge");
  if (csv.byteLength === 0) throw new AppError("VALIDATION", { messageKey: "registry.emptyFile" });
  const { parsed, errors, errorCount } = await checkRegistryCsv(
    (async function* () {
      yield csv;
    })(),
    await loadModels(),
  );
  if (parsed.headerProblem) {
    return {
      totalRows: 0,
      importableRows: 0,
      firstRows: [],
      errors: [{ line: 1, problem: "malformed", value: parsed.headerProblem }],
      errorCount: 1,
    };
  }
  return {
    totalRows: parsed.totalRows,
    importableRows: errorCount === 0 ? parsed.rows.length : 0,
    firstRows: parsed.rows.slice(0, PREVIEW_ROWS),
    errors,
    errorCount,
  };
}

export async function runRegistryImport(importId: string, adminId: string, input: AsyncIterable<Uint8Array | string>): Promise<void> {
  let progress: Promise<unknown> = Promise.resolve();
  try {
    const models = await loadModels();
    let lastWrite = 0;
    const { parsed, errors, errorCount } = await checkRegistryCsv(input, models, (rowsRead) => {
      // At most one progress write a second.
      if (Date.now() - lastWrite < 1000) return;
      lastWrite = Date.now();
      progress = db.serialImport.update({ where: { id: importId }, data: { processedRows: rowsRead } }).catch(() => {});
    });
    // The import is over only when its writes are: the last progress write lands before the outcome's.
    await progress;
    if (parsed.headerProblem) {
      await fail(importId, [{ line: 1, problem: "malformed", value: parsed.headerProblem }], 1, 0);
      return;
    }
    if (errorCount > 0) {
      await fail(importId, errors, errorCount, parsed.totalRows);
      await recordAudit({
        action: "registry.import",
        outcome: "FAILURE",
        actorId: adminId,
        targetType: "SerialImport",
        targetId: importId,
        details: { errorCount },
      });
      return;
    }

    await db.$transaction(
      async (tx) => {
        for (let i = 0; i < parsed.rows.length; i += INSERT_CHUNK) {
          const chunk = parsed.rows.slice(i, i + INSERT_CHUNK);
          // unnest() over column arrays: one statement and five parameters per chunk.
          await tx.$executeRaw`
            INSERT INTO "SerialUnit" (id, serial, "modelId", "manufacturedOn", lot, "importId", "createdAt")
            SELECT gen_random_uuid()::text, s, m, d::date, l, ${importId}, now()
            FROM unnest(
              ${chunk.map((row) => row.serial)}::text[],
              ${chunk.map((row) => models.get(row.modelCode)!.id)}::text[],
              ${chunk.map((row) => row.manufacturedOn)}::text[],
              ${chunk.map((row) => row.lot)}::text[]
            ) AS t(s, m, d, l)`;
        }
        await tx.serialImport.update({
          where: { id: importId },
          data: {
            status: "DONE",
            totalRows: parsed.totalRows,
            processedRows: parsed.totalRows,
            importedRows: parsed.rows.length,
            finishedAt: new Date(),
          },
        });
      },
      { timeout: 300_000, maxWait: 10_000 },
    );
    await recordAudit({
      action: "registry.import",
      outcome: "SUCCESS",
      actorId: adminId,
      targetType: "SerialImport",
      targetId: importId,
      details: { rows: parsed.rows.length },
    });
  } catch (error) {
    // Another import added one of these serials meanwhile, or the database failed: nothing was
    // written (one transaction), and the import says so.
    // The raw INSERT's unique violation comes as P2010 carrying PostgreSQL's 23505 (isUniqueViolation knows).
    const duplicate = isUniqueViolation(error);
    await progress;
    await fail(importId, [{ line: 0, problem: duplicate ? "alreadyInRegistry" : "malformed" }], 1, 0).catch(() => {});
    if (!duplicate) throw error;
  }
}

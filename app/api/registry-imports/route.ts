import { after } from "next/server";
import { AppError } from "@/lib/errors";
import { readLimited } from "@/lib/files/process-image";
import { logger } from "@/lib/log";
import { createRegistryImport, runRegistryImport } from "@/lib/products/registry-import";
import { defineRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

/** 100k rows are about 3 MB; this leaves room for long lots without letting anyone fill memory. */
const MAX_CSV_BYTES = 50 * 1024 * 1024;

/**
 * Start a serial-registry import: the CSV is the raw body (the browser shows upload progress),
 * checked and imported after the response while the page polls the import's progress.
 */
export const POST = defineRoute({ permission: "registry.import" }, async (request, { user }) => {
  if (!user || !request.body) throw new AppError("VALIDATION", { messageKey: "registry.emptyFile" });
  if (Number(request.headers.get("content-length") ?? "0") > MAX_CSV_BYTES) throw new AppError("VALIDATION", { messageKey: "registry.fileTooLarge" });
  const csv = await readLimited(request.body, MAX_CSV_BYTES).catch(() => {
    throw new AppError("VALIDATION", { messageKey: "registry.fileTooLarge" });
  });
  if (csv.byteLength === 0) throw new AppError("VALIDATION", { messageKey: "registry.emptyFile" });
  const fileName = new URL(request.url).searchParams.get("name") || "registry.csv";
  let lines = 0;
  for (const byte of csv) if (byte === 0x0a) lines++;
  const importId = await createRegistryImport(user.id, fileName, Math.max(lines - (csv.at(-1) === 0x0a ? 1 : 0), 0));
  after(() => runRegistryImport(importId, user.id, (async function* () {
    yield csv;
  })()).catch((error: unknown) => logger.error({ err: error, importId }, "registry import failed")));
  return Response.json({ id: importId }, { status: 202 });
});

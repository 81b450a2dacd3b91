import { after } from "next/server";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { MAX_CSV_BYTES, receiveRegistryCsv } from "@/lib/products/registry-import";
import { defineRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

/**
 * Start a serial-registry import: the CSV is the raw body (the browser shows upload progress),
 * checked and imported after the response while the page polls the import's progress.
 */
export const POST = defineRoute({ permission: "registry.import" }, async (request, { user }) => {
  if (!request.body) throw new AppError("VALIDATION", { messageKey: "registry.emptyFile" });
  if (Number(request.headers.get("content-length") ?? "0") > MAX_CSV_BYTES)
    throw new AppError("VALIDATION", { messageKey: "registry.fileTooLarge" });
  const fileName = new URL(request.url).searchParams.get("name") || "registry.csv";
  const { importId, run } = await receiveRegistryCsv(user.id, fileName, request.body);
  after(() => run().catch((error: unknown) => logger.error({ err: error, importId }, "registry import failed")));
  return Response.json({ id: importId }, { status: 202 });
});

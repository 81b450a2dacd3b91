import { AppError } from "@/lib/errors";
import { MAX_CSV_BYTES, previewRegistryCsv } from "@/lib/products/registry-import";
import { defineRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

/**
 * Check a serial-registry CSV without importing it: row count, first rows and every problem, for
 * the admin to confirm. The import itself checks the file again (all or nothing).
 */
export const POST = defineRoute({ permission: "registry.import" }, async (request) => {
  if (!request.body) throw new AppError("VALIDATION", { messageKey: "registry.emptyFile" });
  if (Number(request.headers.get("content-length") ?? "0") > MAX_CSV_BYTES)
    throw new AppError("VALIDATION", { messageKey: "registry.fileTooLarge" });
  return Response.json(await previewRegistryCsv(request.body), { headers: { "Cache-Control": "no-store" } });
});

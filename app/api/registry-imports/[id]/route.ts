import { AppError } from "@/lib/errors";
import { getRegistryImport } from "@/lib/products/registry-import";
import { defineRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

/** Progress and outcome of an import, polled by the admin page. */
export const GET = defineRoute<{ id: string }>({ permission: "registry.import" }, async (_request, { params }) => {
  const found = await getRegistryImport(params.id);
  if (!found) throw new AppError("NOT_FOUND");
  return Response.json(found, { headers: { "Cache-Control": "no-store" } });
});

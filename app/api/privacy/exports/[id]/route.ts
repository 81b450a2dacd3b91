import { AppError } from "@/lib/errors";
import { deliverDataExport } from "@/lib/privacy/export";
import { businessToday } from "@/lib/time/business-time";
import { defineRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

/** A customer's data export (issue 14): only its owner, only while it is kept; anyone else gets 404. */
export const GET = defineRoute<{ id: string }>({ permission: "privacy.own", hideWhenDenied: true }, async (_request, { user, params }) => {
  if (!/^[a-z0-9]{10,40}$/.test(params.id)) throw new AppError("NOT_FOUND");
  const delivery = await deliverDataExport(user.id, params.id);
  if (!delivery) throw new AppError("NOT_FOUND");
  if (delivery.kind === "redirect") {
    return new Response(null, { status: 302, headers: { Location: delivery.url, "Cache-Control": "no-store" } });
  }
  return new Response(new Uint8Array(delivery.data), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Length": String(delivery.data.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": `attachment; filename="my-data-${businessToday()}.zip"`,
      "Cache-Control": "no-store",
    },
  });
});

import { AppError } from "@/lib/errors";
import { deliverFile, discardOwnDraftFile } from "@/lib/files/uploads";
import { defineRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

/**
 * A stored image, after the access check (ASVS 5.3.1): bytes from the local store with nosniff
 * and a sandboxing CSP, or a redirect to a short-lived signed uploadthing URL. A file the reader
 * may not see is a 404, like one that does not exist.
 */
export const GET = defineRoute<{ id: string }>({ public: true }, async (request, { user, params }) => {
  const variant = new URL(request.url).searchParams.get("variant") === "thumb" ? "thumb" : "full";
  const delivery = await deliverFile(user, params.id, variant);
  if (!delivery) throw new AppError("NOT_FOUND");
  if (delivery.kind === "redirect") {
    return new Response(null, { status: 302, headers: { Location: delivery.url, "Cache-Control": "no-store" } });
  }
  return new Response(new Uint8Array(delivery.data), {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(delivery.data.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": "inline",
      // Private photos: no copy in the browser's or any shared cache (ASVS 14.3.2).
      "Cache-Control": "no-store",
    },
  });
});

/** Remove a photo before sending it (only the uploader, only while nothing uses it). */
export const DELETE = defineRoute<{ id: string }>({ permission: "files.upload" }, async (_request, { user, params }) => {
  await discardOwnDraftFile(user.id, params.id);
  return new Response(null, { status: 204 });
});

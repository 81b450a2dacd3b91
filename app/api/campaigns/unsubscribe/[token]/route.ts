import { unsubscribe } from "@/lib/campaigns/tracking";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

/**
 * RFC 8058 one-click unsubscribe: a mail client POSTs `List-Unsubscribe=One-Click` here from the
 * email's List-Unsubscribe header, and the consent is withdrawn. (Links in the email open the
 * /unsubscribe page instead: a GET must change nothing, as mail scanners follow links.)
 */
export const POST = defineRoute<{ token: string }>({ public: true }, async (_request, { params }) => {
  if (!/^[a-f0-9]{64}$/.test(params.token) || !(await unsubscribe(params.token))) throw new AppError("NOT_FOUND");
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});

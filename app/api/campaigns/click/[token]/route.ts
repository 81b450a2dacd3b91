import { clickThrough } from "@/lib/campaigns/tracking";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

/** A campaign's button (email or notice): counted once for the recipient, then on to the campaign's link. */
export const GET = defineRoute<{ token: string }>({ public: true }, async (_request, { params }) => {
  const target = /^[a-f0-9]{64}$/.test(params.token) ? await clickThrough(params.token) : null;
  if (!target) throw new AppError("NOT_FOUND");
  return new Response(null, { status: 302, headers: { Location: target, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
});

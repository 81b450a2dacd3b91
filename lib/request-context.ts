import "server-only";
import { headers } from "next/headers";
import { REQUEST_ID_HEADER } from "@/lib/log";

/**
 * The client's address: the one place app code reads it. The portal's server (scripts/serve.ts,
 * run by `npm start` and the e2e suite) replaces X-Forwarded-For with the single address it worked
 * out from the connection and TRUSTED_PROXY_HOPS (lib/security/client-address.ts), so a header a
 * client wrote never gets here. Should a list still arrive, the right-most entry is the nearest hop's.
 */
export function clientAddress(forwardedFor: string | null | undefined): string | undefined {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.at(-1)?.slice(0, 64) || undefined;
}

export type RequestMeta = { ipAddress?: string; userAgent?: string; requestId?: string };

/** Who is calling: used by the audit log and the session list. Empty outside a request. */
export async function requestMeta(): Promise<RequestMeta> {
  try {
    const h = await headers();
    return {
      ipAddress: clientAddress(h.get("x-forwarded-for")),
      userAgent: h.get("user-agent")?.slice(0, 512) || undefined,
      requestId: h.get(REQUEST_ID_HEADER) || undefined,
    };
  } catch {
    return {};
  }
}

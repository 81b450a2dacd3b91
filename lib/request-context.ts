import "server-only";
import { headers } from "next/headers";
import { REQUEST_ID_HEADER } from "@/lib/log";

export type RequestMeta = { ipAddress?: string; userAgent?: string; requestId?: string };

/** Who is calling: used by the audit log and the session list. Empty outside a request. */
export async function requestMeta(): Promise<RequestMeta> {
  try {
    const h = await headers();
    // Behind a proxy the left-most X-Forwarded-For entry is the client; Next sets it for direct hits too.
    const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
    return {
      ipAddress: forwarded || h.get("x-real-ip") || undefined,
      userAgent: h.get("user-agent")?.slice(0, 512) || undefined,
      requestId: h.get(REQUEST_ID_HEADER) || undefined,
    };
  } catch {
    return {};
  }
}

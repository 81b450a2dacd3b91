import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { REQUEST_ID_HEADER } from "@/lib/log";

/**
 * The client's address. Left-most X-Forwarded-For entries are whatever the client wrote; the
 * right-most one was added by the nearest hop we trust (our reverse proxy, or Next itself, which
 * fills the header from the socket when it is absent). With more proxies in front, each appends
 * one entry: TRUSTED_PROXY_HOPS says how many to count from the right.
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedHops = env.TRUSTED_PROXY_HOPS): string | undefined {
  const entries = (forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  return entries[Math.max(entries.length - trustedHops, 0)]?.slice(0, 64) || undefined;
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

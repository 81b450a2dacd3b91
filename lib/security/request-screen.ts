// Relative: next.config.ts imports this file, and its loader does not resolve "@/".
import { hasControlCharacters } from "../validation/text";

/**
 * Checks proxy.ts makes before any route sees a request, so that malformed input is a clear 4xx
 * rather than a 500 from deep inside (ASVS 2.2.1): control characters in the path or the query
 * (PostgreSQL refuses NUL), and server-action bodies over Next's limit (Next answers those 500).
 */

/** Next's default server-action body limit; next.config.ts sets the same value explicitly. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** True when the decoded path or any query key or value holds a control character, or does not decode. */
export function hasBadCharacters(url: URL): boolean {
  try {
    if (hasControlCharacters(decodeURIComponent(url.pathname))) return true;
  } catch {
    return true; // malformed percent-encoding
  }
  for (const [key, value] of url.searchParams) {
    if (hasControlCharacters(key) || hasControlCharacters(value)) return true;
  }
  return false;
}

/**
 * A server-action POST that declares no length (a chunked body): its size cannot be checked before
 * Next reads it, and Next answers an oversized one with a 500. Browsers always send the length.
 */
export function isUnsizedAction(method: string, headers: Headers): boolean {
  return method === "POST" && headers.has("next-action") && !headers.has("content-length");
}

/** A server-action POST that declares a body larger than Next will accept. */
export function isOversizedAction(method: string, headers: Headers): boolean {
  if (method !== "POST" || !headers.has("next-action")) return false;
  const length = Number(headers.get("content-length"));
  return Number.isFinite(length) && length > ACTION_BODY_LIMIT_BYTES;
}

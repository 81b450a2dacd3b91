/**
 * Cross-site request check (ASVS 3.5.1) for every state-changing request: server actions (on page
 * paths) and route handlers. A POST must come from the portal's own origin: the browser's Origin
 * header must match AUTH_URL; without an Origin header, Fetch Metadata must not say cross-site.
 * Next also checks server actions itself; this covers route handlers too, and does not depend on
 * the Host header a proxy may rewrite.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteWrite(method: string, headers: Headers, portalOrigin: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get("origin");
  if (origin) return origin !== portalOrigin;
  const site = headers.get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}

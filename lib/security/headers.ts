/**
 * Response headers (ASVS 3.4.1, 3.4.3, 3.4.6). See docs/decisions/0007-nonce-csp-and-own-server.md.
 *
 * Pages get a Content-Security-Policy with a fresh nonce per request, set by proxy.ts: Next.js reads
 * the nonce from the request's CSP header and puts it on its own scripts, and 'strict-dynamic' lets
 * those scripts load the rest of the app. No inline script without the nonce runs, so injected markup
 * cannot execute. Styles keep 'unsafe-inline' (React style attributes; styles run no code).
 * Route handlers set their own policy (the file route: `default-src 'none'; sandbox`), so this one
 * is not sent on /api/ paths.
 */
export function contentSecurityPolicy(nonce: string, production: boolean): string {
  // Development only: React's dev tools evaluate code (hot reload, error overlay).
  const scriptSrc = `'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`;
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The policy of every API response that does not set its own (JSON and redirects load nothing): it
 * still forbids framing and any content, as ASVS 3.4.1 asks of every response.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** `response` with API_CSP unless it carries a policy of its own (the file route's sandbox). */
export function withDefaultCsp(response: Response): Response {
  if (response.headers.has("content-security-policy")) return response;
  try {
    response.headers.set("content-security-policy", API_CSP);
    return response;
  } catch {
    // Immutable headers (Response.redirect): the same response with headers of its own.
    const copy = new Response(response.body, response);
    copy.headers.set("content-security-policy", API_CSP);
    return copy;
  }
}

/** The locale cookie's attributes for the portal's public origin: Secure over https (ASVS 3.3.1). */
export function localeCookieFor(portalOrigin: string): { secure: true } | undefined {
  return portalOrigin.startsWith("https:") ? { secure: true } : undefined;
}

/** 128 random bits, base64: unguessable and different on every request. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** Headers every response carries (next.config.ts); the CSP comes from proxy.ts or the route. */
export function securityHeaders(production: boolean): { key: string; value: string }[] {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  // HSTS only in production: on http://localhost it would be ignored, and on a real host during
  // development it would pin the browser to https for a year.
  if (production) {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  }
  return headers;
}

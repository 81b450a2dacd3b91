/**
 * Response headers sent on every route (ASVS 3.4.1, 3.4.3, 3.4.6).
 *
 * The CSP is static (no per-request nonce) so that pages stay cacheable by Next; inline scripts are
 * needed by React's streaming runtime, so `script-src` allows 'unsafe-inline' but no other origin.
 * `frame-ancestors 'none'` stops clickjacking. See docs/decisions/0003-static-csp.md.
 */
export function contentSecurityPolicy(production: boolean): string {
  const scriptSrc = production ? "'self' 'unsafe-inline'" : "'self' 'unsafe-inline' 'unsafe-eval'";
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

export function securityHeaders(production: boolean): { key: string; value: string }[] {
  const headers = [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(production) },
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

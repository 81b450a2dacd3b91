import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";
import { routing } from "@/lib/i18n/routing";
import { contentSecurityPolicy, createNonce, localeCookieFor } from "@/lib/security/headers";
import { isCrossSiteWrite } from "@/lib/security/origin";
import { hasBadCharacters, isOversizedAction, isUnsizedAction } from "@/lib/security/request-screen";

/**
 * Runs before every request: refuses cross-site writes (ASVS 3.5.1), malformed URLs and oversized
 * action bodies, picks the locale (next-intl), gives pages a nonce-based CSP, and gives the request
 * an id that the logs and the audit log carry. It is NOT an authorization gate (CVE-2025-29927):
 * layouts, pages, actions and route handlers check access themselves.
 */
const portalOrigin = new URL(env.AUTH_URL).origin;
const production = env.NODE_ENV === "production";
// The locale cookie is Secure when the portal is served over https (ASVS 3.3.1).
const handleI18nRouting = createMiddleware({ ...routing, localeCookie: localeCookieFor(portalOrigin) });

/** A refusal with a short message in the language of the path (JSON for API callers). */
function refuse(
  request: NextRequest,
  status: number,
  key: "badCharacters" | "tooLarge" | "lengthRequired",
  requestId: string,
): NextResponse {
  const messages = request.nextUrl.pathname.startsWith("/en") ? en : ja;
  const message = messages.errors[key];
  const headers = { "x-request-id": requestId, "Cache-Control": "no-store" };
  if (request.nextUrl.pathname.startsWith("/api/") || request.headers.has("next-action")) {
    return NextResponse.json(
      { error: { code: status === 413 ? "TOO_LARGE" : status === 411 ? "LENGTH_REQUIRED" : "VALIDATION", message } },
      { status, headers },
    );
  }
  return new NextResponse(message, { status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}

export default function proxy(request: NextRequest): NextResponse {
  // Always our own id: a client-supplied one could forge log correlation.
  const requestId = crypto.randomUUID();
  request.headers.set("x-request-id", requestId);

  if (isCrossSiteWrite(request.method, request.headers, portalOrigin)) {
    return new NextResponse(null, { status: 403, headers: { "x-request-id": requestId } });
  }
  // NUL and other control characters reach no route, page or query (PostgreSQL answered them 500).
  if (hasBadCharacters(request.nextUrl)) return refuse(request, 400, "badCharacters", requestId);
  if (isOversizedAction(request.method, request.headers)) return refuse(request, 413, "tooLarge", requestId);
  if (isUnsizedAction(request.method, request.headers)) return refuse(request, 411, "lengthRequired", requestId);

  // API routes and the site's own files at the root (favicon, robots.txt, manifest) get the checks
  // above, not locale routing; route handlers set their own CSP (lib/route.ts; the file route's
  // sandbox must not be replaced by the pages' one). A dotted path under a locale is a page path.
  if (request.nextUrl.pathname.startsWith("/api/") || /^\/[^/]+\.[^/]+$/.test(request.nextUrl.pathname)) {
    return NextResponse.next({ request: { headers: request.headers }, headers: { "x-request-id": requestId } });
  }

  // Next.js reads the nonce from the request's CSP and puts it on the scripts it renders.
  const csp = contentSecurityPolicy(createNonce(), production);
  request.headers.set("content-security-policy", csp);
  // Layouts read the path to send a signed-out visitor back here after sign-in.
  request.headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  const response = handleI18nRouting(request);
  response.headers.set("x-request-id", requestId);
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Every path except Next's own static assets: the Origin check must see every write.
  matcher: "/((?!_next/static|_next/image).*)",
};

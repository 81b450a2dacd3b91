import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { routing } from "@/lib/i18n/routing";
import { isCrossSiteWrite } from "@/lib/security/origin";

/**
 * Runs before every request: refuses cross-site writes (ASVS 3.5.1), picks the locale (next-intl)
 * and gives the request an id that the logs and the audit log carry. It is NOT an authorization
 * gate (CVE-2025-29927): layouts, pages, actions and route handlers check access themselves.
 */
const handleI18nRouting = createMiddleware(routing);
const portalOrigin = new URL(env.AUTH_URL).origin;

export default function proxy(request: NextRequest): NextResponse {
  // Always our own id: a client-supplied one could forge log correlation.
  const requestId = crypto.randomUUID();
  request.headers.set("x-request-id", requestId);

  if (isCrossSiteWrite(request.method, request.headers, portalOrigin)) {
    return new NextResponse(null, { status: 403, headers: { "x-request-id": requestId } });
  }
  // API routes and files (paths with an extension) get the check above, not locale routing.
  if (request.nextUrl.pathname.startsWith("/api/") || /\.[^/]+$/.test(request.nextUrl.pathname)) {
    return NextResponse.next({ request: { headers: request.headers }, headers: { "x-request-id": requestId } });
  }

  // Layouts read the path to send a signed-out visitor back here after sign-in.
  request.headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  const response = handleI18nRouting(request);
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  // Every path except Next's own static assets: the Origin check must see every write.
  matcher: "/((?!_next/static|_next/image).*)",
};

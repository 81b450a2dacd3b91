import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "@/lib/i18n/routing";

/**
 * Runs before every page request: picks the locale (next-intl) and gives the request an id that the
 * logs and the audit log carry. It is NOT an authorization gate (CVE-2025-29927): layouts, pages,
 * actions and route handlers check access themselves.
 */
const handleI18nRouting = createMiddleware(routing);

export default function proxy(request: NextRequest): NextResponse {
  // Always our own id: a client-supplied one could forge log correlation.
  const requestId = crypto.randomUUID();
  request.headers.set("x-request-id", requestId);
  // Layouts read the path to send a signed-out visitor back here after sign-in.
  request.headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);

  const response = handleI18nRouting(request);
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  // Everything except API routes, Next internals and files with an extension.
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};

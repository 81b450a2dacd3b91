import { isLocale, routing } from "@/lib/i18n/routing";

/** /api/v1/docs: the reference page in the caller's language (problem types link here with #problem-<code>). */
export function GET(request: Request): Response {
  const wanted = (request.headers.get("accept-language") ?? "").slice(0, 2).toLowerCase();
  const locale = isLocale(wanted) ? wanted : routing.defaultLocale;
  return new Response(null, { status: 308, headers: { Location: `/${locale}/developers` } });
}

import { isLocale } from "@/lib/i18n/routing";
import { streamQueueCsv } from "@/lib/repairs/export";
import { parseQueueFilter } from "@/lib/repairs/queue";
import { requestMeta } from "@/lib/request-context";
import { defineRoute } from "@/lib/route";
import { businessToday } from "@/lib/time/business-time";

export const dynamic = "force-dynamic";

/**
 * The desk queue as CSV, with the queue page's own query parameters. Like the desk's pages it does
 * not exist for anyone else: a customer or a dealer gets 404, not a 403 that confirms it (conventions:
 * One policy module); the denial is still audited and staff still need a strong session.
 */
export const GET = defineRoute({ permission: "repairs.work", hideWhenDenied: true }, async (request, { user }) => {
  const params = new URL(request.url).searchParams;
  const filter = parseQueueFilter(Object.fromEntries(params));
  const requested = params.get("locale");
  const locale = isLocale(requested) ? requested : isLocale(user.locale) ? user.locale : "ja";
  const body = await streamQueueCsv(filter, user, locale, await requestMeta());
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="repairs-${businessToday()}.csv"`,
      // Customers' names and emails: no copy in any cache (ASVS 14.3.2).
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

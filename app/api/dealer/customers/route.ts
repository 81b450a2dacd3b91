import { getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/log";
import { writeCsv } from "@/lib/csv/write";
import { dealerCustomerExportRows } from "@/lib/dealers/customers";
import { isLocale } from "@/lib/i18n/routing";
import { defineRoute } from "@/lib/route";
import { businessToday } from "@/lib/time/business-time";

export const dynamic = "force-dynamic";

/**
 * The dealer's customers as CSV, with the customers page's search ([8.4.1]): the same scope and the
 * same masking as the page (lib/dealers/masking.ts), every unmasked row audited with its reason.
 * Anyone else gets 404, not a 403 that confirms it exists.
 */
export const GET = defineRoute({ permission: "dealer.customers", hideWhenDenied: true }, async (request, { user }) => {
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, 100);
  const requested = params.get("locale");
  const locale = isLocale(requested) ? requested : isLocale(user.locale) ? user.locale : "ja";
  const t = await getTranslations({ locale, namespace: "dealer.customers.csv" });
  const rows: (string | Date | null)[][] = [];
  for await (const row of dealerCustomerExportRows(user, q)) {
    rows.push([
      row.contact.name,
      row.contact.email,
      row.contact.phone,
      row.contact.prefecture,
      row.contact.revealed ? t(`reason.${row.contact.revealed}`) : t("masked"),
      row.model,
      row.serial,
      row.registeredAt,
    ]);
  }
  await recordAudit({
    action: "personal_data.viewed",
    outcome: "SUCCESS",
    actorId: user.id,
    targetType: "DealerCustomers",
    details: { export: "csv", rows: rows.length, dealerId: user.dealerId, q },
  });
  const body = writeCsv([t("name"), t("email"), t("phone"), t("prefecture"), t("shown"), t("model"), t("serial"), t("registeredAt")], rows);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="customers-${businessToday()}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

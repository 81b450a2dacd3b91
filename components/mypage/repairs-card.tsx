import { getTranslations } from "next-intl/server";
import { TicketList, type TicketRow } from "@/components/repairs/ticket-list";
import { Link } from "@/lib/i18n/navigation";

/** How many open requests My Page lists before pointing to the full list. */
const SHOWN = 3;

/** My Page: the customer's open repair requests, with what waits for them, and a way to start one. */
export async function RepairsCard({ open, total }: { open: TicketRow[]; total: number }) {
  const t = await getTranslations("repairs");
  return (
    // A named region (not the plain Card), so the card can be found by its title.
    <section aria-labelledby="repairs-card" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="repairs-card" className="mb-3 text-lg font-semibold text-slate-900">
        {t("cardTitle")}
      </h2>
      {open.length > 0 ? <TicketList tickets={open.slice(0, SHOWN)} /> : <p className="text-slate-700">{t("noOpen")}</p>}
      <div className="mt-4 flex flex-wrap gap-x-4 gap-y-2 text-sm font-semibold">
        {total > 0 && (
          <Link href="/mypage/repairs" className="text-brand-700 underline">
            {t("cardAll", { count: total })}
          </Link>
        )}
        <Link href="/mypage/repairs/new" className="text-brand-700 underline">
          {t("requestRepair")}
        </Link>
      </div>
    </section>
  );
}

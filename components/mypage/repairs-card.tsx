import { getTranslations } from "next-intl/server";
import { TicketList, type TicketRow } from "@/components/repairs/ticket-list";
import { Card } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";

/** How many open requests My Page lists before pointing to the full list. */
const SHOWN = 3;

/** My Page: the customer's open repair requests, with what waits for them, and a way to start one. */
export async function RepairsCard({ open, total }: { open: TicketRow[]; total: number }) {
  const t = await getTranslations("repairs");
  return (
    <Card title={t("cardTitle")} className="min-w-0">
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
    </Card>
  );
}

import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { nameIn } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { RepairStatus } from "@/lib/generated/prisma/enums";
import { RepairStatusBadge } from "./status-badge";

export type TicketRow = {
  id: string;
  number: string;
  status: RepairStatus;
  createdAt: Date;
  unit: { serial: string; model: { nameJa: string; nameEn: string } };
  estimates: { id: string }[];
};

/** The customer's tickets as a list of cards: number, product, status, date, and what waits for them. */
export async function TicketList({ tickets }: { tickets: TicketRow[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("repairs"), getFormatter(), getLocale()]);
  return (
    <ul className="space-y-3">
      {tickets.map((ticket) => (
        <li key={ticket.id} className="rounded-md border border-slate-200 bg-white p-3">
          <p className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
            <Link href={`/mypage/repairs/${ticket.id}`} className="font-mono font-semibold text-brand-700 underline">
              {ticket.number}
            </Link>
            <RepairStatusBadge status={ticket.status} />
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {nameIn(locale, ticket.unit.model)} · <span className="font-mono break-all">{ticket.unit.serial}</span>
          </p>
          <p className="text-sm text-slate-600">
            {t("sentOn")}: {format.dateTime(ticket.createdAt, { dateStyle: "medium" })}
          </p>
          {ticket.estimates.length > 0 && ticket.status === "ESTIMATE_SENT" && (
            <p className="mt-2 text-sm font-semibold text-amber-900">
              <span aria-hidden="true">● </span>
              {t("estimateWaiting")}
            </p>
          )}
          {ticket.status === "WAITING_FOR_CUSTOMER" && (
            <p className="mt-2 text-sm font-semibold text-amber-900">
              <span aria-hidden="true">● </span>
              {t("answerWaiting")}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

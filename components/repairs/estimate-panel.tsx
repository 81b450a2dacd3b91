import { getFormatter, getTranslations } from "next-intl/server";
import type { RepairEstimateStatus } from "@/lib/generated/prisma/enums";
import { TableScroll } from "@/components/ui/table-scroll";
import { EstimateDecision } from "./ticket-actions";

type Line = { description: string; quantity: number; unitPriceYen: number };

export type EstimateView = {
  id: string;
  status: RepairEstimateStatus;
  lines: unknown;
  subtotalYen: number;
  taxRate: number;
  taxYen: number;
  totalYen: number;
  note: string | null;
  sentAt: Date;
};

/** Lines stored as JSON by the desk; anything malformed is left out rather than shown wrong. */
function linesOf(raw: unknown): Line[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (line): line is Line =>
      typeof line === "object" &&
      line !== null &&
      typeof line.description === "string" &&
      typeof line.quantity === "number" &&
      typeof line.unitPriceYen === "number",
  );
}

/**
 * An estimate as the customer reads it: lines, tax and total in yen, what it covers, and (while it
 * is open) Approve / Decline, each behind a confirmation.
 */
export async function EstimatePanel({ ticketId, estimate, open }: { ticketId: string; estimate: EstimateView; open: boolean }) {
  const [t, format] = await Promise.all([getTranslations("repairs"), getFormatter()]);
  const yen = (amount: number) => format.number(amount, { style: "currency", currency: "JPY" });
  const lines = linesOf(estimate.lines);
  return (
    <div className="space-y-3" data-testid="estimate">
      <p className="text-sm text-slate-600">
        {t("estimateSentOn", { date: format.dateTime(estimate.sentAt, { dateStyle: "long" }) })} · {t(`estimateStatus.${estimate.status}`)}
      </p>
      {open && <p className="text-sm text-slate-800">{t("estimateLead")}</p>}
      <TableScroll label={t("estimateTitle")}>
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="py-2 pr-3 font-medium">
                {t("lineDescription")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("lineQuantity")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("lineUnitPrice")}
              </th>
              <th scope="col" className="py-2 pl-3 text-right font-medium">
                {t("lineAmount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => (
              <tr key={index} className="border-b border-slate-200">
                <td className="py-2 pr-3 [overflow-wrap:anywhere]">{line.description}</td>
                <td className="px-3 py-2 text-right tabular-nums">{format.number(line.quantity)}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{yen(line.unitPriceYen)}</td>
                <td className="py-2 pl-3 text-right whitespace-nowrap tabular-nums">{yen(line.quantity * line.unitPriceYen)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3} className="py-1 pr-3 text-right font-medium">
                {t("subtotal")}
              </th>
              <td className="py-1 pl-3 text-right whitespace-nowrap tabular-nums">{yen(estimate.subtotalYen)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3} className="py-1 pr-3 text-right font-medium">
                {t("tax", { rate: estimate.taxRate })}
              </th>
              <td className="py-1 pl-3 text-right whitespace-nowrap tabular-nums">{yen(estimate.taxYen)}</td>
            </tr>
            <tr className="text-base">
              <th scope="row" colSpan={3} className="py-1 pr-3 text-right font-semibold">
                {t("total")}
              </th>
              <td className="py-1 pl-3 text-right font-semibold whitespace-nowrap tabular-nums" data-testid="estimate-total">
                {yen(estimate.totalYen)}
              </td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      {estimate.note && (
        <div>
          <h3 className="text-sm font-medium text-slate-600">{t("estimateNote")}</h3>
          <p className="text-sm whitespace-pre-line text-slate-900 [overflow-wrap:anywhere] [unicode-bidi:isolate]">{estimate.note}</p>
        </div>
      )}
      {open && <EstimateDecision ticketId={ticketId} estimateId={estimate.id} total={yen(estimate.totalYen)} />}
    </div>
  );
}

import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/ui/table-scroll";
import type { HistoryRow } from "@/lib/points/wallet";

const KNOWN_REASONS = ["registration_removed", "claim_decided", "rating_withdrawn", "review_rejected"] as const;

/** One line per ledger entry, in the reader's words: what happened and how the points changed. */
export async function PointsHistoryTable({
  rows,
  viewer = "customer",
  actions,
}: {
  rows: HistoryRow[];
  viewer?: "customer" | "staff";
  /** Staff: a control per row (e.g. reverse a redemption). */
  actions?: (row: HistoryRow) => ReactNode;
}) {
  const [t, format, locale] = await Promise.all([getTranslations("points"), getFormatter(), getLocale()]);
  const localized = (name: { ja: string; en: string } | null) => (name ? (locale === "en" ? name.en : name.ja) : "");
  const reason = (memo: string | null) => {
    const known = KNOWN_REASONS.find((key) => key === memo);
    return known ? t(`reason.${known}`) : (memo ?? "");
  };
  const describe = (row: HistoryRow) => {
    switch (row.kind) {
      case "AWARD":
        return row.ruleName ? localized(row.ruleName) : t("kind.AWARD");
      case "REDEMPTION":
        return t("history.redeemed", { reward: localized(row.reward) });
      case "CLAWBACK":
      case "REVERSAL":
      case "ADJUSTMENT":
        return viewer === "staff" || row.kind === "CLAWBACK" ? `${t(`kind.${row.kind}`)}: ${reason(row.memo)}` : t(`kind.${row.kind}`);
      default:
        return t(`kind.${row.kind}`);
    }
  };
  const signed = (value: number) => (value > 0 ? `+${format.number(value)}` : format.number(value));
  if (rows.length === 0) return <p className="text-slate-700">{t("history.empty")}</p>;
  return (
    <TableScroll label={t("history.title")}>
      <table className="w-full min-w-[36rem] text-left text-sm">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-semibold">
              {t("history.date")}
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              {t("history.what")}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-semibold">
              {t("history.points")}
            </th>
            <th scope="col" className="py-2 font-semibold">
              {t("history.state")}
            </th>
            {actions && (
              <th scope="col" className="relative py-2">
                <span className="sr-only">{t("history.actions")}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100 align-top">
              <td className="py-2 pr-3 whitespace-nowrap">
                <time dateTime={row.at.toISOString()}>{format.dateTime(row.at, { dateStyle: "medium" })}</time>
              </td>
              <td className="py-2 pr-3 [overflow-wrap:anywhere] [unicode-bidi:isolate]">{describe(row)}</td>
              <td className={`py-2 pr-3 text-right font-semibold tabular-nums ${row.points < 0 ? "text-red-800" : "text-slate-900"}`}>
                {row.kind === "RELEASE" ? signed(row.available) : signed(row.points)}
              </td>
              <td className="py-2 text-slate-700">
                {row.kind === "AWARD" && row.points > 0 && row.available === 0
                  ? t("history.pending")
                  : row.debt !== 0
                    ? t("history.debt", { points: format.number(Math.abs(row.debt)), direction: row.debt > 0 ? "repaid" : "owed" })
                    : ""}
              </td>
              {actions && <td className="py-2">{actions(row)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

import { getFormatter, getTranslations } from "next-intl/server";
import type { RecallSummary } from "@/lib/recalls/campaigns";

/** Reach, acknowledgement and completion of a campaign, as counts and shares of notified owners. */
export async function RecallFigures({ summary }: { summary: RecallSummary }) {
  const [t, format] = await Promise.all([getTranslations("recallsAdmin"), getFormatter()]);
  const share = (rate: number | null) => (rate === null ? "—" : format.number(rate, { style: "percent", maximumFractionDigits: 0 }));
  return (
    <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
      {[
        { term: t("affectedUnits"), value: String(summary.affectedUnits) },
        { term: t("registeredUnits"), value: String(summary.registeredUnits) },
        { term: t("notices"), value: String(summary.notices) },
        { term: t("acknowledgedRate"), value: `${share(summary.readRate)} (${summary.acknowledged})` },
        { term: t("completedRate"), value: `${share(summary.fixedRate)} (${summary.completed})` },
      ].map((item) => (
        <div key={item.term} className="rounded border border-slate-200 bg-slate-50 p-2">
          <dt className="text-slate-600">{item.term}</dt>
          <dd className="text-lg font-semibold">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

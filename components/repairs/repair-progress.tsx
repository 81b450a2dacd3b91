import { getTranslations } from "next-intl/server";
import type { RepairCoverage, RepairStatus } from "@/lib/generated/prisma/enums";
import { CUSTOMER_STEPS } from "@/lib/repairs/status";

/**
 * The customer's steps (lib/repairs/status.ts CUSTOMER_STEPS) with the current one marked. While
 * staff wait for the customer the ticket stays on the step it paused at; a cancelled ticket shows
 * the steps it reached and no current one (the page says it was cancelled). A free repair (warranty,
 * recall) has no estimate step; a step the ticket passed over (a declined estimate skips the repair)
 * is not ticked.
 */
export async function RepairProgress({
  status,
  resumeStatus,
  coverage,
  reached,
}: {
  status: RepairStatus;
  coverage: RepairCoverage;
  resumeStatus: RepairStatus | null;
  /** Every status the ticket has been in (from its timeline). */
  reached: readonly RepairStatus[];
}) {
  const t = await getTranslations("repairs");
  const position = status === "WAITING_FOR_CUSTOMER" ? (resumeStatus ?? "DIAGNOSING") : status;
  const steps = coverage === "PAID" ? CUSTOMER_STEPS : CUSTOMER_STEPS.filter((step) => step !== "ESTIMATE_SENT");
  const currentIndex = steps.indexOf(position);
  const cancelled = status === "CANCELLED";
  return (
    <ol
      className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:auto-cols-fr lg:grid-flow-col lg:grid-cols-none"
      aria-label={t("progressTitle")}
    >
      {steps.map((step, index) => {
        const passed = cancelled || index < currentIndex || (index === currentIndex && status === "COMPLETED");
        const done = passed && reached.includes(step);
        const current = !cancelled && index === currentIndex && status !== "COMPLETED";
        const waiting = current && status === "WAITING_FOR_CUSTOMER";
        const style = current
          ? waiting
            ? "border-amber-400 bg-amber-50 text-amber-950"
            : "border-brand-600 bg-brand-50 text-brand-900"
          : done
            ? "border-green-300 bg-green-50 text-green-900"
            : "border-slate-200 bg-white text-slate-600";
        return (
          <li
            key={step}
            aria-current={current ? "step" : undefined}
            className={`flex flex-col items-start gap-1 rounded-md border-2 px-3 py-2 text-sm ${style}`}
          >
            <span aria-hidden="true" className="font-mono text-xs">
              {done ? "✓" : index + 1}
            </span>
            <span className={current ? "font-semibold" : undefined}>{t(`stepName.${step}` as never)}</span>
            {done && <span className="sr-only">({t("stepDone")})</span>}
            {current && <span className="sr-only">({t("stepCurrent")})</span>}
            {waiting && <span className="text-xs font-semibold">{t("statusName.WAITING_FOR_CUSTOMER")}</span>}
          </li>
        );
      })}
    </ol>
  );
}

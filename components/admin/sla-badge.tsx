import type { ClockState } from "@/lib/repairs/sla";

/**
 * An SLA clock's state as a word with a colour (never colour alone, WCAG 1.4.1) and its due time
 * under it. Colours keep 4.5:1 contrast on their backgrounds.
 */
const TONES: Record<ClockState, string> = {
  breached: "border-red-300 bg-red-50 text-red-800",
  missed: "border-red-300 bg-red-50 text-red-800",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  paused: "border-slate-300 bg-slate-100 text-slate-800",
  running: "border-sky-300 bg-sky-50 text-sky-900",
  met: "border-emerald-300 bg-emerald-50 text-emerald-900",
};

export function SlaBadge({ state, label, due }: { state: ClockState; label: string; due: string }) {
  return (
    <span className="flex flex-col items-start gap-0.5">
      <span className={`inline-block rounded border px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap ${TONES[state]}`}>{label}</span>
      <span className="text-xs whitespace-nowrap text-slate-600">{due}</span>
    </span>
  );
}

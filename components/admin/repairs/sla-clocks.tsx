import { getFormatter, getTranslations } from "next-intl/server";
import type { Clock, ClockState } from "@/lib/repairs/sla";

/** Colour and text together: the state is never told by colour alone (WCAG 1.4.1). */
const STATE_STYLE: Record<ClockState, string> = {
  met: "border-green-300 bg-green-50 text-green-900",
  missed: "border-red-300 bg-red-50 text-red-900",
  running: "border-sky-300 bg-sky-50 text-sky-900",
  warning: "border-amber-400 bg-amber-50 text-amber-900",
  breached: "border-red-400 bg-red-100 text-red-900",
  paused: "border-slate-300 bg-slate-100 text-slate-800",
};

/** The ticket's two SLA clocks, counted in business hours (lib/repairs/sla.ts); times in the business time zone. */
export async function SlaClocks({ clocks }: { clocks: { firstResponse: Clock; resolution: Clock } }) {
  const t = await getTranslations("repairs.desk.sla");
  const label = await getTranslations("repairs.staffLabels");
  const format = await getFormatter();
  const span = (minutes: number) => t("span", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label={t("title")}>
      {(["firstResponse", "resolution"] as const).map((name) => {
        const clock = clocks[name];
        return (
          <li key={name} className={`rounded-md border px-3 py-2 ${STATE_STYLE[clock.state]}`} data-testid={`sla-${name}`}>
            <p className="text-sm font-medium">{t(name)}</p>
            <p className="font-semibold">{label(`clock.${clock.state}`)}</p>
            <p className="text-sm">{t("due", { due: format.dateTime(clock.dueAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
            {clock.minutesLeft !== null &&
              (clock.state === "breached" ? (
                <p className="text-sm">{t("overdue", { span: span(-clock.minutesLeft) })}</p>
              ) : (
                <p className="text-sm">{t("left", { span: span(Math.max(0, clock.minutesLeft)) })}</p>
              ))}
            {clock.state === "paused" && <p className="text-sm">{t("pausedHint")}</p>}
          </li>
        );
      })}
    </ul>
  );
}

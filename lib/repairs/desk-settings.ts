import "server-only";
import { forgetShown, keptForDisplay } from "@/lib/cache/shown";
import { db } from "@/lib/db";
import { businessTimeZone } from "@/lib/time/business-time";
import { localDateOf } from "@/lib/warranty/local-date";
import type { BusinessCalendar } from "./business-hours";
import type { SlaTargets } from "./sla";

/** The desk's one settings row ("desk", inserted with the defaults by its migration). */
export async function loadDeskSettings() {
  return db.deskSettings.findUniqueOrThrow({ where: { id: "desk" } });
}

export type Desk = { calendar: BusinessCalendar; targets: SlaTargets };

export async function loadDesk(): Promise<Desk> {
  const settings = await loadDeskSettings();
  return {
    calendar: {
      timeZone: businessTimeZone(),
      openMinute: settings.openMinute,
      closeMinute: settings.closeMinute,
      workdays: settings.workdays,
      closedDates: new Set(settings.closedDates.map(localDateOf)),
    },
    targets: {
      firstResponseMinutes: settings.firstResponseMinutes,
      resolutionMinutes: settings.resolutionMinutes,
      warnAtPercent: settings.warnAtPercent,
    },
  };
}

// The queue shows clocks on every request; its calendar and targets are kept per process for a few
// seconds (one object, so the business-hours caches keyed on it hold too). Only what is shown uses
// it: deadlines are computed at write time from loadDesk(). A save in this process forgets it at
// once; another app process catches up within DISPLAY_TTL_MS (docs/decisions/0008).
const DISPLAY_TTL_MS = 10_000;
const shownDesk = keptForDisplay(loadDesk, { ttlMs: DISPLAY_TTL_MS, sources: ["desk"] });

/** The desk's calendar and targets for showing SLA clocks in lists (at most DISPLAY_TTL_MS old). */
export function loadDeskForDisplay(now: number = Date.now()): Promise<Desk> {
  return shownDesk.get(now);
}

/** Called after the settings change, so this process shows the new targets at once. */
export function forgetShownDesk(): void {
  forgetShown("desk");
}

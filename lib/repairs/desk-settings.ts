import "server-only";
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

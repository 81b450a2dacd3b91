import { getFormatter } from "next-intl/server";
import type { LocalDate } from "@/lib/warranty/local-date";

/** A calendar date as the reader's language writes it (a LocalDate has no time zone to shift). */
export async function formatLocalDate(date: LocalDate): Promise<string> {
  const format = await getFormatter();
  return format.dateTime(new Date(`${date}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
}

import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { inLocale } from "@/lib/i18n/localized";
import type { TimelineEvent } from "@/lib/products/timeline";
import { formatLocalDate } from "@/lib/i18n/format-local-date";

/** The unit's timeline, newest first; each event's text comes from the catalog. */
export async function ProductTimeline({ events }: { events: TimelineEvent[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("timeline"), getFormatter(), getLocale()]);
  const values = (event: TimelineEvent) => {
    const raw = event.values ?? {};
    return {
      ...raw,
      name: inLocale(locale, { ja: String(raw.nameJa ?? ""), en: String(raw.nameEn ?? "") }),
      title: inLocale(locale, { ja: String(raw.titleJa ?? ""), en: String(raw.titleEn ?? "") }),
      shop: String(raw.shop ?? ""),
    };
  };
  const rows = await Promise.all(
    events.map(async (event) => ({
      event,
      date: typeof event.on === "string" ? await formatLocalDate(event.on) : format.dateTime(event.on, { dateStyle: "long" }),
    })),
  );
  return (
    <ol className="relative space-y-4 border-l-2 border-slate-200 pl-5">
      {rows.map(({ event, date }, index) => (
        <li key={`${event.kind}-${index}`} className="relative">
          <span aria-hidden className="absolute top-1.5 -left-[27px] h-3 w-3 rounded-full border-2 border-white bg-brand-600" />
          <p className="text-sm text-slate-600">{date}</p>
          <p className="text-slate-900">
            {t(event.kind, values(event))}
            {event.href && (
              <>
                {" "}
                <Link href={event.href} className="font-semibold text-brand-700 underline">
                  {t(event.linkKey ?? "open")}
                </Link>
              </>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}

import { getFormatter, getTranslations } from "next-intl/server";
import type { RepairStatus } from "@/lib/generated/prisma/enums";

export type RepairTimelineEvent = {
  id: string;
  at: Date;
  kind: string;
  toStatus: RepairStatus | null;
  message: string | null;
  actor: { role: string } | null;
};

const KINDS = [
  "created",
  "info_requested",
  "info_added",
  "estimate_sent",
  "estimate_approved",
  "estimate_declined",
  "photo_added",
  "cancelled",
  "rated",
  "rating_withdrawn",
  "dealer_received",
  "dealer_sent",
  "dealer_back",
  "dealer_returned",
] as const;

/**
 * The ticket's steps as the customer sees them, oldest first: a date and a sentence from the
 * catalog in the reader's language, and the free text that belongs to the step (staff's question,
 * the customer's answer, a reason for cancelling). lib/repairs only hands over customer-visible kinds.
 */
export async function RepairTimeline({ events }: { events: RepairTimelineEvent[] }) {
  const [t, format] = await Promise.all([getTranslations("repairs"), getFormatter()]);
  const sentence = (event: RepairTimelineEvent) => {
    if (event.kind === "status" && event.toStatus) return t(`statusEvent.${event.toStatus}`);
    const kind = KINDS.find((known) => known === event.kind);
    return kind ? t(`event.${kind}`) : event.toStatus ? t(`statusEvent.${event.toStatus}`) : null;
  };
  return (
    <ol className="relative space-y-4 border-l-2 border-slate-200 pl-5">
      {events.map((event) => {
        const text = sentence(event);
        if (!text) return null;
        const fromCustomer = event.actor?.role === "CUSTOMER";
        const showMessage = event.message && event.kind !== "rated";
        return (
          <li key={event.id} className="relative">
            <span aria-hidden className="absolute top-1.5 -left-[27px] h-3 w-3 rounded-full border-2 border-white bg-brand-600" />
            <p className="text-sm text-slate-600">
              <time dateTime={event.at.toISOString()}>{format.dateTime(event.at, { dateStyle: "long", timeStyle: "short" })}</time>
            </p>
            <p className="text-slate-900">{text}</p>
            {showMessage && (
              <figure className="mt-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
                <figcaption className="text-xs font-semibold text-slate-600">{fromCustomer ? t("fromYou") : t("fromStaff")}</figcaption>
                <blockquote className="text-sm whitespace-pre-line text-slate-900 [overflow-wrap:anywhere] [unicode-bidi:isolate]">
                  {event.message}
                </blockquote>
              </figure>
            )}
          </li>
        );
      })}
    </ol>
  );
}

import { getFormatter, getTranslations } from "next-intl/server";
import { UserText } from "@/components/ui/user-text";
import type { StaffTicket } from "@/lib/repairs/staff-view";

type Person = { name: string | null; email: string } | null;

/**
 * Everything that happened on the ticket, oldest first: the customer's and staff's steps and the
 * internal notes between them. Notes look different and say that the customer never sees them.
 */
export async function TicketTimeline({ ticket, agents }: { ticket: StaffTicket; agents: Map<string, string> }) {
  const t = await getTranslations("repairs.desk");
  const label = await getTranslations("repairs.staffLabels");
  const format = await getFormatter();
  const who = (person: Person) => (person ? person.name || person.email : t("timeline.system"));
  const statusName = (status: string | null) => (status ? label(`status.${status}` as never) : "");
  type Entry = { id: string; at: Date; note: boolean; by: string; text: string; message: string | null };
  const entries: Entry[] = [
    ...ticket.events.map((event): Entry => {
      const details = (event.details ?? {}) as Record<string, unknown>;
      let text: string;
      switch (event.kind) {
        case "created":
          text = t("timeline.created");
          break;
        case "assigned":
          text = details.to
            ? t("timeline.assigned", { name: agents.get(String(details.to)) ?? t("timeline.someone") })
            : t("timeline.unassigned");
          break;
        case "estimate_sent":
          text = t("timeline.estimateSent", {
            total: format.number(Number(details.totalYen ?? 0), { style: "currency", currency: "JPY" }),
          });
          break;
        case "status":
          text = details.outcome
            ? t("timeline.shippedBack", { outcome: label(`outcome.${String(details.outcome)}` as never) })
            : t("timeline.moved", { to: statusName(event.toStatus) });
          break;
        case "rated":
          text = t("timeline.rated", { rating: Number(details.rating ?? 0) });
          break;
        case "info_requested":
        case "info_added":
        case "estimate_approved":
        case "estimate_declined":
        case "photo_added":
        case "cancelled":
        case "rating_withdrawn":
          text = t(`timeline.${event.kind}`);
          break;
        default:
          text = event.toStatus ? t("timeline.moved", { to: statusName(event.toStatus) }) : event.kind;
      }
      return { id: event.id, at: event.at, note: false, by: who(event.actor), text, message: event.message };
    }),
    ...ticket.notes.map((note): Entry => ({
      id: note.id,
      at: note.createdAt,
      note: true,
      by: who(note.author),
      text: "",
      message: note.body,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  return (
    <ol className="space-y-3" aria-label={t("timeline.title")}>
      {entries.map((entry) => (
        <li
          key={entry.id}
          className={
            entry.note
              ? "rounded-md border-2 border-dashed border-amber-500 bg-amber-50 px-3 py-2"
              : "rounded-md border border-slate-200 bg-white px-3 py-2"
          }
          data-testid={entry.note ? "internal-note" : "timeline-event"}
        >
          <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm text-slate-700">
            <time dateTime={entry.at.toISOString()}>{format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "short" })}</time>
            <span>
              <UserText>{entry.by}</UserText>
            </span>
            {entry.note && <span className="font-semibold text-amber-900">{t("timeline.internal")}</span>}
          </p>
          {entry.text && <p className="font-medium text-slate-900">{entry.text}</p>}
          {entry.message && <UserText className="block whitespace-pre-line text-slate-900">{entry.message}</UserText>}
        </li>
      ))}
    </ol>
  );
}

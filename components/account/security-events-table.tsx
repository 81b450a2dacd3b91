import { getFormatter, getTranslations } from "next-intl/server";
import { describeAddress } from "@/lib/auth/session-list";
import { DataTable } from "@/components/ui/data-table";

type SecurityEvent = { id: bigint; at: Date; action: string; outcome: string; ipAddress: string | null };

/** A user's own security events (sign-ins, failures, changes to how they sign in). */
export async function SecurityEventsTable({ events }: { events: SecurityEvent[] }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <DataTable
      caption={t("activity.title")}
      empty={t("activity.empty")}
      columns={[
        { id: "at", header: t("activity.at"), className: "whitespace-nowrap" },
        { id: "what", header: t("activity.what") },
        { id: "outcome", header: t("activity.outcome") },
        { id: "from", header: t("activity.from"), className: "font-mono" },
      ]}
      rows={events.map((event) => {
        const place = describeAddress(event.ipAddress);
        return {
          id: String(event.id),
          cells: {
            at: format.dateTime(event.at, { dateStyle: "medium", timeStyle: "short" }),
            what: t(`auditActions.${event.action.replaceAll(".", "_")}` as "auditActions.auth_sign_in"),
            outcome: t(`auditOutcomes.${event.outcome}` as "auditOutcomes.SUCCESS"),
            // An address (or its network's name) is not a word: it may break anywhere (e2e/layout.spec.ts).
            from:
              place === "local" ? (
                t("sessions.localNetwork")
              ) : place ? (
                <span className="break-all">{place}</span>
              ) : (
                t("sessions.unknownPlace")
              ),
          },
        };
      })}
    />
  );
}

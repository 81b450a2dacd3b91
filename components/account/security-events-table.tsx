import { getFormatter, getTranslations } from "next-intl/server";
import { describeAddress } from "@/lib/auth/session-list";
import { TableScroll } from "@/components/ui/table-scroll";

type SecurityEvent = { id: bigint; at: Date; action: string; outcome: string; ipAddress: string | null };

/** A user's own security events (sign-ins, failures, changes to how they sign in). */
export async function SecurityEventsTable({ events }: { events: SecurityEvent[] }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  if (events.length === 0) return <p className="text-slate-600">{t("activity.empty")}</p>;
  return (
    <TableScroll label={t("activity.title")}>
      <table className="w-full text-left text-sm">
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("activity.at")}
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("activity.what")}
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("activity.outcome")}
            </th>
            <th scope="col" className="py-1 font-medium">
              {t("activity.from")}
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const place = describeAddress(event.ipAddress);
            return (
              <tr key={String(event.id)} className="border-t border-slate-100">
                <td className="py-1 pr-3 whitespace-nowrap">{format.dateTime(event.at, { dateStyle: "medium", timeStyle: "short" })}</td>
                <td className="py-1 pr-3">{t(`auditActions.${event.action.replaceAll(".", "_")}` as "auditActions.auth_sign_in")}</td>
                <td className="py-1 pr-3">{t(`auditOutcomes.${event.outcome}` as "auditOutcomes.SUCCESS")}</td>
                <td className="py-1 font-mono">{place === "local" ? t("sessions.localNetwork") : (place ?? t("sessions.unknownPlace"))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

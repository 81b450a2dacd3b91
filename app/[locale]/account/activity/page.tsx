import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { listOwnSecurityEvents } from "@/lib/audit/queries";
import { requireSignedIn } from "@/lib/auth/permissions.server";
import { describeAddress } from "@/lib/auth/session-list";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity"))("title") };
}

/** The user's own security events: sign-ins, failures, and changes to how they sign in. */
export default async function ActivityPage({ params }: PageProps<"/[locale]/account/activity">) {
  await enterLocale(params);
  const user = await requireSignedIn();
  const [t, format, events] = await Promise.all([getTranslations(), getFormatter(), listOwnSecurityEvents(user.id, 50)]);
  return (
    <>
      <PageTitle>{t("activity.title")}</PageTitle>
      <Card>
        <p className="mb-3 text-sm text-slate-700">{t("activity.lead")}</p>
        {events.length === 0 ? (
          <p className="text-slate-600">{t("activity.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("activity.at")}</th>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("activity.what")}</th>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("activity.outcome")}</th>
                  <th scope="col" className="py-1 font-medium">{t("activity.from")}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => {
                  const place = describeAddress(event.ipAddress);
                  return (
                    <tr key={String(event.id)} className="border-t border-slate-100">
                      <td className="py-1 pr-3 whitespace-nowrap">{format.dateTime(event.at, { dateStyle: "medium", timeStyle: "short" })}</td>
                      <td className="py-1 pr-3">{t(`auditActions.${event.action.replaceAll(".", "_")}` as "auditActions.auth_sign_in")}</td>
                      <td className="py-1 pr-3">{t(`auditOutcomes.${event.outcome}`)}</td>
                      <td className="py-1 font-mono">{place === "local" ? t("sessions.localNetwork") : (place ?? t("sessions.unknownPlace"))}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { PrivacyTabs } from "@/components/privacy/privacy-tabs";
import { RevokeAppButton } from "@/components/privacy/revoke-app-button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { UserText } from "@/components/ui/user-text";
import { requireArea, requirePermission } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";
import { listAppCalls, listConnectedApps } from "@/lib/oidc/grants";
import { scopeMessageKey } from "@/lib/oidc/scopes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connectedApps"))("title") };
}

/**
 * Connected apps (issue 16): the brand's sites and apps, and agents, the customer let act for
 * them, with what each may do, until when, and what it did lately; each can be revoked at once.
 */
export default async function ConnectedAppsPage({ params }: PageProps<"/[locale]/mypage/privacy/apps">) {
  await enterLocale(params);
  await requireArea("mypage");
  const user = await requirePermission("privacy.own");
  const [apps, calls, t, tp, to, format] = await Promise.all([
    listConnectedApps(user.id),
    listAppCalls(user.id),
    getTranslations("connectedApps"),
    getTranslations("privacy"),
    getTranslations("oidc"),
    getFormatter(),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageTitle lead={tp("lead")}>{tp("title")}</PageTitle>
      <PrivacyTabs current="apps" />
      <Card title={t("title")}>
        <p className="text-sm text-slate-700">{t("lead")}</p>
        {apps.length === 0 ? (
          <p className="mt-4 rounded-md border border-dashed border-slate-300 p-4 text-slate-700">{t("empty")}</p>
        ) : (
          <ul className="mt-4 space-y-4">
            {apps.map((app) => (
              <li key={app.key} className="rounded-md border border-slate-200 p-4" data-testid="connected-app">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <h3 className="font-semibold">
                      <UserText>{app.name}</UserText>
                      {app.kind === "AGENT" && (
                        <span className="ml-2 rounded bg-violet-100 px-2 py-0.5 text-xs text-violet-900">{t("agent")}</span>
                      )}
                    </h3>
                    <p className="text-sm text-slate-700">
                      {t("granted", { date: when(app.grantedAt) })}
                      {" · "}
                      {app.expiresAt ? t("until", { date: when(app.expiresAt) }) : t("noEnd")}
                      {app.lastUsedAt && ` · ${t("lastUsed", { date: when(app.lastUsedAt) })}`}
                    </p>
                  </div>
                  <RevokeAppButton grantKey={app.key} name={app.name} />
                </div>
                <h4 className="mt-3 text-sm font-medium">{t("mayDo")}</h4>
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {app.scopes.length === 0 ? <li>{to("scopes.openid.name")}</li> : null}
                  {app.scopes.map((scope) => (
                    <li key={scope}>{to(`scopes.${scopeMessageKey(scope)}.name`)}</li>
                  ))}
                </ul>
                <h4 className="mt-3 text-sm font-medium">{t("activity")}</h4>
                {app.activity.length === 0 ? (
                  <p className="text-sm text-slate-700">{t("noActivity")}</p>
                ) : (
                  <ul className="mt-1 space-y-1 text-sm" data-testid="app-activity">
                    {app.activity.map((call, index) => (
                      <li key={index} className="break-all">
                        <span className="whitespace-nowrap text-slate-700">{when(call.at)}</span> <code>{call.method}</code>{" "}
                        <code>{call.path}</code>{" "}
                        <span className={call.status < 400 ? "text-emerald-800" : "text-red-800"}>{call.status}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("callsTitle")} className="mt-6">
        <p className="mb-3 text-sm text-slate-700">{t("callsLead")}</p>
        <DataTable
          caption={t("callsTitle")}
          empty={t("noCalls")}
          columns={[
            { id: "at", header: t("columns.at"), className: "whitespace-nowrap" },
            { id: "app", header: t("columns.app"), className: "min-w-32" },
            { id: "call", header: t("columns.call"), className: "min-w-48 break-all" },
            { id: "status", header: t("columns.status") },
          ]}
          rows={calls.map((call, index) => ({
            id: String(index),
            cells: {
              at: when(call.at),
              app: <UserText>{call.app}</UserText>,
              call: (
                <span>
                  <code>{call.method}</code> <code>{call.path}</code>
                </span>
              ),
              status: call.status,
            },
          }))}
        />
      </Card>
    </>
  );
}

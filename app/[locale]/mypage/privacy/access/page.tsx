import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { PrivacyTabs } from "@/components/privacy/privacy-tabs";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { UserText } from "@/components/ui/user-text";
import { requireArea, requirePermission } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";
import { viewsOfMyData } from "@/lib/privacy/access-log";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacyAccess"))("title") };
}

/** Who saw my data: staff and dealer views of the customer's personal data, from the audit log. */
export default async function AccessPage({ params }: PageProps<"/[locale]/mypage/privacy/access">) {
  await enterLocale(params);
  await requireArea("mypage");
  const user = await requirePermission("privacy.own");
  const [views, t, tp, format] = await Promise.all([
    viewsOfMyData(user.id),
    getTranslations("privacyAccess"),
    getTranslations("privacy"),
    getFormatter(),
  ]);
  const has = (key: string) => t.has(key as never);
  return (
    <>
      <PageTitle lead={tp("lead")}>{tp("title")}</PageTitle>
      <PrivacyTabs current="access" />
      <Card title={t("title")}>
        <p className="mb-4 text-sm text-slate-700">{t("lead")}</p>
        <DataTable
          caption={t("title")}
          empty={t("empty")}
          columns={[
            { id: "at", header: t("columns.at"), className: "whitespace-nowrap" },
            { id: "who", header: t("columns.who"), className: "min-w-40" },
            { id: "what", header: t("columns.what") },
            { id: "why", header: t("columns.why"), className: "min-w-40" },
          ]}
          rows={views.map((view) => ({
            id: view.id,
            cells: {
              at: format.dateTime(view.at, { dateStyle: "medium", timeStyle: "short" }),
              who: view.dealer ? (
                <span>
                  {t("dealer")}: <UserText>{view.dealer}</UserText>
                </span>
              ) : (
                t("support")
              ),
              what: has(`targets.${view.targetType}`) ? t(`targets.${view.targetType}` as never) : t("targets.other"),
              why:
                view.reason && has(`reasons.${view.reason}`)
                  ? t(`reasons.${view.reason}` as never)
                  : t(view.dealer ? "reasons.masked" : "reasons.support"),
            },
          }))}
        />
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DealerShareToggle } from "@/components/mypage/dealer-share-toggle";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { UserText } from "@/components/ui/user-text";
import { requireArea } from "@/lib/auth/permissions.server";
import { dealerShareChoices, dealerShareHistory } from "@/lib/consents/dealer-share";
import { POLICIES } from "@/lib/consents/policies";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("title") };
}

/**
 * The customer's privacy choices (issue 13 starts it with sharing contact details with the dealers
 * of their purchases; issue 14 adds the other purposes): each dealer by name, its state, one step
 * to give or withdraw, and the history of the records.
 */
export default async function PrivacyPage({ params }: PageProps<"/[locale]/mypage/privacy">) {
  await enterLocale(params);
  const user = await requireArea("mypage");
  const [choices, history, t, format] = await Promise.all([
    dealerShareChoices(user.id),
    dealerShareHistory(user.id),
    getTranslations("privacy"),
    getFormatter(),
  ]);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="space-y-6">
        <Card title={t("dealerShareTitle")}>
          <p className="mb-2 text-sm text-slate-700">{t("dealerShareLead")}</p>
          <p className="mb-4 text-sm">
            <Link href="/legal/dealer_share" className="text-brand-700 underline">
              {t("policyLink", { version: POLICIES.dealer_share.version })}
            </Link>
          </p>
          {choices.length === 0 ? (
            <p className="text-slate-700">{t("noDealers")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {choices.map((choice) => (
                <li key={choice.dealerId} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <span className="flex flex-col">
                    <UserText className="font-medium">{choice.name}</UserText>
                    <span className={`text-sm ${choice.grantedAt ? "text-green-800" : "text-slate-600"}`}>
                      {choice.grantedAt
                        ? t("sharingSince", { date: format.dateTime(choice.grantedAt, { dateStyle: "long" }) })
                        : t("notSharing")}
                    </span>
                  </span>
                  <DealerShareToggle dealerId={choice.dealerId} dealerName={choice.name} sharing={choice.grantedAt !== null} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("historyTitle")}>
          <DataTable
            caption={t("historyTitle")}
            empty={t("historyEmpty")}
            columns={[
              { id: "dealer", header: t("columns.dealer"), className: "min-w-32" },
              { id: "given", header: t("columns.given"), className: "whitespace-nowrap" },
              { id: "withdrawn", header: t("columns.withdrawn"), className: "whitespace-nowrap" },
              { id: "version", header: t("columns.version"), className: "whitespace-nowrap" },
            ]}
            rows={history.map((record) => ({
              id: record.id,
              cells: {
                dealer: <UserText>{record.dealer?.name ?? "—"}</UserText>,
                given: format.dateTime(record.grantedAt, { dateStyle: "medium", timeStyle: "short" }),
                withdrawn: record.withdrawnAt ? format.dateTime(record.withdrawnAt, { dateStyle: "medium", timeStyle: "short" }) : "—",
                version: record.policyVersion,
              },
            }))}
          />
        </Card>
      </div>
    </>
  );
}

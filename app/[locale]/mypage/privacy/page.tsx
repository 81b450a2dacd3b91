import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DealerShareToggle } from "@/components/mypage/dealer-share-toggle";
import { PageTitle } from "@/components/page-title";
import { ConsentToggle } from "@/components/privacy/consent-toggle";
import { PrivacyTabs } from "@/components/privacy/privacy-tabs";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { UserText } from "@/components/ui/user-text";
import { requireArea, requirePermission } from "@/lib/auth/permissions.server";
import { consentChoices, consentHistory } from "@/lib/consents/current";
import { dealerShareChoices } from "@/lib/consents/dealer-share";
import { purposeDescription, purposeName } from "@/lib/consents/policies";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("title") };
}

/**
 * The privacy center's first section (issue 14): each optional purpose with its text and version,
 * given or withdrawn in one step; sharing with dealers, dealer by dealer; the history of every
 * consent record (purpose, version, text hash, channel, time).
 */
export default async function PrivacyPage({ params }: PageProps<"/[locale]/mypage/privacy">) {
  const locale = await enterLocale(params);
  await requireArea("mypage");
  const user = await requirePermission("privacy.own");
  const [choices, dealers, history, t, format] = await Promise.all([
    consentChoices(user.id),
    dealerShareChoices(user.id),
    consentHistory(user.id),
    getTranslations("privacy"),
    getFormatter(),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <PrivacyTabs current="consents" />
      <div className="space-y-6">
        <Card title={t("purposesTitle")}>
          <ul className="divide-y divide-slate-100">
            {choices.map((choice) => {
              const name = purposeName(choice.purpose, locale);
              return (
                <li
                  key={choice.purpose.id}
                  className="flex flex-wrap items-start justify-between gap-3 py-4"
                  data-purpose={choice.purpose.id}
                >
                  <div className="max-w-prose space-y-1">
                    <h3 className="font-semibold">{name}</h3>
                    <p className="text-sm text-slate-700">{purposeDescription(choice.purpose, locale)}</p>
                    <p className={`text-sm ${choice.given ? "text-green-800" : "text-slate-600"}`}>
                      {choice.given
                        ? t("givenSince", {
                            date: format.dateTime(choice.given.grantedAt, { dateStyle: "long" }),
                            version: choice.given.version,
                          })
                        : t("notGiven")}
                    </p>
                    <Link href={`/legal/${choice.purpose.id}`} className="text-sm text-brand-700 underline">
                      {t("readPurpose", { version: choice.current.version })}
                    </Link>
                  </div>
                  <ConsentToggle purpose={choice.purpose.id} name={name} given={choice.given !== null} />
                </li>
              );
            })}
          </ul>
        </Card>
        <Card title={t("dealerShareTitle")}>
          <p className="mb-2 text-sm text-slate-700">{t("dealerShareLead")}</p>
          <p className="mb-4 text-sm">
            <Link href="/legal/dealer_share" className="text-brand-700 underline">
              {t("policyLinkCurrent")}
            </Link>
          </p>
          {dealers.length === 0 ? (
            <p className="text-slate-700">{t("noDealers")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {dealers.map((choice) => (
                <li key={choice.dealerId} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <span className="flex flex-col">
                    <UserText className="font-medium">{choice.name}</UserText>
                    <span
                      className={`text-sm ${choice.grantedAt ? "text-green-800" : choice.needsRenewal ? "text-amber-900" : "text-slate-600"}`}
                    >
                      {choice.grantedAt
                        ? t("sharingSince", { date: format.dateTime(choice.grantedAt, { dateStyle: "long" }) })
                        : choice.needsRenewal
                          ? t("sharingNeedsRenewal")
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
          <p className="mb-3 text-sm text-slate-700">{t("historyLead")}</p>
          <DataTable
            caption={t("historyTitle")}
            empty={t("historyEmpty")}
            columns={[
              { id: "purpose", header: t("columns.purpose"), className: "min-w-40" },
              { id: "given", header: t("columns.given"), className: "whitespace-nowrap" },
              { id: "withdrawn", header: t("columns.withdrawn"), className: "whitespace-nowrap" },
              { id: "version", header: t("columns.version"), className: "whitespace-nowrap" },
              { id: "channel", header: t("columns.channel"), className: "whitespace-nowrap" },
              { id: "hash", header: t("columns.hash"), className: "whitespace-nowrap" },
            ]}
            rows={history.map((record) => ({
              id: record.id,
              cells: {
                purpose: (
                  <span>
                    {purposeName(record.purposeRecord, locale)}
                    {record.dealer && (
                      <>
                        {" — "}
                        <UserText>{record.dealer.name}</UserText>
                      </>
                    )}
                  </span>
                ),
                given: when(record.grantedAt),
                withdrawn: record.withdrawnAt ? when(record.withdrawnAt) : "—",
                version: (
                  <Link href={`/legal/${record.purpose}?version=${encodeURIComponent(record.policyVersion)}`} className="underline">
                    {record.policyVersion}
                  </Link>
                ),
                channel: t.has(`channels.${record.channel}` as never) ? t(`channels.${record.channel}` as never) : record.channel,
                hash: <code title={record.textHash}>{record.textHash.slice(0, 12)}</code>,
              },
            }))}
          />
        </Card>
      </div>
    </>
  );
}

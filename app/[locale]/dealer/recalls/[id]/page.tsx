import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ContactSummary } from "@/components/dealer/contact";
import { RecallMessageForm } from "@/components/dealer/recall-message-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { dealerRecall } from "@/lib/dealers/recalls";
import { inLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireDealerPage } from "@/lib/navigation/dealer-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dealer.recalls"))("title") };
}

/** One recall's follow-up: progress for this dealer's units and the owners still to complete it (masked). */
export default async function DealerRecallPage({ params }: PageProps<"/[locale]/dealer/recalls/[id]">) {
  await enterLocale(params);
  const user = await requireDealerPage("/dealer/recalls/[id]");
  const recall = await dealerRecall(user, (await params).id.slice(0, 40));
  if (!recall) notFound();
  const [t, format, locale] = await Promise.all([getTranslations("dealer.recalls"), getFormatter(), getLocale()]);
  const { progress } = recall;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dealer/recalls" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={t("detailLead")}>
        {progress.code} · {inLocale(locale, { ja: progress.titleJa, en: progress.titleEn })}
      </PageTitle>
      <div className="space-y-6">
        <div className="grid gap-4 sm:grid-cols-3">
          {(["notified", "read", "completed"] as const).map((key) => (
            <Card key={key} title={t(`columns.${key}`)}>
              <p className="text-3xl font-bold tabular-nums">{format.number(progress[key])}</p>
            </Card>
          ))}
        </div>
        <Card title={t("pendingTitle", { count: recall.pending.length })}>
          <DataTable
            caption={t("pendingTitle", { count: recall.pending.length })}
            empty={t("pendingEmpty")}
            columns={[
              { id: "owner", header: t("columns.owner"), className: "min-w-40" },
              { id: "serial", header: t("columns.serial"), className: "font-mono" },
              { id: "state", header: t("columns.state"), className: "min-w-32" },
              { id: "message", header: t("columns.lastMessage"), className: "min-w-32" },
            ]}
            rows={recall.pending.map((row) => ({
              id: row.noticeId,
              cells: {
                owner: <ContactSummary contact={row.contact} compact />,
                serial: <span className="break-all">{row.serial}</span>,
                state: row.read ? t("stateRead") : t("stateUnread"),
                message: row.lastMessage
                  ? t(row.lastMessage.readAt ? "messageRead" : "messageSent", {
                      date: format.dateTime(row.lastMessage.sentAt, { dateStyle: "medium" }),
                    })
                  : "—",
              },
            }))}
          />
        </Card>
        {recall.pending.length > 0 && (
          <Card title={t("messageTitle")}>
            <p className="mb-4 text-sm text-slate-700">{t("messageLead")}</p>
            <RecallMessageForm
              campaignId={progress.campaignId}
              owners={recall.pending.map((row) => ({ noticeId: row.noticeId, label: `${row.contact.name} · ${row.serial}` }))}
            />
          </Card>
        )}
      </div>
    </>
  );
}

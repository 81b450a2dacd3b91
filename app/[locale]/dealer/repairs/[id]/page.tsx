import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ContactSummary } from "@/components/dealer/contact";
import { DealerStepButton } from "@/components/dealer/step-button";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { UserText } from "@/components/ui/user-text";
import { DEALER_STEPS, dealerTicket } from "@/lib/dealers/repairs";
import { nameIn } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireDealerPage } from "@/lib/navigation/dealer-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dealer.repairs"))("ticketTitle") };
}

/**
 * One drop-off for the shop it was handed to: the unit, the customer's contact (in full while it is
 * open at the shop, audited), the shop's steps, and the status the customer sees. No staff notes.
 */
export default async function DealerRepairPage({ params }: PageProps<"/[locale]/dealer/repairs/[id]">) {
  await enterLocale(params);
  const user = await requireDealerPage("/dealer/repairs/[id]");
  const ticket = await dealerTicket(user, (await params).id.slice(0, 40));
  if (!ticket) notFound();
  const [t, ts, format, locale] = await Promise.all([
    getTranslations("dealer.repairs"),
    getTranslations("repairs.staffLabels"),
    getFormatter(),
    getLocale(),
  ]);
  const stepIndex = ticket.dealerStep ? DEALER_STEPS.indexOf(ticket.dealerStep) : -1;
  const stepEvents = new Map(
    ticket.events.filter((event) => event.kind.startsWith("dealer_")).map((event) => [event.kind, event.at] as const),
  );
  const KIND = {
    RECEIVED_FROM_CUSTOMER: "dealer_received",
    SENT_TO_SERVICE: "dealer_sent",
    BACK_AT_SHOP: "dealer_back",
    RETURNED_TO_CUSTOMER: "dealer_returned",
  } as const;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dealer/repairs" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={`${nameIn(locale, ticket.unit.model)} · ${ticket.unit.serial}`}>
        {t("ticketHeading", { number: ticket.number })}
      </PageTitle>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <Card title={t("stepsTitle")}>
            <ol className="space-y-3">
              {DEALER_STEPS.map((step, index) => {
                const done = index <= stepIndex;
                const at = stepEvents.get(KIND[step]);
                return (
                  <li key={step} className="flex items-start gap-3">
                    <span
                      aria-hidden
                      className={`mt-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
                        done ? "bg-green-700 text-white" : "border-2 border-slate-300 text-slate-500"
                      }`}
                    >
                      {done ? "✓" : index + 1}
                    </span>
                    <span className="flex flex-col">
                      <span className={done ? "font-semibold" : "text-slate-700"}>
                        {t(`step.${step}`)}
                        <span className="sr-only"> ({done ? t("done") : t("notDone")})</span>
                      </span>
                      {at && (
                        <span className="text-sm text-slate-600">{format.dateTime(at, { dateStyle: "medium", timeStyle: "short" })}</span>
                      )}
                    </span>
                  </li>
                );
              })}
            </ol>
            <div className="mt-4">
              {ticket.next ? (
                <DealerStepButton ticketId={ticket.id} step={ticket.next} />
              ) : (
                <p className="text-sm text-slate-700">{t("noNextStep")}</p>
              )}
            </div>
          </Card>
          <Card title={t("requestTitle")}>
            <DescriptionList
              items={[
                { term: t("statusNow"), value: ts(`status.${ticket.status}`) },
                { term: t("coverage"), value: ts(`coverage.${ticket.coverage}`) },
                { term: t("symptom"), value: nameIn(locale, ticket.symptomCategory) },
                { term: t("description"), value: <UserText className="whitespace-pre-line">{ticket.description}</UserText> },
                { term: t("created"), value: format.dateTime(ticket.createdAt, { dateStyle: "long", timeStyle: "short" }) },
              ]}
            />
          </Card>
          {ticket.photos.length > 0 && (
            <Card title={t("photosTitle")}>
              <ul className="flex flex-wrap gap-3">
                {ticket.photos.map((photo, index) => (
                  <li key={photo.id}>
                    <a href={`/api/files/${photo.fileId}`} target="_blank" rel="noopener noreferrer">
                      {/* eslint-disable-next-line @next/next/no-img-element -- an access-checked file, not a static asset */}
                      <img
                        src={`/api/files/${photo.fileId}?variant=thumb`}
                        alt={t("photoAlt", { n: index + 1 })}
                        className="size-24 rounded-md object-cover"
                      />
                    </a>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
        <Card title={t("customerTitle")}>
          <ContactSummary contact={ticket.contact} />
          <p className="mt-3 text-sm text-slate-600">{ticket.contact.revealed ? t("contactNote") : t("contactMaskedNote")}</p>
        </Card>
      </div>
    </>
  );
}

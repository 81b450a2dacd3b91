import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { AnswerInfoForm } from "@/components/repairs/answer-info-form";
import { CoverageNote } from "@/components/repairs/coverage-note";
import { EstimatePanel } from "@/components/repairs/estimate-panel";
import { RatingForm } from "@/components/repairs/rating-form";
import { ProfilePrompt } from "@/components/profiling/profile-prompt";
import { promptFor } from "@/lib/profiling/prompts";
import { RepairPhotos } from "@/components/repairs/repair-photos";
import { RepairProgress } from "@/components/repairs/repair-progress";
import { RepairTimeline } from "@/components/repairs/repair-timeline";
import { RepairStatusBadge } from "@/components/repairs/status-badge";
import { CancelRequest, WithdrawRating } from "@/components/repairs/ticket-actions";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { requireArea } from "@/lib/auth/permissions.server";
import type { RepairStatus } from "@/lib/generated/prisma/enums";
import { formatLocalDate } from "@/lib/i18n/format-local-date";
import { inLocale, nameIn } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { getOwnTicket } from "@/lib/repairs/requests";
import { ChatPanel } from "@/components/chat/chat-panel";
import { ticketConversationId } from "@/lib/chat/conversations";
import { loadConversationData } from "@/lib/chat/messages";
import { customerCanCancel } from "@/lib/repairs/status";
import type { Warranty } from "@/lib/warranty/compute";
import { explainWarranty, type WarrantyTranslator } from "@/lib/warranty/explain";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("repairs"))("listTitle") };
}

export default async function RepairRequestPage({ params, searchParams }: PageProps<"/[locale]/mypage/repairs/[id]">) {
  await enterLocale(params);
  const user = await requireArea("mypage");
  const { id } = await params;
  // Another customer's ticket (or a made-up id) does not exist for this customer: 404.
  const ticket = await getOwnTicket(user.id, id.slice(0, 40));
  if (!ticket) notFound();
  const query = await searchParams;
  const conversationId = await ticketConversationId(user, ticket.id);
  const [t, warrantyT, chatT, format, locale, chat, prompt] = await Promise.all([
    getTranslations("repairs"),
    getTranslations("warranty"),
    getTranslations("chat"),
    getFormatter(),
    getLocale(),
    conversationId ? loadConversationData(user, conversationId) : null,
    // Once the repair is rated, one or two of the brand's questions (issue 15), if any are due.
    ticket.status === "COMPLETED" && ticket.rating !== null ? promptFor(user.id, "AFTER_REPAIR_RATING") : null,
  ]);

  const reached = [
    ...new Set(["RECEIVED", ...ticket.events.flatMap((event) => (event.toStatus ? [event.toStatus] : []))]),
  ] as RepairStatus[];
  const openEstimate = ticket.status === "ESTIMATE_SENT" ? ticket.estimates.find((estimate) => estimate.status === "SENT") : undefined;
  const otherEstimates = ticket.estimates.filter((estimate) => estimate !== openEstimate);
  const question =
    ticket.status === "WAITING_FOR_CUSTOMER" ? ticket.events.findLast((event) => event.kind === "info_requested") : undefined;
  // The warranty as the customer saw it when sending, explained by the same engine text as the product page.
  const warranty = ticket.warrantySnapshot as unknown as Warranty;
  const recallTitle = ticket.recallCampaign
    ? inLocale(locale, { ja: ticket.recallCampaign.titleJa, en: ticket.recallCampaign.titleEn })
    : null;
  const customerPhotos = ticket.photos.filter((photo) => photo.addedBy === "customer");
  const staffPhotos = ticket.photos.filter((photo) => photo.addedBy !== "customer");
  const pickupDates = await Promise.all(ticket.preferredDates.map((date) => formatLocalDate(date)));

  const deliveryDetail =
    ticket.delivery === "COURIER_PICKUP"
      ? [
          { term: t("pickupDates"), value: pickupDates.join("、") || "—" },
          {
            term: t("pickupAddress"),
            value: [
              `〒${ticket.pickupPostalCode ?? ""}`,
              ticket.pickupPrefecture,
              ticket.pickupCity,
              ticket.pickupLine1,
              ticket.pickupLine2,
            ]
              .filter(Boolean)
              .join(" "),
          },
        ]
      : ticket.delivery === "DEALER_DROP_OFF"
        ? [{ term: t("dealer"), value: ticket.dealer?.name ?? "—" }]
        : [{ term: t("sendInTitle"), value: t("sendInAddress") }];

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/mypage/repairs" className="text-brand-700 underline">
          ← {t("listTitle")}
        </Link>
      </p>
      <PageTitle
        lead={
          <>
            {nameIn(locale, ticket.unit.model)} · {ticket.unit.model.code} ·{" "}
            <span className="font-mono break-all">{ticket.unit.serial}</span>
          </>
        }
      >
        {t("requestTitle", { number: ticket.number })}
      </PageTitle>
      <div className="mb-6 space-y-3">
        {query.sent && <Alert tone="success">{t("sent", { number: ticket.number })}</Alert>}
        <p className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-600">{t("status")}:</span>
          <RepairStatusBadge status={ticket.status} />
        </p>
        {ticket.status === "WAITING_FOR_CUSTOMER" && (
          <div className="rounded-md border-2 border-amber-300 bg-amber-50 px-4 py-3 text-amber-950" role="status">
            {t("waitingNotice")}
          </div>
        )}
        {ticket.status === "CANCELLED" && (
          <div className="rounded-md border-2 border-slate-300 bg-slate-100 px-4 py-3 text-slate-900" role="status">
            <p className="font-semibold">{t("cancelledNotice")}</p>
            {ticket.closeReason && <p className="text-sm [unicode-bidi:isolate]">{t("cancelledReason", { reason: ticket.closeReason })}</p>}
          </div>
        )}
      </div>

      <section aria-labelledby="repair-progress" className="mb-6">
        <h2 id="repair-progress" className="sr-only">
          {t("progressTitle")}
        </h2>
        <RepairProgress status={ticket.status} resumeStatus={ticket.resumeStatus} coverage={ticket.coverage} reached={reached} />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        {question && (
          <section
            aria-labelledby="repair-question"
            className="min-w-0 rounded-lg border-2 border-amber-300 bg-white p-4 shadow-sm sm:p-6 lg:col-span-2"
          >
            <h2 id="repair-question" className="mb-3 text-lg font-semibold">
              {t("answerTitle")}
            </h2>
            {question.message && (
              <blockquote className="mb-4 rounded-md bg-slate-50 px-3 py-2 whitespace-pre-line text-slate-900 [overflow-wrap:anywhere] [unicode-bidi:isolate]">
                {question.message}
              </blockquote>
            )}
            <AnswerInfoForm ticketId={ticket.id} />
          </section>
        )}
        {openEstimate && (
          <section
            aria-labelledby="repair-estimate"
            className="min-w-0 rounded-lg border-2 border-amber-300 bg-white p-4 shadow-sm sm:p-6 lg:col-span-2"
          >
            <h2 id="repair-estimate" className="mb-3 text-lg font-semibold">
              {t("estimateTitle")}
            </h2>
            <EstimatePanel ticketId={ticket.id} estimate={openEstimate} open />
          </section>
        )}
        {ticket.status === "COMPLETED" && (
          <Card title={t("ratingTitle")} className="lg:col-span-2">
            {ticket.rating === null ? (
              <>
                <p className="mb-4 text-sm text-slate-700">{t("ratingLead")}</p>
                <RatingForm ticketId={ticket.id} />
              </>
            ) : (
              <div className="space-y-1">
                <p className="font-semibold">{t("ratingShown", { rating: ticket.rating })}</p>
                {ticket.ratingComment && (
                  <p className="text-sm whitespace-pre-line text-slate-800 [overflow-wrap:anywhere] [unicode-bidi:isolate]">
                    {ticket.ratingComment}
                  </p>
                )}
                <div className="pt-2">
                  <WithdrawRating ticketId={ticket.id} />
                </div>
              </div>
            )}
          </Card>
        )}
        {prompt && (
          <div className="lg:col-span-2">
            <ProfilePrompt prompt={prompt} />
          </div>
        )}
        {conversationId && chat && (
          <section id="chat" aria-labelledby="repair-chat" className="min-w-0 scroll-mt-4 lg:col-span-2">
            <h2 id="repair-chat" className="mb-1 text-lg font-semibold">
              {chatT("repairChatTitle")}
            </h2>
            <p className="mb-3 text-sm text-slate-700">{chatT("repairChatLead")}</p>
            <ChatPanel conversationId={conversationId} viewer="CUSTOMER" initialData={chat} otherName={chatT("support")} />
          </section>
        )}
        <Card title={t("historyTitle")}>
          <RepairTimeline events={ticket.events} />
        </Card>
        <Card title={t("detailsTitle")}>
          <DescriptionList
            items={[
              { term: t("number"), value: <span className="font-mono">{ticket.number}</span> },
              { term: t("sentOn"), value: format.dateTime(ticket.createdAt, { dateStyle: "long", timeStyle: "short" }) },
              { term: t("symptom"), value: nameIn(locale, ticket.symptomCategory) },
              {
                term: t("descriptionTerm"),
                value: <span className="whitespace-pre-line [unicode-bidi:isolate]">{ticket.description}</span>,
              },
              { term: t("deliveryTerm"), value: t(`deliveryName.${ticket.delivery}`) },
              ...deliveryDetail,
              { term: t("contactTerm"), value: t(`contactName.${ticket.contactPreference}`) },
              ...(ticket.outcome ? [{ term: t("outcome"), value: t(`outcomeName.${ticket.outcome}`) }] : []),
            ]}
          />
        </Card>
        <Card title={t("photosTitle")}>
          {ticket.photos.length === 0 ? (
            <p className="text-sm text-slate-700">{t("noPhotos")}</p>
          ) : (
            <div className="space-y-4">
              <RepairPhotos title={t("photosYours")} photos={customerPhotos} />
              <RepairPhotos title={t("photosStaff")} photos={staffPhotos} start={customerPhotos.length + 1} />
            </div>
          )}
        </Card>
        <Card title={t("warrantySnapshotTitle")}>
          <div className="space-y-3">
            <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm" data-testid="warranty-snapshot">
              <p className="font-semibold">{warrantyT(`status.${warranty.status}`)}</p>
              <p>{explainWarranty(warranty, warrantyT as unknown as WarrantyTranslator, locale)}</p>
            </div>
            <CoverageNote coverage={ticket.coverage} recallTitle={recallTitle} />
          </div>
        </Card>
        {otherEstimates.length > 0 && (
          <Card title={t("pastEstimates")} className="lg:col-span-2">
            <div className="space-y-6">
              {otherEstimates.map((estimate) => (
                <EstimatePanel key={estimate.id} ticketId={ticket.id} estimate={estimate} open={false} />
              ))}
            </div>
          </Card>
        )}
        {customerCanCancel(ticket.status) && (
          <Card title={t("cancelTitle")}>
            <p className="mb-3 text-sm text-slate-700">{t("cancelLead")}</p>
            <CancelRequest ticketId={ticket.id} />
          </Card>
        )}
      </div>
    </>
  );
}

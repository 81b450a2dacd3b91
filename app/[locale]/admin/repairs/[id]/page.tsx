import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CustomerPanel } from "@/components/admin/repairs/customer-panel";
import { AskCustomerForm, AssignForm, CancelTicketForm, MoveForm, NoteForm } from "@/components/admin/repairs/desk-forms";
import { EstimateForm, PartsForm } from "@/components/admin/repairs/estimate-form";
import { RepairPhotoGallery, StaffPhotoUpload } from "@/components/admin/repairs/repair-photos";
import { SlaClocks } from "@/components/admin/repairs/sla-clocks";
import { TicketTimeline } from "@/components/admin/repairs/ticket-timeline";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { UserText } from "@/components/ui/user-text";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { formatLocalDate } from "@/lib/i18n/format-local-date";
import { inLocale, nameIn } from "@/lib/i18n/localized";
import { enterLocale } from "@/lib/i18n/page";
import { getCustomerPanel, getTicketForStaff, listAssignableAgents } from "@/lib/repairs/staff-view";
import { ticketConversationId } from "@/lib/chat/conversations";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("repairs.desk"))("title") };
}

const STATUS_STYLE: Record<string, string> = {
  WAITING_FOR_CUSTOMER: "border-amber-400 bg-amber-50 text-amber-900",
  COMPLETED: "border-green-300 bg-green-50 text-green-900",
  CANCELLED: "border-slate-300 bg-slate-100 text-slate-800",
};

/** One repair ticket on the service desk (issue 10): the request, its clocks and timeline, the desk's steps and the customer beside it. */
export default async function RepairTicketPage({ params }: PageProps<"/[locale]/admin/repairs/[id]">) {
  await enterLocale(params);
  const user = await requireStaffPage("/admin/repairs/[id]");
  const { id } = await params;
  const ticket = await getTicketForStaff(user, id);
  if (!ticket) notFound();
  const [panel, agents, conversationId, chat, t, label, format, locale] = await Promise.all([
    getCustomerPanel(user, ticket.customerId, ticket.id),
    listAssignableAgents(user),
    ticketConversationId(user, ticket.id),
    getTranslations("chat.inbox"),
    getTranslations("repairs.desk"),
    getTranslations("repairs.staffLabels"),
    getFormatter(),
    getLocale(),
  ]);
  const agentLabels = new Map(agents.map((agent) => [agent.id, agent.name || agent.email]));
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const open = ticket.status !== "COMPLETED" && ticket.status !== "CANCELLED";
  const pickup = [ticket.pickupPostalCode, ticket.pickupPrefecture, ticket.pickupCity, ticket.pickupLine1, ticket.pickupLine2]
    .filter(Boolean)
    .join(" ");
  // Numbered per source ("Customer's photo 2", "Diagnosis photo 1"), as staff and the customer talk about them.
  const counted = { staff: 0, customer: 0 };
  const photos = ticket.photos.map((photo) => {
    const staff = photo.addedBy === "staff";
    const index = ++counted[staff ? "staff" : "customer"];
    return { fileId: photo.fileId, label: t(staff ? "photos.staffPhoto" : "photos.customerPhoto", { index }) };
  });

  return (
    <>
      <PageTitle lead={`${nameIn(locale, ticket.unit.model)} · ${ticket.unit.serial}`}>{t("heading", { number: ticket.number })}</PageTitle>
      {conversationId && (
        <p className="mb-4 text-sm">
          <Link href={`/admin/inbox/${conversationId}`} className="font-semibold text-brand-700 underline">
            {chat("openTicketChat")}
          </Link>
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <ul className="mb-4 flex flex-wrap gap-2 text-sm" aria-label={t("summary")}>
              <li
                className={`rounded border px-2 py-1 font-semibold ${STATUS_STYLE[ticket.status] ?? "border-sky-300 bg-sky-50 text-sky-900"}`}
              >
                {t("statusLabel", { status: label(`status.${ticket.status}`) })}
              </li>
              <li className="rounded border border-slate-300 px-2 py-1">
                {t("priorityLabel", { priority: label(`priority.${ticket.priority}`) })}
              </li>
              <li className="rounded border border-slate-300 px-2 py-1">
                {t("coverageLabel", { coverage: label(`coverage.${ticket.coverage}`) })}
              </li>
              <li className="rounded border border-slate-300 px-2 py-1">
                {t("assigneeLabel", { name: ticket.assignee ? ticket.assignee.name || ticket.assignee.email : t("assign.nobody") })}
              </li>
            </ul>
            <h2 className="mb-2 text-lg font-semibold">{t("sla.title")}</h2>
            <SlaClocks clocks={ticket.clocks} />
          </Card>

          <Card title={t("request")}>
            <DescriptionList
              items={[
                { term: t("received"), value: when(ticket.createdAt) },
                { term: t("symptom"), value: nameIn(locale, ticket.symptomCategory) },
                { term: t("description"), value: <UserText className="whitespace-pre-line">{ticket.description}</UserText> },
                { term: t("model"), value: `${ticket.unit.model.code} · ${nameIn(locale, ticket.unit.model)}` },
                { term: t("serial"), value: <span className="break-all font-mono">{ticket.unit.serial}</span> },
                { term: t("deliveryLabel"), value: label(`delivery.${ticket.delivery}`) },
                ...(pickup ? [{ term: t("pickupAddress"), value: <UserText>{pickup}</UserText> }] : []),
                ...(ticket.preferredDates.length
                  ? [{ term: t("preferredDates"), value: (await Promise.all(ticket.preferredDates.map(formatLocalDate))).join(", ") }]
                  : []),
                ...(ticket.dealer ? [{ term: t("dealer"), value: ticket.dealer.name }] : []),
                ...(ticket.recallCampaign
                  ? [
                      {
                        term: t("recall"),
                        value: `${ticket.recallCampaign.code} · ${inLocale(locale, { ja: ticket.recallCampaign.titleJa, en: ticket.recallCampaign.titleEn })}`,
                      },
                    ]
                  : []),
                ...(ticket.outcome ? [{ term: t("outcomeLabel"), value: label(`outcome.${ticket.outcome}`) }] : []),
                ...(ticket.closeReason
                  ? [{ term: t("closeReason"), value: <UserText className="whitespace-pre-line">{ticket.closeReason}</UserText> }]
                  : []),
              ]}
            />
            <h3 className="mt-5 mb-2 font-semibold">{t("photos.title")}</h3>
            <RepairPhotoGallery photos={photos} />
          </Card>

          <Card title={t("timeline.title")}>
            <TicketTimeline ticket={ticket} agents={agentLabels} />
          </Card>

          {open && (
            <Card title={t("work")}>
              <div className="grid gap-6 md:grid-cols-2">
                <section aria-labelledby="desk-move">
                  <h3 id="desk-move" className="mb-2 font-semibold">
                    {t("move.title")}
                  </h3>
                  {ticket.moves.length > 0 ? (
                    <MoveForm key={ticket.status} ticketId={ticket.id} from={ticket.status} moves={ticket.moves} />
                  ) : (
                    <p className="text-sm text-slate-700">{t(ticket.status === "WAITING_FOR_CUSTOMER" ? "move.waiting" : "move.none")}</p>
                  )}
                </section>
                <section aria-labelledby="desk-assign">
                  <h3 id="desk-assign" className="mb-2 font-semibold">
                    {t("assign.title")}
                  </h3>
                  <AssignForm
                    key={ticket.assignee?.id ?? "none"}
                    ticketId={ticket.id}
                    assigneeId={ticket.assignee?.id ?? ""}
                    me={user.id}
                    agents={agents.map((agent) => ({ id: agent.id, label: agent.name || agent.email }))}
                  />
                </section>
                {ticket.canAsk && (
                  <section aria-labelledby="desk-ask">
                    <h3 id="desk-ask" className="mb-2 font-semibold">
                      {t("ask.title")}
                    </h3>
                    <AskCustomerForm ticketId={ticket.id} />
                  </section>
                )}
                <section aria-labelledby="desk-note">
                  <h3 id="desk-note" className="mb-2 font-semibold">
                    {t("note.title")}
                  </h3>
                  <NoteForm ticketId={ticket.id} />
                </section>
                <section aria-labelledby="desk-photo">
                  <h3 id="desk-photo" className="mb-2 font-semibold">
                    {t("photos.addTitle")}
                  </h3>
                  <StaffPhotoUpload ticketId={ticket.id} />
                </section>
                <section aria-labelledby="desk-cancel">
                  <h3 id="desk-cancel" className="mb-2 font-semibold">
                    {t("cancel.title")}
                  </h3>
                  <CancelTicketForm ticketId={ticket.id} number={ticket.number} />
                </section>
              </div>
            </Card>
          )}

          {(ticket.canEstimate || ticket.estimates.length > 0) && (
            <Card title={t("estimate.title")}>
              {ticket.estimates.length > 0 && (
                <ul className="mb-5 space-y-3">
                  {ticket.estimates.map((estimate) => (
                    <li key={estimate.id} className="rounded-md border border-slate-200 px-3 py-2" data-testid="estimate">
                      <p className="text-sm text-slate-700">
                        {t("estimate.sentLine", { when: when(estimate.sentAt), status: t(`estimate.status.${estimate.status}`) })}
                      </p>
                      <ul className="my-1 text-sm">
                        {estimate.lines.map((line, index) => (
                          <li key={index}>
                            <UserText>{line.description}</UserText> ×{line.quantity} ·{" "}
                            {format.number(line.unitPriceYen, { style: "currency", currency: "JPY" })}
                          </li>
                        ))}
                      </ul>
                      <p className="font-semibold">
                        {t("estimate.totalLine", {
                          subtotal: format.number(estimate.subtotalYen, { style: "currency", currency: "JPY" }),
                          rate: estimate.taxRate,
                          tax: format.number(estimate.taxYen, { style: "currency", currency: "JPY" }),
                          total: format.number(estimate.totalYen, { style: "currency", currency: "JPY" }),
                        })}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
              {ticket.canEstimate && <EstimateForm ticketId={ticket.id} />}
            </Card>
          )}

          {open && (
            <Card title={t("parts.title")}>
              <PartsForm key={ticket.parts.map((part) => part.id).join()} ticketId={ticket.id} parts={ticket.parts} />
            </Card>
          )}
        </div>
        <aside aria-label={t("panel.title")} className="min-w-0">
          {panel && <CustomerPanel panel={panel} />}
        </aside>
      </div>
    </>
  );
}

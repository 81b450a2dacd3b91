import "server-only";
import { ticketWhereFor } from "@/lib/auth/scopes";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { listOwnRecallNotices } from "@/lib/recalls/notices";
import { localDateOf, type LocalDate } from "@/lib/warranty/local-date";
import type { OwnedProduct } from "./my-products";

/**
 * One timeline per owned unit, built from sources. Each feature that has something to say about a
 * unit (registration, warranty, recalls, repairs; points later) adds a source here; the page
 * only sorts and renders. Events carry a catalog key and values, never display text.
 */
export type TimelineEvent = {
  /** A calendar date (warranty, purchase) or an instant (things that happened in the portal). */
  on: LocalDate | Date;
  kind:
    | "manufactured"
    | "purchased"
    | "purchasedAt"
    | "registered"
    | "receivedByTransfer"
    | "warrantyStarts"
    | "warrantyEnds"
    | "extensionAdded"
    | "recallNotice"
    | "repairRequested"
    | "repairClosed";
  values?: Record<string, string | number>;
  /** A page of the portal for more. */
  href?: string;
  /** The link's text (a `timeline` key) when "Read" does not fit. */
  linkKey?: "openRequest";
};

export type TimelineContext = { actor: Actor; product: OwnedProduct };
export type TimelineSource = (context: TimelineContext) => Promise<TimelineEvent[]>;

const ownership: TimelineSource = async ({ product }) => {
  const events: TimelineEvent[] = [{ on: product.manufacturedOn, kind: "manufactured" }];
  if (product.purchasedOn) {
    events.push(
      product.shopName
        ? { on: product.purchasedOn, kind: "purchasedAt", values: { shop: product.shopName } }
        : { on: product.purchasedOn, kind: "purchased" },
    );
  }
  events.push(
    product.receivedOn ? { on: product.registeredAt, kind: "receivedByTransfer" } : { on: product.registeredAt, kind: "registered" },
  );
  return events;
};

const warranty: TimelineSource = async ({ product }) => {
  const events: TimelineEvent[] = [
    { on: product.warranty.startsOn, kind: "warrantyStarts" },
    { on: product.warranty.coveredUntil, kind: "warrantyEnds" },
  ];
  const extensions = await db.unitExtension.findMany({
    where: { unitId: product.unitId },
    select: { addedOn: true, plan: { select: { nameJa: true, nameEn: true, months: true } } },
  });
  for (const extension of extensions) {
    events.push({
      on: localDateOf(extension.addedOn),
      kind: "extensionAdded",
      values: { nameJa: extension.plan.nameJa, nameEn: extension.plan.nameEn, months: extension.plan.months },
    });
  }
  return events;
};

const recalls: TimelineSource = async ({ actor, product }) => {
  const notices = await listOwnRecallNotices(actor, { unitId: product.unitId });
  return notices.map((notice) => ({
    on: notice.notifiedAt,
    kind: "recallNotice" as const,
    values: { titleJa: notice.title.ja, titleEn: notice.title.en },
    href: `/mypage/recalls/${notice.id}`,
  }));
};

/** This owner's repair requests for the unit (a previous owner's stay theirs): sent, and closed. */
const repairs: TimelineSource = async ({ actor, product }) => {
  const tickets = await db.repairTicket.findMany({
    where: { AND: [ticketWhereFor(actor), { ownershipId: product.ownershipId }] },
    select: { id: true, number: true, status: true, createdAt: true, closedAt: true },
  });
  return tickets.flatMap((ticket) => {
    const href = `/mypage/repairs/${ticket.id}`;
    const events: TimelineEvent[] = [
      { on: ticket.createdAt, kind: "repairRequested", values: { number: ticket.number }, href, linkKey: "openRequest" },
    ];
    if (ticket.closedAt)
      events.push({
        on: ticket.closedAt,
        kind: "repairClosed",
        values: { number: ticket.number, status: ticket.status },
        href,
        linkKey: "openRequest",
      });
    return events;
  });
};

export const TIMELINE_SOURCES: TimelineSource[] = [ownership, warranty, recalls, repairs];

function sortKey(on: LocalDate | Date): string {
  return typeof on === "string" ? `${on}T00:00:00.000Z` : on.toISOString();
}

/** All events for the product, newest first. */
export async function productTimeline(context: TimelineContext, sources: TimelineSource[] = TIMELINE_SOURCES): Promise<TimelineEvent[]> {
  const events = (await Promise.all(sources.map((source) => source(context)))).flat();
  return events.sort((a, b) => sortKey(b.on).localeCompare(sortKey(a.on)));
}

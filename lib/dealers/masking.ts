import "server-only";
import { recordAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/permissions";
import { customersSharingWith } from "@/lib/consents/dealer-share";
import { isOpen } from "@/lib/repairs/status";
import type { DealerRepairStep, RepairStatus } from "@/lib/generated/prisma/enums";
import { maskEmail, maskName, maskPhone } from "./mask";

/**
 * The one module every dealer-facing read of a person goes through (issue 13, [8.3.3]): a dealer
 * sees a customer masked unless
 *   - the customer consented to share their details with this dealer ("consent"), or
 *   - an open drop-off repair handed to this dealer needs them ("open_repair": that ticket's
 *     contact details only, on that ticket's page, while it is open at the shop).
 * Every unmasked view is written to the audit log with its reason and the customer as subject, so
 * it shows in the customer's record of who saw their data.
 */
export type RevealReason = "consent" | "open_repair";

export type PersonRow = { id: string; name: string | null; email: string; phone: string | null; prefecture: string | null };

export type DealerContact = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  prefecture: string | null;
  /** Why the details are shown in full; null when masked. */
  revealed: RevealReason | null;
};

function masked(person: PersonRow): DealerContact {
  return {
    id: person.id,
    name: maskName(person.name),
    email: maskEmail(person.email),
    phone: maskPhone(person.phone),
    // The prefecture says where the customer is roughly, which a shop needs to serve them.
    prefecture: person.prefecture,
    revealed: null,
  };
}

function full(person: PersonRow, reason: RevealReason, phone = person.phone): DealerContact {
  return { id: person.id, name: person.name ?? "", email: person.email, phone, prefecture: person.prefecture, revealed: reason };
}

type View = { targetType: string; targetId?: string; view: string };

async function auditReveal(actor: Actor, subjects: string[], reason: RevealReason, view: View): Promise<void> {
  if (subjects.length === 0) return;
  await recordAudit({
    action: "personal_data.viewed",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: view.targetType,
    targetId: view.targetId,
    subjectIds: subjects,
    details: { reason, dealerId: actor.dealerId, view: view.view },
  });
}

/**
 * Contacts of customers for a dealer page (a list, a customer's page, a CSV): masked except those
 * who consented to this dealer. Callers have already scoped `people` with customerWhereFor().
 */
export async function contactsForDealer(actor: Actor, people: PersonRow[], view: View): Promise<DealerContact[]> {
  if (!actor.dealerId) return people.map(masked);
  const sharing = await customersSharingWith(
    actor.dealerId,
    people.map((person) => person.id),
  );
  const contacts = people.map((person) => (sharing.has(person.id) ? full(person, "consent") : masked(person)));
  await auditReveal(
    actor,
    contacts.filter((contact) => contact.revealed).map((contact) => contact.id),
    "consent",
    view,
  );
  return contacts;
}

/** A drop-off is open at the shop while the ticket is open, or the unit is still at the shop. */
export function openAtShop(ticket: { status: RepairStatus; dealerStep: DealerRepairStep | null }): boolean {
  if (isOpen(ticket.status)) return true;
  return ticket.dealerStep === "RECEIVED_FROM_CUSTOMER" || ticket.dealerStep === "BACK_AT_SHOP";
}

/**
 * The contact of one drop-off ticket's customer for the dealer it was handed to: in full while it
 * is open at the shop (with the phone number the customer gave for the ticket), or with consent;
 * masked otherwise. Callers have already scoped the ticket with ticketWhereFor().
 */
export async function ticketContactForDealer(
  actor: Actor,
  ticket: { id: string; status: RepairStatus; dealerStep: DealerRepairStep | null; contactPhone: string | null; customer: PersonRow },
): Promise<DealerContact> {
  const view = { targetType: "RepairTicket", targetId: ticket.id, view: "dealer_ticket" };
  const consented = actor.dealerId ? (await customersSharingWith(actor.dealerId, [ticket.customer.id])).has(ticket.customer.id) : false;
  if (openAtShop(ticket)) {
    await auditReveal(actor, [ticket.customer.id], consented ? "consent" : "open_repair", view);
    return full(ticket.customer, consented ? "consent" : "open_repair", ticket.contactPhone ?? ticket.customer.phone);
  }
  if (consented) {
    await auditReveal(actor, [ticket.customer.id], "consent", view);
    return full(ticket.customer, "consent");
  }
  return masked(ticket.customer);
}

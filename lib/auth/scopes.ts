/**
 * Scope predicates (conventions: One policy module, Ownership lives in the query): for each kind
 * of customer record, the Prisma `where` of what an actor may read. Reads combine it with their own
 * filter (`where: { AND: [ownershipWhereFor(actor), { id }] }`), so a record outside the scope is
 * simply not found (404), never a 403. An actor without the permission gets a where that matches
 * nothing, not an exception. Pure: no database access here, so the table stays testable and
 * beside the policy it follows.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, requiresSecondFactor, type Actor } from "./permissions";

/** Matches no row: an empty list of ids. */
function nothing(): { id: { in: string[] } } {
  return { id: { in: [] } };
}

/**
 * The current registrations of what a dealer sold (issue 13, decision 0011): those naming the dealer
 * as the shop, and those its imported sales list covers, unless the registration says otherwise. A
 * sales row gives no reach over a registration that names another shop, a unit received from a
 * previous owner, or a sale flagged as a conflict (sold twice, or the unit registered before the
 * sale date): otherwise importing serials would harvest other shops' customers. Every dealer read of
 * units, owners, tickets and recalls starts from this.
 */
export function dealerOwnershipWhere(dealerId: string): Prisma.OwnershipWhereInput {
  return {
    endedAt: null,
    OR: [
      { dealerId },
      { dealerId: null, otherShopName: null, transferredFromId: null, unit: { dealerSales: { some: { dealerId, soldTwice: false } } } },
    ],
  };
}

/** The units whose current registration is one of the dealer's (above). */
export function dealerUnitWhere(dealerId: string): Prisma.SerialUnitWhereInput {
  return { ownerships: { some: dealerOwnershipWhere(dealerId) } };
}

/**
 * Current registrations: a customer's own; staff who review claims or run recalls: all; dealer
 * staff: those of units the dealer sold (dealerOwnershipWhere).
 */
export function ownershipWhereFor(actor: Actor): Prisma.OwnershipWhereInput {
  if (can(actor, "products.own")) return { userId: actor.id, endedAt: null };
  // Claim reviewers, recall admins and the service desk (the customer panel beside a ticket) read any owner's.
  if (can(actor, "claims.review") || can(actor, "recalls.manage") || can(actor, "repairs.work")) return { endedAt: null };
  if (can(actor, "dealer.customers") && actor.dealerId) return dealerOwnershipWhere(actor.dealerId);
  return nothing();
}

/**
 * Customers (the person, not a record of theirs): desk staff see every customer; a dealer sees the
 * current owners of units it sold, and nobody else (issue 13). Dealer reads of a person then go
 * through lib/dealers/masking.ts.
 */
export function customerWhereFor(actor: Actor): Prisma.UserWhereInput {
  if (can(actor, "repairs.work")) return { role: "CUSTOMER" };
  if (can(actor, "dealer.customers") && actor.dealerId) return { role: "CUSTOMER", ownerships: { some: ownershipWhereFor(actor) } };
  return nothing();
}

/** A dealer's imported sales: its own; staff admins who manage dealers: all. */
export function dealerSaleWhereFor(actor: Actor): Prisma.DealerSaleWhereInput {
  if (can(actor, "dealers.manage")) return {};
  if (can(actor, "dealer.sales") && actor.dealerId) return { dealerId: actor.dealerId };
  return nothing();
}

/** Dealers' messages to owners: the recipient's own; the dealer that sent them. */
export function dealerMessageWhereFor(actor: Actor): Prisma.DealerMessageWhereInput {
  if (can(actor, "products.own")) return { userId: actor.id };
  if (can(actor, "dealer.recalls") && actor.dealerId) return { dealerId: actor.dealerId };
  return nothing();
}

/** Registrations that have ended (handed on, unregistered, moved by a claim): the same actors as above. */
export function endedOwnershipWhereFor(actor: Actor): Prisma.OwnershipWhereInput {
  if (can(actor, "products.own")) return { userId: actor.id, endedAt: { not: null } };
  if (can(actor, "claims.review") || can(actor, "recalls.manage")) return { endedAt: { not: null } };
  if (can(actor, "dealer.customers") && actor.dealerId) return { dealerId: actor.dealerId, endedAt: { not: null } };
  return nothing();
}

/**
 * Warranty records an account deletion ended (issue 14): kept, stripped, for their retention
 * period, and still read by staff who read any owner's (the desk's customer panel beside a kept
 * repair record). Nobody else reads them.
 */
export function erasedOwnershipWhereFor(actor: Actor): Prisma.OwnershipWhereInput {
  if (can(actor, "claims.review") || can(actor, "recalls.manage") || can(actor, "repairs.work")) return { endReason: "ACCOUNT_ERASED" };
  return nothing();
}

/** Ownership claims: a customer sees the claims they filed; claim reviewers see all. */
export function claimWhereFor(actor: Actor): Prisma.OwnershipClaimWhereInput {
  if (can(actor, "products.own")) return { claimantId: actor.id };
  if (can(actor, "claims.review")) return {};
  return nothing();
}

/**
 * Recall notices: a customer sees the notices addressed to them; those who run recalls see all; a
 * dealer sees the notices of units it sold. A notice stays with a past owner who unregistered, so
 * dealer reads keep only the current owner's (`currentOwnersOnly` in lib/dealers/recalls.ts).
 */
export function recallNoticeWhereFor(actor: Actor): Prisma.RecallNoticeWhereInput {
  if (can(actor, "products.own")) return { userId: actor.id };
  if (can(actor, "recalls.manage") || can(actor, "repairs.work")) return {};
  if (can(actor, "dealer.recalls") && actor.dealerId) {
    return { unit: dealerUnitWhere(actor.dealerId) };
  }
  return nothing();
}

/** The My Page notices inbox (issue 15): a customer's own notices; nobody else reads them. */
export function noticeWhereFor(actor: Actor): Prisma.NoticeWhereInput {
  return can(actor, "mypage.access") ? { userId: actor.id } : nothing();
}

/**
 * Stored files, the one read rule (every file read goes through this query): catalog and reward images for
 * anyone (also signed out); the uploader's own; customers' proofs and evidence for reviewers in a
 * strong session; repair photos on tickets for the ticket's customer and desk staff in a strong
 * session. To anyone else (another customer, a dealer) a file does not exist. Deleted files for nobody.
 */
/** Images the portal shows to everyone: product models and rewards. */
export const PUBLIC_IMAGE_PURPOSES: string[] = ["model_image", "reward_image"];

export function storedFileWhereFor(actor: (Actor & { strong?: boolean }) | null): Prisma.StoredFileWhereInput {
  const readable: Prisma.StoredFileWhereInput[] = [{ purpose: { in: PUBLIC_IMAGE_PURPOSES } }];
  if (actor) {
    readable.push({ ownerId: actor.id });
    // A repair photo staff added to a customer's ticket (diagnosis) is the customer's to see.
    if (actor.role === "CUSTOMER") readable.push({ purpose: "repair_photo", repairPhoto: { ticket: { customerId: actor.id } } });
    // Staff work on customers' files only in a session with a second factor, like everywhere else.
    const strongEnough = !(requiresSecondFactor(actor.role) && !actor.strong);
    if (can(actor, "files.review") && strongEnough) {
      readable.push({ purpose: { in: ["proof_of_purchase", "claim_evidence"] } });
    }
    // Desk staff see the photos on tickets (not photos still in someone's unsent form).
    if (can(actor, "repairs.work") && strongEnough) readable.push({ purpose: "repair_photo", repairPhoto: { isNot: null } });
    // A dealer sees the photos of the drop-off repairs handed to its shop, and no other file (issue 13).
    if (can(actor, "dealer.repairs") && strongEnough) {
      readable.push({ purpose: "repair_photo", repairPhoto: { is: { ticket: ticketWhereFor(actor) } } });
    }
    // A chat image, once sent, is for both sides of its conversation (issue 11).
    if (can(actor, "chat.own") || (can(actor, "chat.work") && strongEnough)) {
      readable.push({ purpose: "chat_image", chatMessage: { is: { conversation: conversationWhereFor(actor) } } });
    }
  }
  return { deletedAt: null, OR: readable };
}

/**
 * Repair tickets: a customer sees the requests they made (a later owner of the unit does not see
 * them); desk staff see every ticket; a dealer sees the drop-offs handed to its shop (issue 13).
 */
export function ticketWhereFor(actor: Actor): Prisma.RepairTicketWhereInput {
  if (can(actor, "repairs.work")) return {};
  if (can(actor, "repairs.own")) return { customerId: actor.id };
  if (can(actor, "dealer.repairs") && actor.dealerId) return { delivery: "DEALER_DROP_OFF", dealerId: actor.dealerId };
  return nothing();
}

/**
 * Support conversations: a customer sees their own; support staff see every one. Dealers see none
 * (issue 13 may hand them a ticket's conversation).
 */
export function conversationWhereFor(actor: Actor): Prisma.ConversationWhereInput {
  if (can(actor, "chat.work")) return {};
  if (can(actor, "chat.own")) return { customerId: actor.id };
  return nothing();
}

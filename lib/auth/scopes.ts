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
 * Current registrations: a customer's own; staff who review claims or run recalls: all; dealer
 * staff: those whose registration names their shop as where it was bought.
 */
export function ownershipWhereFor(actor: Actor): Prisma.OwnershipWhereInput {
  if (can(actor, "products.own")) return { userId: actor.id, endedAt: null };
  // Claim reviewers, recall admins and the service desk (the customer panel beside a ticket) read any owner's.
  if (can(actor, "claims.review") || can(actor, "recalls.manage") || can(actor, "repairs.work")) return { endedAt: null };
  if (can(actor, "dealer.access") && actor.dealerId) return { dealerId: actor.dealerId, endedAt: null };
  return nothing();
}

/** Registrations that have ended (handed on, unregistered, moved by a claim): the same actors as above. */
export function endedOwnershipWhereFor(actor: Actor): Prisma.OwnershipWhereInput {
  if (can(actor, "products.own")) return { userId: actor.id, endedAt: { not: null } };
  if (can(actor, "claims.review") || can(actor, "recalls.manage")) return { endedAt: { not: null } };
  if (can(actor, "dealer.access") && actor.dealerId) return { dealerId: actor.dealerId, endedAt: { not: null } };
  return nothing();
}

/** Ownership claims: a customer sees the claims they filed; claim reviewers see all. */
export function claimWhereFor(actor: Actor): Prisma.OwnershipClaimWhereInput {
  if (can(actor, "products.own")) return { claimantId: actor.id };
  if (can(actor, "claims.review")) return {};
  return nothing();
}

/** Recall notices: a customer sees the notices addressed to them; those who run recalls see all. */
export function recallNoticeWhereFor(actor: Actor): Prisma.RecallNoticeWhereInput {
  if (can(actor, "products.own")) return { userId: actor.id };
  if (can(actor, "recalls.manage") || can(actor, "repairs.work")) return {};
  return nothing();
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
    // A chat image, once sent, is for both sides of its conversation (issue 11).
    if (can(actor, "chat.own") || (can(actor, "chat.work") && strongEnough)) {
      readable.push({ purpose: "chat_image", chatMessage: { is: { conversation: conversationWhereFor(actor) } } });
    }
  }
  return { deletedAt: null, OR: readable };
}

/**
 * Repair tickets: a customer sees the requests they made (a later owner of the unit does not see
 * them); desk staff see every ticket. Dealers see the drop-offs at their shop with issue 13; for now none.
 */
export function ticketWhereFor(actor: Actor): Prisma.RepairTicketWhereInput {
  if (can(actor, "repairs.work")) return {};
  if (can(actor, "repairs.own")) return { customerId: actor.id };
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

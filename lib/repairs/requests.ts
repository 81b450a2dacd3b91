import "server-only";
import { isUniqueViolation } from "@/lib/db-errors";
import { recordAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/permissions";
import { ticketWhereFor } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getOwnProduct, type OwnedProduct } from "@/lib/products/my-products";
import { businessToday } from "@/lib/time/business-time";
import { localDateOf } from "@/lib/warranty/local-date";
import { decideCoverage } from "./coverage";
import { loadDesk } from "./desk-settings";
import { notifyCustomer } from "./notify";
import { nextTicketNumber } from "./numbers";
import type { RepairRequestInput } from "./schemas";
import { dueDates } from "./sla";
import { CUSTOMER_EVENT_KINDS } from "./workflow";

/**
 * Repair requests from the customer's side: what the request will cost before sending, sending it
 * (once, however often the form is submitted), and the customer's own tickets. Every read puts the
 * customer in the query; another customer's ticket does not exist for them (404).
 */

export type RepairPreview = {
  product: OwnedProduct;
  coverage: "WARRANTY" | "RECALL" | "PAID";
  recall: { id: string; code: string; titleJa: string; titleEn: string } | null;
  /** The customer's requests for this unit that are still open (the form points at them, so nobody sends the same one twice). */
  openRequests: { id: string; number: string }[];
};

async function openRecallFor(unitId: string, userId: string) {
  const notice = await db.recallNotice.findFirst({
    where: { unitId, userId, completedAt: null, campaign: { status: "PUBLISHED" } },
    select: { campaign: { select: { id: true, code: true, titleJa: true, titleEn: true } } },
    orderBy: { notifiedAt: "asc" },
  });
  return notice?.campaign ?? null;
}

/** The product, its warranty and who pays, for the form's "before you send" panel; null when not the user's. */
export async function previewRepair(userId: string, ownershipId: string): Promise<RepairPreview | null> {
  const product = await getOwnProduct(customerActor(userId), ownershipId);
  if (!product) return null;
  const [recall, openRequests] = await Promise.all([
    openRecallFor(product.unitId, userId),
    db.repairTicket.findMany({
      where: { customerId: userId, unitId: product.unitId, closedAt: null },
      select: { id: true, number: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return { product, recall, openRequests, coverage: decideCoverage(product.warranty.status, recall !== null) };
}

/** Symptom categories for the product's category, in the admin's order. */
export function symptomsFor(productCategory: string) {
  return db.symptomCategory.findMany({
    where: { productCategory, archivedAt: null },
    select: { id: true, code: true, nameJa: true, nameEn: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
}

type Customer = { id: string };

/** Only customers send and follow requests (their actions check `repairs.own`), so their reads run in a customer's scope. */
function customerActor(customerId: string): Actor {
  return { id: customerId, role: "CUSTOMER", dealerId: null };
}

/**
 * Send a request. Idempotent: the form makes one key, so a double click or a retry after a
 * timeout returns the ticket the first submit created (the unique key decides a race).
 */
export async function createRepairRequest(customer: Customer, input: RepairRequestInput): Promise<{ id: string; number: string }> {
  const existing = await db.repairTicket.findUnique({
    where: { customerId_idempotencyKey: { customerId: customer.id, idempotencyKey: input.idempotencyKey } },
    select: { id: true, number: true },
  });
  if (existing) return existing;

  const preview = await previewRepair(customer.id, input.ownershipId);
  if (!preview) throw new AppError("NOT_FOUND");
  const { product } = preview;
  const symptom = await db.symptomCategory.findFirst({
    where: { id: input.symptomCategoryId, productCategory: product.model.category, archivedAt: null },
    select: { id: true },
  });
  if (!symptom) throw new AppError("VALIDATION", { cause: { symptomCategoryId: "repairs.symptomInvalid" } });
  if (input.delivery === "DEALER_DROP_OFF") {
    const dealer = await db.dealer.findFirst({ where: { id: input.dealerId, deactivatedAt: null }, select: { id: true } });
    if (!dealer) throw new AppError("VALIDATION", { cause: { dealerId: "repairs.dealerRequired" } });
  }
  const photos = await db.storedFile.findMany({
    where: { id: { in: input.photoFileIds }, ownerId: customer.id, purpose: "repair_photo", deletedAt: null, repairPhoto: null },
    select: { id: true },
  });
  if (photos.length !== input.photoFileIds.length) throw new AppError("VALIDATION", { cause: { photoFileIds: "repairs.photoInvalid" } });

  const profile = await db.user.findUniqueOrThrow({
    where: { id: customer.id },
    select: { phone: true, postalCode: true, prefecture: true, city: true, addressLine1: true, addressLine2: true },
  });
  // Asked in the form only when the profile lacks them, and then saved to the profile. The address
  // is taken whole, from the profile when it is complete there and else as typed, so a courier never
  // gets a mix of an old postcode and a new street.
  const ADDRESS = ["postalCode", "prefecture", "city", "addressLine1"] as const;
  const profileHasAddress = ADDRESS.every((field) => Boolean(profile[field]?.trim()));
  const address = profileHasAddress
    ? {
        postalCode: profile.postalCode!,
        prefecture: profile.prefecture!,
        city: profile.city!,
        addressLine1: profile.addressLine1!,
        addressLine2: profile.addressLine2 ?? "",
      }
    : {
        postalCode: input.postalCode,
        prefecture: input.prefecture,
        city: input.city,
        addressLine1: input.addressLine1,
        addressLine2: input.addressLine2,
      };
  const phone = profile.phone || input.phone;
  const missing: Record<string, string> = {};
  if (input.delivery === "COURIER_PICKUP") {
    for (const field of ADDRESS) if (!address[field]) missing[field] = "validation.requiredHere";
    const today = businessToday();
    if (input.preferredDates.some((date) => date < today)) missing.preferredDates = "repairs.pickupDatePast";
  }
  if (input.contactPreference === "PHONE" && !phone) missing.phone = "validation.requiredHere";
  if (Object.keys(missing).length > 0) throw new AppError("VALIDATION", { cause: missing });

  const desk = await loadDesk();
  const now = new Date();
  const priority = preview.coverage === "RECALL" ? "HIGH" : "NORMAL";
  // The warranty as the customer saw it, so the explanation on the ticket never changes afterwards.
  const warrantySnapshot = product.warranty as unknown as Prisma.InputJsonValue;

  let ticket: { id: string; number: string };
  try {
    ticket = await db.$transaction(async (tx) => {
      const created = await tx.repairTicket.create({
        data: {
          number: await nextTicketNumber(tx, now),
          customerId: customer.id,
          ownershipId: input.ownershipId,
          unitId: product.unitId,
          symptomCategoryId: symptom.id,
          description: input.description,
          delivery: input.delivery,
          ...(input.delivery === "COURIER_PICKUP"
            ? {
                pickupPostalCode: address.postalCode,
                pickupPrefecture: address.prefecture,
                pickupCity: address.city,
                pickupLine1: address.addressLine1,
                pickupLine2: address.addressLine2 || null,
                preferredDates: input.preferredDates.map((date) => new Date(`${date}T00:00:00Z`)),
              }
            : {}),
          dealerId: input.delivery === "DEALER_DROP_OFF" ? input.dealerId : null,
          contactPreference: input.contactPreference,
          contactPhone: phone || null,
          priority,
          coverage: preview.coverage,
          warrantySnapshot,
          recallCampaignId: preview.recall?.id ?? null,
          idempotencyKey: input.idempotencyKey,
          ...dueDates(desk.calendar, desk.targets, priority, now),
          createdAt: now,
          events: { create: { kind: "created", toStatus: "RECEIVED", actorId: customer.id, at: now } },
          photos: { create: photos.map((photo) => ({ fileId: photo.id, addedBy: "customer" })) },
        },
        select: { id: true, number: true },
      });
      const profileUpdate: Prisma.UserUpdateInput = {};
      if (!profile.phone && input.phone) profileUpdate.phone = input.phone;
      if (input.delivery === "COURIER_PICKUP" && !profileHasAddress) Object.assign(profileUpdate, address);
      if (Object.keys(profileUpdate).length > 0) await tx.user.update({ where: { id: customer.id }, data: profileUpdate });
      return created;
    });
  } catch (error) {
    // The same key submitted twice at once: the second insert loses the race; return the first.
    if (!isUniqueViolation(error)) throw error;
    const raced = await db.repairTicket.findUnique({
      where: { customerId_idempotencyKey: { customerId: customer.id, idempotencyKey: input.idempotencyKey } },
      select: { id: true, number: true },
    });
    if (raced) return raced;
    throw error;
  }
  await recordAudit({
    action: "repair.created",
    outcome: "SUCCESS",
    actorId: customer.id,
    targetType: "RepairTicket",
    targetId: ticket.id,
    subjectIds: [customer.id],
    details: { number: ticket.number, coverage: preview.coverage, photos: photos.length },
  });
  await notifyCustomer(ticket.id, "RECEIVED");
  return ticket;
}

/** The ticket list of My Page → Repairs: open first, newest first. */
export async function listOwnTickets(customerId: string) {
  const tickets = await db.repairTicket.findMany({
    where: ticketWhereFor(customerActor(customerId)),
    select: {
      id: true,
      number: true,
      status: true,
      coverage: true,
      createdAt: true,
      updatedAt: true,
      unit: { select: { serial: true, model: { select: { nameJa: true, nameEn: true } } } },
      estimates: { where: { status: "SENT" }, select: { id: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const open = tickets.filter((ticket) => ticket.status !== "COMPLETED" && ticket.status !== "CANCELLED");
  const past = tickets.filter((ticket) => ticket.status === "COMPLETED" || ticket.status === "CANCELLED");
  return { open, past };
}

/** One of the customer's tickets with everything they may see: never internal notes. */
export async function getOwnTicket(customerId: string, ticketId: string) {
  const ticket = await db.repairTicket.findFirst({
    where: { AND: [ticketWhereFor(customerActor(customerId)), { id: ticketId }] },
    select: {
      id: true,
      number: true,
      status: true,
      resumeStatus: true,
      coverage: true,
      warrantySnapshot: true,
      delivery: true,
      preferredDates: true,
      pickupPostalCode: true,
      pickupPrefecture: true,
      pickupCity: true,
      pickupLine1: true,
      pickupLine2: true,
      contactPreference: true,
      description: true,
      outcome: true,
      closeReason: true,
      closedAt: true,
      rating: true,
      ratingComment: true,
      createdAt: true,
      ownershipId: true,
      dealer: { select: { name: true } },
      symptomCategory: { select: { nameJa: true, nameEn: true } },
      recallCampaign: { select: { code: true, titleJa: true, titleEn: true } },
      unit: { select: { serial: true, model: { select: { code: true, nameJa: true, nameEn: true } } } },
      events: {
        where: { kind: { in: [...CUSTOMER_EVENT_KINDS] } },
        select: { id: true, at: true, kind: true, fromStatus: true, toStatus: true, message: true, actor: { select: { role: true } } },
        orderBy: { at: "asc" },
      },
      estimates: {
        select: {
          id: true,
          status: true,
          lines: true,
          subtotalYen: true,
          taxRate: true,
          taxYen: true,
          totalYen: true,
          note: true,
          sentAt: true,
          decidedAt: true,
        },
        orderBy: { sentAt: "desc" },
      },
      photos: { select: { id: true, fileId: true, addedBy: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!ticket) return null;
  return { ...ticket, preferredDates: ticket.preferredDates.map(localDateOf) };
}
export type OwnTicket = NonNullable<Awaited<ReturnType<typeof getOwnTicket>>>;

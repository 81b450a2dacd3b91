import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import { ticketWhereFor } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { nameIn } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { addInformation } from "@/lib/repairs/customer-steps";
import { createRepairRequest, getOwnTicket, previewRepair, symptomsFor } from "@/lib/repairs/requests";
import { ZRepairRequestSchema } from "@/lib/repairs/schemas";
import { decodeCursor, encodeCursor, type PageQuery } from "../paging";
import { parseInput } from "../route";
import type { ZRepair, ZRepairCreate, ZSymptom } from "./schemas";

/** The API's view of repair tickets: lib/repairs with the token's customer, never internal notes. */
type Repair = z.output<typeof ZRepair>;

/** The Idempotency-Key header (8-64 visible characters), required for creating. */
export function idempotencyKeyOf(request: Request): string {
  const key = request.headers.get("idempotency-key")?.trim() ?? "";
  if (!/^[\x21-\x7e]{8,64}$/.test(key)) throw new AppError("VALIDATION", { cause: { "Idempotency-Key": "api.idempotencyKey" } });
  return key;
}

export async function listRepairs(
  customer: Actor,
  query: PageQuery,
  locale: Locale,
): Promise<{ data: Repair[]; nextCursor: string | null }> {
  const { customerIds: _customerIds, ...page } = await repairPage(ticketWhereFor(customer), query, locale);
  return page;
}

/**
 * A page of repair tickets within `scope` (a scope predicate of lib/auth/scopes.ts), newest first,
 * keyset-paged by (createdAt, id); with the customers the page names, for the audit log.
 */
export async function repairPage(
  scope: Prisma.RepairTicketWhereInput,
  query: PageQuery,
  locale: Locale,
): Promise<{ data: Repair[]; nextCursor: string | null; customerIds: string[] }> {
  const after = decodeCursor(query.cursor)?.split("|");
  const before = after && after.length === 2 ? { at: new Date(after[0]!), id: after[1]! } : null;
  if (query.cursor && (!before || Number.isNaN(before.at.getTime()))) return { data: [], nextCursor: null, customerIds: [] };
  const rows = await db.repairTicket.findMany({
    where: {
      AND: [scope, before ? { OR: [{ createdAt: { lt: before.at } }, { createdAt: before.at, id: { lt: before.id } }] } : {}],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: {
      id: true,
      number: true,
      status: true,
      coverage: true,
      ownershipId: true,
      customerId: true,
      createdAt: true,
      unit: { select: { serial: true, model: { select: { nameJa: true, nameEn: true } } } },
    },
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((row) => ({
      id: row.id,
      number: row.number,
      status: row.status,
      coverage: row.coverage,
      productId: row.ownershipId,
      serialNumber: row.unit.serial,
      model: nameIn(locale, row.unit.model),
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(`${last.createdAt.toISOString()}|${last.id}`) : null,
    customerIds: [...new Set(page.map((row) => row.customerId))],
  };
}

export async function getRepair(customer: Actor, id: string, locale: Locale): Promise<Repair> {
  const ticket = await getOwnTicket(customer.id, id);
  if (!ticket) throw new AppError("NOT_FOUND");
  return {
    id: ticket.id,
    number: ticket.number,
    status: ticket.status,
    coverage: ticket.coverage,
    productId: ticket.ownershipId,
    serialNumber: ticket.unit.serial,
    model: nameIn(locale, ticket.unit.model),
    description: ticket.description,
    createdAt: ticket.createdAt.toISOString(),
    events: ticket.events.map((event) => ({
      at: event.at.toISOString(),
      kind: event.kind,
      status: event.toStatus,
      message: event.message,
    })),
  };
}

/**
 * A repair request through the API: the same rules as the form (its schema, then
 * createRepairRequest), without photos (an API client cannot upload them) and with the
 * Idempotency-Key header as the form's key, so a retry returns the first ticket.
 */
export async function createRepair(customer: Actor, body: z.output<typeof ZRepairCreate>, key: string, locale: Locale): Promise<Repair> {
  const input = parseInput(ZRepairRequestSchema, {
    ownershipId: body.productId,
    symptomCategoryId: body.symptomCategoryId,
    description: body.description,
    photoFileIds: [],
    delivery: body.delivery,
    preferredDates: body.preferredDates ?? [],
    dealerId: body.dealerId ?? "",
    contactPreference: body.contactPreference,
    idempotencyKey: key,
  });
  const ticket = await createRepairRequest({ id: customer.id }, input);
  return getRepair(customer, ticket.id, locale);
}

export async function addRepairMessage(customer: Actor, id: string, message: string): Promise<void> {
  await addInformation(customer.id, { ticketId: id, message, photoFileIds: [] });
}

/** What can be wrong with one of the customer's products (the symptom ids a request names). */
export async function productSymptoms(customer: Actor, productId: string, locale: Locale): Promise<z.output<typeof ZSymptom>[]> {
  const preview = await previewRepair(customer.id, productId);
  if (!preview) throw new AppError("NOT_FOUND");
  const symptoms = await symptomsFor(preview.product.model.category);
  return symptoms.map((symptom) => ({ id: symptom.id, code: symptom.code, name: nameIn(locale, symptom) }));
}

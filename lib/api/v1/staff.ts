import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import { customerWhereFor, ticketWhereFor } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { nameIn } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { listProductsOf } from "@/lib/products/my-products";
import { decodeCursor, encodeCursor, type PageQuery } from "../paging";
import { balance } from "./points";
import { apiProduct } from "./products";
import type { ZPointsBalance, ZProduct, ZRepair } from "./schemas";

/**
 * Server-to-server reads (client credentials with staff scopes): a service reads as the service
 * desk does, through the same scope predicates as the desk's pages (an agent's reach: every
 * customer, never a dealer's view or an admin's tools). Every call is audited under the customer.
 */
const SERVICE: Actor = { id: "service", role: "SUPPORT_AGENT", dealerId: null };

async function customerOrNotFound(customerId: string): Promise<Actor> {
  const customer = await db.user.findFirst({
    where: { AND: [customerWhereFor(SERVICE), { id: customerId, erasedAt: null, erasureRequestedAt: null, disabledAt: null }] },
    select: { id: true },
  });
  if (!customer) throw new AppError("NOT_FOUND");
  return { id: customer.id, role: "CUSTOMER", dealerId: null };
}

export async function staffCustomerProducts(customerId: string, locale: Locale): Promise<{ data: z.output<typeof ZProduct>[] }> {
  await customerOrNotFound(customerId);
  const products = await listProductsOf(SERVICE, customerId);
  return { data: await Promise.all(products.map((product) => apiProduct(product, locale, true))) };
}

export async function staffCustomerPoints(customerId: string, locale: Locale): Promise<z.output<typeof ZPointsBalance>> {
  return balance(await customerOrNotFound(customerId), locale);
}

export async function staffRepairs(
  query: PageQuery & { status?: string },
  locale: Locale,
): Promise<{ data: z.output<typeof ZRepair>[]; nextCursor: string | null; customerIds: string[] }> {
  const after = decodeCursor(query.cursor)?.split("|");
  const before = after && after.length === 2 ? { at: new Date(after[0]!), id: after[1]! } : null;
  if (query.cursor && (!before || Number.isNaN(before.at.getTime()))) return { data: [], nextCursor: null, customerIds: [] };
  const rows = await db.repairTicket.findMany({
    where: {
      AND: [
        ticketWhereFor(SERVICE),
        query.status ? { status: query.status as never } : {},
        before ? { OR: [{ createdAt: { lt: before.at } }, { createdAt: before.at, id: { lt: before.id } }] } : {},
      ],
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
    customerIds: [...new Set(page.map((row) => row.customerId))],
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
  };
}

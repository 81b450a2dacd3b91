import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import type { RepairStatus } from "@/lib/generated/prisma/enums";
import { customerWhereFor, ticketWhereFor } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/routing";
import { listProductsOf } from "@/lib/products/my-products";
import type { PageQuery } from "../paging";
import { balance } from "./points";
import { apiProduct } from "./products";
import { repairPage } from "./repairs";
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

export function staffRepairs(
  query: PageQuery & { status?: string },
  locale: Locale,
): Promise<{ data: z.output<typeof ZRepair>[]; nextCursor: string | null; customerIds: string[] }> {
  return repairPage({ AND: [ticketWhereFor(SERVICE), query.status ? { status: query.status as RepairStatus } : {}] }, query, locale);
}

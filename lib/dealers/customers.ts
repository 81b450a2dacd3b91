import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { customerWhereFor, ownershipWhereFor, recallNoticeWhereFor, ticketWhereFor } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeSerial } from "@/lib/products/serial-format";
import { localDateOf } from "@/lib/warranty/local-date";
import { contactsForDealer } from "./masking";

/**
 * The customers of a dealer's own sales (issue 13, [8.4.1]): the current owners of units it sold,
 * found by serial, name or phone; a customer's page with only the units this dealer sold. Scoped
 * by customerWhereFor / ownershipWhereFor, shown through lib/dealers/masking.ts.
 */
export const CUSTOMER_PAGE_SIZE = 50;

/**
 * Phone numbers are kept as typed (with or without hyphens, full-width digits): customers whose
 * number contains these digits, compared digits to digits. The caller still applies the scope.
 */
async function customersWithPhoneDigits(digits: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User"
    WHERE role = 'CUSTOMER' AND phone IS NOT NULL
      AND regexp_replace(normalize(phone, NFKC), '[^0-9]', '', 'g') LIKE '%' || ${digits} || '%'
    LIMIT 1000`;
  return rows.map((row) => row.id);
}

async function searchWhere(actor: Actor, query: string): Promise<Prisma.UserWhereInput> {
  const q = query.trim();
  if (!q) return {};
  const serial = normalizeSerial(q);
  const digits = q.normalize("NFKC").replace(/[\s\-()+]/g, "");
  const or: Prisma.UserWhereInput[] = [
    { ownerships: { some: { AND: [ownershipWhereFor(actor), { unit: { serial: { contains: serial } } }] } } },
    { name: { contains: q, mode: "insensitive" } },
    { nameKana: { contains: q, mode: "insensitive" } },
  ];
  if (/^\d{4,}$/.test(digits)) or.push({ id: { in: await customersWithPhoneDigits(digits) } });
  return { OR: or };
}

const PERSON = { id: true, name: true, email: true, phone: true, prefecture: true } as const;

/** One page of the dealer's customers (a search, or everyone), each with the units of its sales. */
export async function listDealerCustomers(actor: Actor, options: { q?: string; after?: string } = {}) {
  if (!can(actor, "dealer.customers")) return { customers: [], next: null };
  const rows = await db.user.findMany({
    where: {
      AND: [customerWhereFor(actor), await searchWhere(actor, options.q ?? ""), options.after ? { id: { gt: options.after } } : {}],
    },
    orderBy: { id: "asc" },
    take: CUSTOMER_PAGE_SIZE + 1,
    select: {
      ...PERSON,
      ownerships: {
        where: ownershipWhereFor(actor),
        select: { unit: { select: { serial: true, model: { select: { code: true, nameJa: true, nameEn: true } } } } },
      },
    },
  });
  const page = rows.slice(0, CUSTOMER_PAGE_SIZE);
  const contacts = await contactsForDealer(actor, page, { targetType: "User", view: "dealer_customers" });
  return {
    customers: page.map((row, index) => ({ contact: contacts[index]!, units: row.ownerships.map((ownership) => ownership.unit) })),
    next: rows.length > CUSTOMER_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
  };
}

/** A customer's page for a dealer: contact (masked unless allowed), their units from this dealer's sales, repairs, recalls. */
export async function dealerCustomer(actor: Actor, customerId: string) {
  if (!can(actor, "dealer.customers")) return null;
  const person = await db.user.findFirst({ where: { AND: [customerWhereFor(actor), { id: customerId }] }, select: PERSON });
  if (!person) return null;
  const [[contact], ownerships, tickets, notices] = await Promise.all([
    contactsForDealer(actor, [person], { targetType: "User", targetId: person.id, view: "dealer_customer" }),
    db.ownership.findMany({
      where: { AND: [ownershipWhereFor(actor), { userId: person.id }] },
      orderBy: { registeredAt: "desc" },
      select: {
        id: true,
        registeredAt: true,
        purchasedOn: true,
        dealerSaleId: true,
        unit: {
          select: {
            id: true,
            serial: true,
            model: { select: { code: true, nameJa: true, nameEn: true } },
            dealerSales: { where: { dealerId: actor.dealerId ?? "" }, select: { soldOn: true, soldTwice: true } },
          },
        },
      },
    }),
    db.repairTicket.findMany({
      where: { AND: [ticketWhereFor(actor), { customerId: person.id }] },
      orderBy: { createdAt: "desc" },
      select: { id: true, number: true, status: true, dealerStep: true, createdAt: true },
    }),
    db.recallNotice.findMany({
      where: { AND: [recallNoticeWhereFor(actor), { userId: person.id }] },
      select: {
        id: true,
        acknowledgedAt: true,
        completedAt: true,
        unit: { select: { serial: true } },
        campaign: { select: { code: true, titleJa: true, titleEn: true } },
      },
    }),
  ]);
  return {
    contact: contact!,
    units: ownerships.map((ownership) => ({
      ownershipId: ownership.id,
      registeredAt: ownership.registeredAt,
      purchasedOn: ownership.purchasedOn ? localDateOf(ownership.purchasedOn) : null,
      confirmedBySale: ownership.dealerSaleId !== null,
      serial: ownership.unit.serial,
      model: ownership.unit.model,
      sale: ownership.unit.dealerSales[0]
        ? { soldOn: localDateOf(ownership.unit.dealerSales[0].soldOn), soldTwice: ownership.unit.dealerSales[0].soldTwice }
        : null,
    })),
    tickets,
    notices,
  };
}

/**
 * Rows for the dealer's CSV export, in pages of `pageSize` (each page's reveals audited before it
 * is sent, like the desk's export).
 */
export async function* dealerCustomerExportRows(actor: Actor, q: string, pageSize = 500) {
  if (!can(actor, "dealer.customers")) return;
  let after: string | undefined;
  const search = await searchWhere(actor, q);
  for (;;) {
    const rows = await db.user.findMany({
      where: { AND: [customerWhereFor(actor), search, after ? { id: { gt: after } } : {}] },
      orderBy: { id: "asc" },
      take: pageSize,
      select: {
        ...PERSON,
        ownerships: {
          where: ownershipWhereFor(actor),
          select: { registeredAt: true, unit: { select: { serial: true, model: { select: { code: true } } } } },
        },
      },
    });
    if (rows.length === 0) return;
    const contacts = await contactsForDealer(actor, rows, { targetType: "User", view: "dealer_customers_csv" });
    for (const [index, row] of rows.entries()) {
      for (const ownership of row.ownerships)
        yield {
          contact: contacts[index]!,
          serial: ownership.unit.serial,
          model: ownership.unit.model.code,
          registeredAt: ownership.registeredAt,
        };
    }
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.id;
  }
}

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
 * People whose whole name (spaces and width ignored) or whole phone number (digits only) is `q`.
 * Whole values only: matching a part would let a dealer rebuild a masked name or number one
 * character at a time ([8.3.3]). The caller applies the dealer's scope.
 */
async function customersNamedOrCalled(q: string): Promise<string[]> {
  const compact = q.normalize("NFKC").replace(/\s/g, "").toLowerCase();
  const digits = q.normalize("NFKC").replace(/[\s\-()+]/g, "");
  const phone = /^\d{10,11}$/.test(digits) ? digits : null;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User"
    WHERE role = 'CUSTOMER'
      AND (lower(regexp_replace(normalize(coalesce(name, ''), NFKC), '[[:space:]]', '', 'g')) = ${compact}
        OR lower(regexp_replace(normalize(coalesce("nameKana", ''), NFKC), '[[:space:]]', '', 'g')) = ${compact}
        OR (${phone}::text IS NOT NULL AND regexp_replace(normalize(coalesce(phone, ''), NFKC), '[^0-9]', '', 'g') = ${phone}))`;
  return rows.map((row) => row.id);
}

/** A search by part of a serial (4 characters or more), or by a whole name or phone number. */
async function searchWhere(actor: Actor, query: string): Promise<Prisma.UserWhereInput> {
  const q = query.trim();
  if (!q) return {};
  const serial = normalizeSerial(q);
  const or: Prisma.UserWhereInput[] = [{ id: { in: await customersNamedOrCalled(q) } }];
  if (serial.length >= 4)
    or.push({ ownerships: { some: { AND: [ownershipWhereFor(actor), { unit: { serial: { contains: serial } } }] } } });
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
      // Only units they own now: a notice stays with an owner who unregistered.
      where: {
        AND: [recallNoticeWhereFor(actor), { userId: person.id, unit: { ownerships: { some: { userId: person.id, endedAt: null } } } }],
      },
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

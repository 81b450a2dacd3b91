import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { can, type Actor } from "@/lib/auth/permissions";
import { hashToken } from "@/lib/auth/token-hash";
import { dealerSaleWhereFor } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { businessToday } from "@/lib/time/business-time";
import { localDateOf, type LocalDate } from "@/lib/warranty/local-date";
import { maskEmail } from "./mask";
import { parseSalesCsv, type SaleRowError } from "./sales-csv";

/**
 * A dealer's sales list (issue 13): imported from CSV, all rows or none, every problem of every row
 * named. A sale scopes what the dealer sees (lib/auth/scopes.ts) and pre-fills the buyer's
 * registration ("confirmed by the dealer", no receipt needed). A serial that another dealer (or
 * this one, in an earlier file) already sold is flagged, not refused: shops do resell returns,
 * and staff decide.
 */
export type SalesImportResult =
  | { status: "imported"; importId: string; rows: number; flagged: number }
  | { status: "rejected"; errors: SaleRowError[]; errorCount: number; headerProblem: string | null };

const MAX_REPORTED_ERRORS = 500;

function requireDealer(actor: Actor, permission: "dealer.sales" | "dealer.customers" = "dealer.sales"): string {
  if (!can(actor, permission) || !actor.dealerId) throw new AppError("NOT_FOUND");
  return actor.dealerId;
}

async function replay(dealerId: string, idempotencyKey: string): Promise<SalesImportResult | null> {
  const earlier = await db.dealerSaleImport.findUnique({
    where: { dealerId_idempotencyKey: { dealerId, idempotencyKey } },
    select: { id: true, rowCount: true, flaggedCount: true },
  });
  return earlier ? { status: "imported", importId: earlier.id, rows: earlier.rowCount, flagged: earlier.flaggedCount } : null;
}

export async function importSales(
  actor: Actor,
  input: { fileName: string; csv: string; idempotencyKey: string },
  today: LocalDate = businessToday(),
): Promise<SalesImportResult> {
  const dealerId = requireDealer(actor);
  const earlier = await replay(dealerId, input.idempotencyKey);
  if (earlier) return earlier;

  const parsed = parseSalesCsv(input.csv, today);
  if (parsed.headerProblem) return { status: "rejected", errors: [], errorCount: 0, headerProblem: parsed.headerProblem };
  const errors = [...parsed.errors];
  const serials = [...parsed.rows, ...parsed.rejectedSerials].map((row) => row.serial);
  const units = await db.serialUnit.findMany({
    where: { serial: { in: serials } },
    select: { id: true, serial: true, manufacturedOn: true, dealerSales: { select: { dealerId: true, soldOn: true } } },
  });
  const bySerial = new Map(units.map((unit) => [unit.serial, unit]));
  for (const { line, serial } of parsed.rejectedSerials) {
    if (!bySerial.has(serial)) errors.push({ line, problem: "notInRegistry", value: serial });
  }
  for (const row of parsed.rows) {
    const unit = bySerial.get(row.serial);
    if (!unit) {
      errors.push({ line: row.line, problem: "notInRegistry", value: row.serial });
      continue;
    }
    if (row.soldOn < localDateOf(unit.manufacturedOn)) errors.push({ line: row.line, problem: "beforeManufacture", value: row.soldOn });
    const own = unit.dealerSales.find((sale) => sale.dealerId === dealerId);
    if (own) errors.push({ line: row.line, problem: "alreadyImported", value: `${row.serial} (${localDateOf(own.soldOn)})` });
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line);
    return { status: "rejected", errors: errors.slice(0, MAX_REPORTED_ERRORS), errorCount: errors.length, headerProblem: null };
  }
  if (parsed.rows.length === 0) return { status: "rejected", errors: [], errorCount: 0, headerProblem: "empty" };

  const unitIds = parsed.rows.map((row) => bySerial.get(row.serial)!.id);
  try {
    const { record, flagged } = await db.$transaction(async (tx) => {
      // The units' rows are locked (in id order), so two dealers importing one serial at once take
      // turns and the second sees the first's sale: the conflict is flagged, never missed.
      await tx.$queryRaw`SELECT id FROM "SerialUnit" WHERE id = ANY(${[...unitIds].sort()}::text[]) ORDER BY id FOR UPDATE`;
      const record = await tx.dealerSaleImport.create({
        data: {
          dealerId,
          importedById: actor.id,
          fileName: input.fileName,
          rowCount: parsed.rows.length,
          idempotencyKey: input.idempotencyKey,
        },
        select: { id: true },
      });
      await tx.dealerSale.createMany({
        data: parsed.rows.map((row) => ({
          dealerId,
          unitId: bySerial.get(row.serial)!.id,
          soldOn: new Date(`${row.soldOn}T00:00:00Z`),
          customerEmail: row.customerEmail,
          importId: record.id,
        })),
      });
      const flagged = await flagConflicts(tx, unitIds);
      await tx.dealerSaleImport.update({
        where: { id: record.id },
        data: { flaggedCount: flagged.filter((sale) => sale.importId === record.id).length },
      });
      return { record, flagged: flagged.filter((sale) => sale.importId === record.id).length };
    });
    const created = record;
    await recordAudit({
      action: "dealer.sales_imported",
      outcome: "SUCCESS",
      actorId: actor.id,
      targetType: "DealerSaleImport",
      targetId: created.id,
      details: { dealerId, rows: parsed.rows.length, flagged, fileName: input.fileName },
    });
    return { status: "imported", importId: created.id, rows: parsed.rows.length, flagged };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same submission twice at once (the key), or another import of ours took a serial meanwhile.
    const first = await replay(dealerId, input.idempotencyKey);
    if (first) return first;
    throw new AppError("CONFLICT", { messageKey: "dealer.importConflict" });
  }
}

/**
 * Flag the sales of `unitIds` that cannot be taken at their word, inside the import's transaction
 * (decision 0011): a unit sold by two dealers (both sides are flagged), and a unit whose current
 * registration names another shop, came from a previous owner, or was registered before the sale
 * date. A flagged sale gives its dealer no reach over the owner (scopes.ts) until staff clear it.
 */
async function flagConflicts(tx: Prisma.TransactionClient, unitIds: string[]): Promise<{ id: string; importId: string }[]> {
  return tx.$queryRaw<{ id: string; importId: string }[]>`
    UPDATE "DealerSale" s SET "soldTwice" = true
    WHERE s."unitId" = ANY(${unitIds}::text[]) AND NOT s."soldTwice"
      AND (
        EXISTS (SELECT 1 FROM "DealerSale" o WHERE o."unitId" = s."unitId" AND o.id <> s.id)
        OR EXISTS (
          SELECT 1 FROM "Ownership" w
          WHERE w."unitId" = s."unitId" AND w."endedAt" IS NULL
            AND ((w."dealerId" IS NOT NULL AND w."dealerId" <> s."dealerId") OR w."otherShopName" IS NOT NULL
                 OR w."transferredFromId" IS NOT NULL OR w."registeredAt" < s."soldOn" - interval '1 day')
        )
      )
    RETURNING s.id, s."importId"`;
}

export type SalesFilter = { q?: string; flagged?: boolean; registered?: "yes" | "no" };

/** The dealer's sales, newest first, with whether each unit is registered now (no personal data). */
export async function listSales(actor: Actor, filter: SalesFilter = {}, take = 100) {
  const q = filter.q?.trim().toUpperCase();
  const where: Prisma.DealerSaleWhereInput = {
    AND: [
      dealerSaleWhereFor(actor),
      q ? { unit: { serial: { contains: q } } } : {},
      filter.flagged ? { soldTwice: true } : {},
      filter.registered === "yes" ? { unit: { ownerships: { some: { endedAt: null } } } } : {},
      filter.registered === "no" ? { unit: { ownerships: { none: { endedAt: null } } } } : {},
    ],
  };
  const [sales, total] = await Promise.all([
    db.dealerSale.findMany({
      where,
      orderBy: [{ soldOn: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true,
        soldOn: true,
        soldTwice: true,
        customerEmail: true,
        createdAt: true,
        unit: {
          select: {
            serial: true,
            model: { select: { code: true, nameJa: true, nameEn: true } },
            ownerships: { where: { endedAt: null }, select: { registeredAt: true, dealerSaleId: true } },
          },
        },
        invitations: { orderBy: { sentAt: "desc" }, take: 1, select: { sentAt: true, usedAt: true } },
      },
    }),
    db.dealerSale.count({ where }),
  ]);
  // The buyer's email as the shop typed it is personal data too: masked like every dealer read.
  return { sales: sales.map((sale) => ({ ...sale, customerEmail: sale.customerEmail ? maskEmail(sale.customerEmail) : null })), total };
}

/** The dealer's recent imports (for the import page's history). */
export function listSaleImports(actor: Actor) {
  const dealerId = requireDealer(actor);
  return db.dealerSaleImport.findMany({
    where: { dealerId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, fileName: true, rowCount: true, flaggedCount: true, createdAt: true, importedBy: { select: { name: true } } },
  });
}

export type ConfirmedSale = { saleId: string; dealerId: string; dealerName: string; soldOn: LocalDate };

/**
 * The dealer's sale that confirms a customer's purchase of `unitId`: the one their registration
 * invitation names, or the one whose buyer email is theirs, or the only one with no email. Two
 * dealers claiming the unit with no way to tell which is the customer's: none (the customer then
 * registers as usual, with a receipt).
 */
export async function confirmedSaleFor(unitId: string, userId: string, invitationToken?: string | null): Promise<ConfirmedSale | null> {
  const sales = await db.dealerSale.findMany({
    where: { unitId, dealer: { deactivatedAt: null } },
    select: { id: true, dealerId: true, soldOn: true, customerEmail: true, dealer: { select: { name: true } } },
  });
  if (sales.length === 0) return null;
  const invitation = invitationToken
    ? await db.dealerInvitation.findFirst({
        where: { tokenHash: hashToken(invitationToken), usedAt: null, expiresAt: { gt: new Date() }, sale: { unitId } },
        select: { saleId: true },
      })
    : null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  const byEmail = sales.filter((sale) => sale.customerEmail !== null && sale.customerEmail === user?.email.toLowerCase());
  const open = sales.filter((sale) => sale.customerEmail === null);
  const sale =
    sales.find((candidate) => candidate.id === invitation?.saleId) ??
    (byEmail.length === 1 ? byEmail[0] : byEmail.length === 0 && open.length === 1 ? open[0] : undefined);
  if (!sale) return null;
  return { saleId: sale.id, dealerId: sale.dealerId, dealerName: sale.dealer.name, soldOn: localDateOf(sale.soldOn) };
}

import "server-only";
import { forgetShown } from "@/lib/cache/shown";
import { recordAudit } from "@/lib/audit/log";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";

/**
 * Dealers in the staff area (issue 13, admins): create, edit, deactivate and reactivate. A
 * deactivated dealer's people are signed out at their next request and cannot sign in
 * (lib/auth/sessions.ts, sign-in.ts); its sales and registrations stay for the records.
 */
function requireManager(actor: Actor): void {
  if (!can(actor, "dealers.manage")) throw new AppError("NOT_FOUND");
}

export async function listDealers(actor: Actor) {
  requireManager(actor);
  return db.dealer.findMany({
    orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      prefecture: true,
      deactivatedAt: true,
      _count: { select: { staff: true, sales: true, ownerships: { where: { endedAt: null } } } },
    },
  });
}

export async function getDealer(actor: Actor, dealerId: string) {
  requireManager(actor);
  return db.dealer.findUnique({
    where: { id: dealerId },
    select: {
      id: true,
      code: true,
      name: true,
      prefecture: true,
      phone: true,
      deactivatedAt: true,
      createdAt: true,
      _count: { select: { sales: true } },
      sales: {
        where: { soldTwice: true },
        take: 100,
        orderBy: { soldOn: "desc" },
        select: {
          id: true,
          soldOn: true,
          unit: {
            select: {
              serial: true,
              dealerSales: { select: { dealerId: true, soldOn: true, dealer: { select: { code: true, name: true } } } },
              ownerships: {
                where: { endedAt: null },
                select: { registeredAt: true, dealerSaleId: true, dealer: { select: { name: true } } },
              },
            },
          },
        },
      },
    },
  });
}

export async function saveDealer(
  actor: Actor,
  input: { id: string; code: string; name: string; prefecture: string; phone: string },
): Promise<{ dealerId: string }> {
  requireManager(actor);
  const data = { code: input.code, name: input.name, prefecture: input.prefecture || null, phone: input.phone || null };
  try {
    const dealer = input.id
      ? await db.dealer.update({ where: { id: input.id }, data, select: { id: true } }).catch((error: unknown) => {
          if ((error as { code?: string }).code === "P2025") throw new AppError("NOT_FOUND");
          throw error;
        })
      : await db.dealer.create({ data, select: { id: true } });
    forgetShown("dealers");
    await recordAudit({
      action: "dealer.updated",
      outcome: "SUCCESS",
      actorId: actor.id,
      targetType: "Dealer",
      targetId: dealer.id,
      details: { created: !input.id, code: input.code },
    });
    return { dealerId: dealer.id };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("VALIDATION", { cause: { code: "dealer.codeTaken" } });
    throw error;
  }
}

export async function setDealerActive(actor: Actor, input: { dealerId: string; active: boolean }): Promise<void> {
  requireManager(actor);
  const changed = await db.dealer.updateMany({
    where: { id: input.dealerId, deactivatedAt: input.active ? { not: null } : null },
    data: { deactivatedAt: input.active ? null : new Date() },
  });
  if (changed.count === 0) {
    if (!(await db.dealer.findUnique({ where: { id: input.dealerId }, select: { id: true } }))) throw new AppError("NOT_FOUND");
    return; // already in that state (a double click)
  }
  forgetShown("dealers");
  // Its people lose access now, not at their sessions' end.
  if (!input.active) await db.session.deleteMany({ where: { user: { dealerId: input.dealerId } } });
  await recordAudit({
    action: input.active ? "dealer.reactivated" : "dealer.deactivated",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "Dealer",
    targetId: input.dealerId,
  });
}

/**
 * Settle a sale flagged "to check" (issue 13): keep it (the flag goes, and the dealer reaches the
 * owner again as its sale allows), or remove it (a wrong row: the dealer loses what it gave). A sale
 * that confirmed a registration's purchase stays; a removal also takes its invitations.
 */
export async function reviewFlaggedSale(actor: Actor, input: { saleId: string; decision: "keep" | "remove" }): Promise<void> {
  requireManager(actor);
  const sale = await db.dealerSale.findUnique({
    where: { id: input.saleId },
    select: { id: true, dealerId: true, soldTwice: true, unitId: true, _count: { select: { ownerships: true } } },
  });
  if (!sale) throw new AppError("NOT_FOUND");
  if (input.decision === "keep") {
    if (!sale.soldTwice) return;
    await db.dealerSale.update({ where: { id: sale.id }, data: { soldTwice: false } });
  } else {
    if (sale._count.ownerships > 0) throw new AppError("CONFLICT", { messageKey: "dealer.saleConfirmedRegistration" });
    await db.$transaction([
      db.dealerInvitation.deleteMany({ where: { saleId: sale.id } }),
      db.dealerSale.delete({ where: { id: sale.id } }),
    ]);
  }
  await recordAudit({
    action: "dealer.sale_reviewed",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "DealerSale",
    targetId: sale.id,
    details: { decision: input.decision, dealerId: sale.dealerId, unitId: sale.unitId },
  });
}

import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { issueAuthToken } from "@/lib/auth/auth-tokens";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { portalUrl } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/jobs/enqueue";

/**
 * A dealer's staff accounts (issue 13). A dealer admin invites colleagues to their own shop only,
 * as dealer staff (never a higher role), and disables or re-enables them; a staff admin does the
 * same for any dealer and invites its dealer admin. Invited accounts set their password from the
 * emailed link and must add a second factor before the dealer area opens (requireArea).
 */
const STAFF_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  disabledAt: true,
  createdAt: true,
  passwordHash: true,
  totpEnabledAt: true,
  _count: { select: { passkeys: true } },
} as const;

function present(row: {
  id: string;
  name: string | null;
  email: string;
  role: Role;
  disabledAt: Date | null;
  createdAt: Date;
  passwordHash: string | null;
  totpEnabledAt: Date | null;
  _count: { passkeys: number };
}) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    disabledAt: row.disabledAt,
    createdAt: row.createdAt,
    /** Has not set a password from the invitation yet. */
    invited: row.passwordHash === null,
    secondFactor: row.totpEnabledAt !== null || row._count.passkeys > 0,
  };
}

/** The people of one dealer: a dealer admin's own shop, or any shop for a staff admin. */
export async function listDealerStaff(actor: Actor, dealerId: string) {
  if (!mayManage(actor, dealerId)) return null;
  const rows = await db.user.findMany({ where: { dealerId }, orderBy: [{ role: "desc" }, { createdAt: "asc" }], select: STAFF_SELECT });
  return rows.map(present);
}

function mayManage(actor: Actor, dealerId: string): boolean {
  if (can(actor, "dealers.manage")) return true;
  return can(actor, "dealer.staff.manage") && actor.dealerId === dealerId;
}

async function sendInvitation(user: { id: string; email: string; locale: string }, dealerName: string): Promise<void> {
  const { token } = await issueAuthToken({ purpose: "ACCOUNT_INVITATION", userId: user.id, email: user.email });
  await enqueueEmail({
    to: user.email,
    locale: user.locale,
    template: { name: "accountInvitation", dealer: dealerName, url: portalUrl(user.locale, "/reset-password", { token }) },
  });
}

/**
 * Make an account for a colleague and email them the link that sets its password. An address that
 * already has an account is refused (an account never moves between shops or roles this way).
 */
export async function inviteDealerStaff(
  actor: Actor,
  input: { dealerId: string; name: string; email: string; role?: "DEALER_STAFF" | "DEALER_ADMIN" },
): Promise<{ userId: string }> {
  if (!mayManage(actor, input.dealerId)) throw new AppError("NOT_FOUND");
  // Only a staff admin makes dealer admins; a dealer admin's invitations are dealer staff.
  const role = can(actor, "dealers.manage") ? (input.role ?? "DEALER_STAFF") : "DEALER_STAFF";
  const dealer = await db.dealer.findFirst({ where: { id: input.dealerId, deactivatedAt: null }, select: { name: true } });
  if (!dealer) throw new AppError("NOT_FOUND");
  const email = input.email.trim().toLowerCase();
  let user: { id: string; email: string; locale: string };
  try {
    user = await db.user.create({
      data: { email, name: input.name.trim(), role, dealerId: input.dealerId, locale: "ja" },
      select: { id: true, email: true, locale: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("VALIDATION", { cause: { email: "dealer.emailTaken" } });
    throw error;
  }
  await sendInvitation(user, dealer.name);
  await recordAudit({
    action: "dealer.staff_invited",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "User",
    targetId: user.id,
    details: { dealerId: input.dealerId, role },
  });
  return { userId: user.id };
}

/** A colleague of the same shop (or any dealer account, for a staff admin), never oneself. */
async function colleague(actor: Actor, userId: string) {
  if (userId === actor.id) return null;
  const user = await db.user.findFirst({
    where: { id: userId, role: { in: ["DEALER_STAFF", "DEALER_ADMIN"] } },
    select: { id: true, email: true, locale: true, role: true, dealerId: true, passwordHash: true, dealer: { select: { name: true } } },
  });
  if (!user?.dealerId || !mayManage(actor, user.dealerId)) return null;
  // A dealer admin manages dealer staff, not another dealer admin.
  if (!can(actor, "dealers.manage") && user.role !== "DEALER_STAFF") return null;
  return user;
}

/** Disable (sessions end at once) or enable a colleague's account. */
export async function setDealerStaffDisabled(actor: Actor, input: { userId: string; disabled: boolean }): Promise<void> {
  const user = await colleague(actor, input.userId);
  if (!user) throw new AppError("NOT_FOUND");
  // A dealer admin undoes only a disable made in the shop: one by the portal's staff (or any other
  // way, such as a security response) stays until staff lift it.
  if (!input.disabled && !can(actor, "dealers.manage")) {
    const last = await db.auditEvent.findFirst({
      where: { action: "dealer.staff_disabled", targetId: user.id },
      orderBy: { id: "desc" },
      select: { actor: { select: { dealerId: true, role: true } } },
    });
    if (!last?.actor || last.actor.dealerId !== user.dealerId || last.actor.role !== "DEALER_ADMIN") {
      throw new AppError("FORBIDDEN", { messageKey: "dealer.disabledByStaff" });
    }
  }
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { disabledAt: input.disabled ? new Date() : null } }),
    ...(input.disabled ? [db.session.deleteMany({ where: { userId: user.id } })] : []),
  ]);
  await recordAudit({
    action: input.disabled ? "dealer.staff_disabled" : "dealer.staff_enabled",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "User",
    targetId: user.id,
    details: { dealerId: user.dealerId },
  });
}

/** Send the invitation again (the earlier link stops working). Only for accounts without a password yet. */
export async function resendDealerInvitation(actor: Actor, userId: string): Promise<void> {
  const user = await colleague(actor, userId);
  if (!user || user.passwordHash !== null || !user.dealer) throw new AppError("NOT_FOUND");
  await sendInvitation(user, user.dealer.name);
  await recordAudit({
    action: "dealer.staff_invited",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "User",
    targetId: user.id,
    details: { resent: true },
  });
}

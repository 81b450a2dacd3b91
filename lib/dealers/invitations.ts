import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { can, type Actor } from "@/lib/auth/permissions";
import { dealerSaleWhereFor } from "@/lib/auth/scopes";
import { generateToken, hashToken } from "@/lib/auth/token-hash";
import { db } from "@/lib/db";
import { portalUrl } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import { inLocale } from "@/lib/i18n/localized";
import { enqueueEmail } from "@/lib/jobs/enqueue";

/**
 * Registration invitations (issue 13): with the buyer's email from the sales list and their
 * agreement at the till, the dealer sends a link that opens registration with the serial, date and
 * shop filled in. Once per sale a day; the link works for 30 days and until the unit is registered.
 */
const LINK_DAYS = 30;
const RESEND_AFTER_MS = 24 * 3_600_000;

export async function sendRegistrationInvitation(actor: Actor, saleId: string, now: Date = new Date()): Promise<void> {
  if (!can(actor, "dealer.sales")) throw new AppError("NOT_FOUND");
  const sale = await db.dealerSale.findFirst({
    where: { AND: [dealerSaleWhereFor(actor), { id: saleId }] },
    select: {
      id: true,
      customerEmail: true,
      dealer: { select: { name: true } },
      unit: {
        select: {
          serial: true,
          model: { select: { nameJa: true, nameEn: true } },
          ownerships: { where: { endedAt: null }, select: { id: true } },
        },
      },
      invitations: { orderBy: { sentAt: "desc" }, take: 1, select: { sentAt: true } },
    },
  });
  if (!sale) throw new AppError("NOT_FOUND");
  if (!sale.customerEmail) throw new AppError("VALIDATION", { messageKey: "dealer.invitationNoEmail" });
  if (sale.unit.ownerships.length > 0) throw new AppError("CONFLICT", { messageKey: "dealer.invitationRegistered" });
  const last = sale.invitations[0];
  if (last && now.getTime() - last.sentAt.getTime() < RESEND_AFTER_MS)
    throw new AppError("CONFLICT", { messageKey: "dealer.invitationRecent" });

  const token = generateToken();
  // The buyer may have an account already; the email goes in its language, Japanese otherwise.
  const account = await db.user.findUnique({ where: { email: sale.customerEmail }, select: { locale: true } });
  const locale = account?.locale ?? "ja";
  await db.dealerInvitation.create({
    data: {
      saleId: sale.id,
      email: sale.customerEmail,
      tokenHash: hashToken(token),
      sentById: actor.id,
      sentAt: now,
      expiresAt: new Date(now.getTime() + LINK_DAYS * 86_400_000),
    },
  });
  await enqueueEmail({
    to: sale.customerEmail,
    locale,
    template: {
      name: "registrationInvitation",
      dealer: sale.dealer.name,
      product: inLocale(locale, { ja: sale.unit.model.nameJa, en: sale.unit.model.nameEn }),
      url: portalUrl(locale, "/mypage/products/register", { serial: sale.unit.serial, invitation: token }),
    },
  });
  await recordAudit({
    action: "dealer.invitation_sent",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "DealerSale",
    targetId: sale.id,
    details: { dealerId: actor.dealerId },
  });
}

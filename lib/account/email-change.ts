import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { consumeAuthToken, issueAuthToken, peekAuthToken } from "@/lib/auth/auth-tokens";
import { normalizeEmail } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { portalUrl, sendEmail } from "@/lib/email/send";
import { AppError } from "@/lib/errors";

/**
 * Changing the email address: the new address must be confirmed from its own inbox before it
 * replaces the old one, and the old address is told afterwards. If the new address already has an
 * account, the same "check your inbox" answer is given and nothing is sent there that would reveal it.
 */
export async function requestEmailChange(user: { id: string; email: string; locale: string }, newEmailInput: string): Promise<void> {
  const newEmail = normalizeEmail(newEmailInput);
  if (newEmail === user.email) throw new AppError("VALIDATION", { cause: { email: "validation.emailUnchanged" } });
  const taken = await db.user.findUnique({ where: { email: newEmail }, select: { id: true } });
  if (taken) return;
  const { token } = await issueAuthToken({ purpose: "EMAIL_CHANGE", userId: user.id, email: newEmail });
  await sendEmail({
    to: newEmail,
    locale: user.locale,
    template: { name: "emailChange", newEmail, url: portalUrl(user.locale, "/account/confirm-email", { token }) },
  });
}

/** Only the account that asked for the change can confirm it, signed in. */
export async function confirmEmailChange(userId: string, currentSessionId: string, token: string, now: Date = new Date()): Promise<boolean> {
  const pending = await peekAuthToken(token, "EMAIL_CHANGE", now);
  if (pending?.userId !== userId) return false;
  const consumed = await consumeAuthToken(token, "EMAIL_CHANGE", now);
  if (!consumed?.userId || !consumed.email) return false;
  const before = await db.user.findUnique({ where: { id: consumed.userId }, select: { email: true, locale: true } });
  if (!before) return false;
  try {
    await db.user.update({ where: { id: consumed.userId }, data: { email: consumed.email, emailVerified: now } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false; // taken meanwhile
    throw error;
  }
  // Links sent to the old address stop working, and other devices sign in again.
  await db.authToken.deleteMany({ where: { userId: consumed.userId, usedAt: null } });
  await db.session.deleteMany({ where: { userId: consumed.userId, id: { not: currentSessionId } } });
  await recordAudit({ action: "auth.email_changed", outcome: "SUCCESS", actorId: consumed.userId });
  await sendEmail({ to: before.email, locale: before.locale, template: { name: "emailChanged", newEmail: consumed.email } });
  return true;
}

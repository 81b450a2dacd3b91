import "server-only";
import { forgetShown } from "@/lib/cache/shown";
import { recordAudit } from "@/lib/audit/log";
import { consumeAuthToken, issueAuthToken, peekAuthToken } from "@/lib/auth/auth-tokens";
import { normalizeEmail } from "@/lib/auth/sign-in";
import { reserveAttempt, type ThrottleKey } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { portalUrl } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/jobs/enqueue";

/**
 * Changing the email address: the new address must be confirmed from its own inbox before it
 * replaces the old one, and the old address is told afterwards.
 *
 * Whether the new address already has an account must not show (ASVS 6.3.8-style enumeration):
 * both cases take the same path (one look-up, one token, one email job) and answer the same
 * "check your inbox". A free address gets the confirmation link; a taken one a note that it
 * already has an account, with no link. The mail goes out from a job, so SMTP time is not in the
 * answer either. Requests are throttled per requesting account and per address asked for, like
 * the other email flows (ASVS 2.4.1: no unlimited mail to any address).
 */
export async function requestEmailChange(
  user: { id: string; email: string; locale: string },
  newEmailInput: string,
  now: Date = new Date(),
): Promise<void> {
  const newEmail = normalizeEmail(newEmailInput);
  if (newEmail === user.email) throw new AppError("VALIDATION", { cause: { email: "validation.emailUnchanged" } });
  const keys: ThrottleKey[] = [
    // Not the "emailRequest" key of the address: requests to take someone's address must not use up
    // that person's own reset and sign-in-link allowance (an attacker could block their recovery).
    { kind: "emailRequest", value: `email-change-to:${newEmail}` },
    { kind: "emailRequest", value: `email-change-by:${user.id}` },
  ];
  if (!(await reserveAttempt(keys, now)).allowed) throw new AppError("RATE_LIMITED", { messageKey: "errors.emailRateLimited" });

  const taken = await db.user.findUnique({ where: { email: newEmail }, select: { locale: true } });
  // The token is issued either way (a taken address's is never mailed and cannot be confirmed:
  // the address is unique), so the two cases do the same database work.
  const { token } = await issueAuthToken({ purpose: "EMAIL_CHANGE", userId: user.id, email: newEmail }, now);
  const locale = taken?.locale ?? user.locale;
  await enqueueEmail({
    to: newEmail,
    locale,
    template: taken
      ? { name: "emailChangeTaken", url: portalUrl(locale, "/signin") }
      : { name: "emailChange", newEmail, url: portalUrl(locale, "/account/confirm-email", { token }) },
  });
}

/** Only the account that asked for the change can confirm it, signed in. */
export async function confirmEmailChange(
  userId: string,
  currentSessionId: string,
  token: string,
  now: Date = new Date(),
): Promise<boolean> {
  const pending = await peekAuthToken(token, "EMAIL_CHANGE", now);
  if (pending?.userId !== userId) return false;
  const consumed = await consumeAuthToken(token, "EMAIL_CHANGE", now);
  if (!consumed?.userId || !consumed.email) return false;
  const before = await db.user.findUnique({ where: { id: consumed.userId }, select: { email: true, locale: true } });
  if (!before) return false;
  try {
    await db.user.update({ where: { id: consumed.userId }, data: { email: consumed.email, emailVerified: now } });
  } catch (error) {
    if (isUniqueViolation(error, ["email"])) return false; // taken meanwhile
    throw error;
  }
  // A staff member without a name is listed by email in the desk's filter form (lib/cache/shown.ts).
  forgetShown("staff");
  // Links sent to the old address stop working, and other devices sign in again.
  await db.authToken.deleteMany({ where: { userId: consumed.userId, usedAt: null } });
  await db.session.deleteMany({ where: { userId: consumed.userId, id: { not: currentSessionId } } });
  await recordAudit({ action: "auth.email_changed", outcome: "SUCCESS", actorId: consumed.userId });
  await enqueueEmail({ to: before.email, locale: before.locale, template: { name: "emailChanged", newEmail: consumed.email } });
  return true;
}

import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { portalUrl } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import type { Role } from "@/lib/generated/prisma/enums";
import { consumeAuthToken, issueAuthToken, peekAuthToken } from "./auth-tokens";
import { acceptMailboxProof } from "./email-proof";
import { hashPassword } from "./password";
import { checkPassword } from "./password-policy";
import { beginSecondFactor } from "./second-factor";
import { endOtherSessions, startSession } from "./sessions";
import { normalizeEmail } from "./sign-in";
import { reserveAttempt, type ThrottleKey } from "./throttle";

/**
 * Flows that start with an email: verification, magic-link sign-in and password reset. Requests
 * answer the same whether or not an account exists (no enumeration), and each address can be
 * asked for only a few emails an hour.
 */

/** Counts a request for an email to `email`; refuses when the address has asked too often. */
export async function limitEmailRequests(email: string, now: Date = new Date()): Promise<void> {
  const key: ThrottleKey = { kind: "emailRequest", value: email };
  if (!(await reserveAttempt([key], now)).allowed) throw new AppError("RATE_LIMITED", { messageKey: "errors.emailRateLimited" });
}

export async function sendVerificationEmail(user: { id: string; email: string; locale: string }): Promise<void> {
  const { token } = await issueAuthToken({ purpose: "EMAIL_VERIFICATION", userId: user.id, email: user.email });
  await enqueueEmail({
    to: user.email,
    locale: user.locale,
    template: { name: "verifyEmail", url: portalUrl(user.locale, "/verify-email", { token }) },
  });
}

export async function resendVerificationEmail(userId: string, now: Date = new Date()): Promise<void> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, locale: true, emailVerified: true },
  });
  if (user.emailVerified) return;
  await limitEmailRequests(user.email, now);
  await sendVerificationEmail(user);
}

/**
 * Confirms the address the token was sent to (it must still be the account's address). On an
 * account never verified before, credentials added without that proof are removed
 * (email-proof.ts); `keepSessionId` is this browser's session, kept if it is the account's.
 */
export async function verifyEmail(
  token: string,
  now: Date = new Date(),
  keepSessionId: string | null = null,
): Promise<{ passwordRemoved: boolean } | null> {
  const consumed = await consumeAuthToken(token, "EMAIL_VERIFICATION", now);
  if (!consumed?.userId || !consumed.email) return null;
  const user = await db.user.findUnique({ where: { id: consumed.userId }, select: { id: true, email: true, locale: true } });
  if (!user || user.email !== consumed.email) return null;
  const removed = await acceptMailboxProof(user, "email_verification", { keepSessionId, now });
  await db.user.updateMany({ where: { id: user.id, email: user.email }, data: { emailVerified: now } });
  await recordAudit({ action: "auth.email_verified", outcome: "SUCCESS", actorId: consumed.userId });
  return { passwordRemoved: Boolean(removed?.password) };
}

export async function requestMagicLink(
  input: { email: string; locale: string; callbackUrl?: string },
  now: Date = new Date(),
): Promise<void> {
  const email = normalizeEmail(input.email);
  await limitEmailRequests(email, now);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, locale: true, disabledAt: true } });
  if (!user || user.disabledAt) return;
  const { token } = await issueAuthToken({
    purpose: "MAGIC_LINK",
    userId: user.id,
    email,
    data: { callbackUrl: input.callbackUrl ?? null },
  });
  await enqueueEmail({
    to: email,
    locale: user.locale,
    template: { name: "magicLink", url: portalUrl(user.locale, "/signin/link", { token }) },
  });
}

export type LinkSignInOutcome = { next: "session"; role: Role; callbackUrl?: string } | { next: "secondFactor" } | { next: "invalid" };

/**
 * Sign in with a magic link. The link proves the mailbox, so the address counts as verified; it
 * does not replace a second factor (ASVS 6.4.3 / 6.5.x).
 */
export async function signInWithMagicLink(token: string, now: Date = new Date()): Promise<LinkSignInOutcome> {
  const consumed = await consumeAuthToken(token, "MAGIC_LINK", now);
  if (!consumed?.userId) return { next: "invalid" };
  const user = await db.user.findUnique({
    where: { id: consumed.userId },
    select: {
      id: true,
      email: true,
      locale: true,
      role: true,
      disabledAt: true,
      totpEnabledAt: true,
      emailVerified: true,
      dealer: { select: { deactivatedAt: true } },
    },
  });
  if (!user || user.disabledAt || user.dealer?.deactivatedAt || user.email !== consumed.email) return { next: "invalid" };
  // The first proof of the mailbox: a second factor set up before it is removed, not asked for.
  if (!user.emailVerified && (await acceptMailboxProof(user, "magic_link", { now }))) user.totpEnabledAt = null;
  const callbackUrl = (consumed.data as { callbackUrl?: string | null } | null)?.callbackUrl ?? undefined;
  if (user.totpEnabledAt) {
    await beginSecondFactor(user.id, { method: "magic_link", callbackUrl });
    return { next: "secondFactor" };
  }
  await startSession(user, { method: "magic_link", strong: false });
  await recordAudit({ action: "auth.sign_in", outcome: "SUCCESS", actorId: user.id, details: { method: "magic_link" } });
  return { next: "session", role: user.role, callbackUrl };
}

export async function requestPasswordReset(input: { email: string; locale: string }, now: Date = new Date()): Promise<void> {
  const email = normalizeEmail(input.email);
  await limitEmailRequests(email, now);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, locale: true, disabledAt: true } });
  if (!user || user.disabledAt) return;
  const { token } = await issueAuthToken({ purpose: "PASSWORD_RESET", userId: user.id, email });
  await enqueueEmail({
    to: email,
    locale: user.locale,
    template: { name: "passwordReset", url: portalUrl(user.locale, "/reset-password", { token }) },
  });
}

/**
 * Set a new password from a reset link. Every session of the account ends (ASVS 7.4.2) and the
 * user signs in again afterwards, second factor included: the link opens no session itself.
 */
/**
 * The account a reset link is good for, without using the link: the reset page shows the form
 * only when this is not null, and `resetPassword` applies the same checks. The link is void when
 * the account is disabled or its address changed since it was sent.
 */
export async function pendingPasswordReset(token: string, now: Date = new Date()) {
  // An invitation to an account made for someone (dealer staff, issue 13) sets the first password the same way.
  const reset = await peekAuthToken(token, "PASSWORD_RESET", now);
  const pending = reset ?? (await peekAuthToken(token, "ACCOUNT_INVITATION", now));
  const purpose = reset ? ("PASSWORD_RESET" as const) : ("ACCOUNT_INVITATION" as const);
  const user = pending?.userId
    ? await db.user.findUnique({
        where: { id: pending.userId },
        select: { id: true, email: true, locale: true, totpEnabledAt: true, disabledAt: true, emailVerified: true },
      })
    : null;
  if (!user || user.disabledAt || user.email !== pending?.email) return null;
  // On a never-verified account the reset removes the second factor (email-proof.ts), so the
  // new password must be long enough without one.
  const hasSecondFactor = Boolean(user.totpEnabledAt && user.emailVerified);
  return { id: user.id, email: user.email, locale: user.locale, hasSecondFactor, emailVerified: Boolean(user.emailVerified), purpose };
}

export async function resetPassword(input: { token: string; password: string }, now: Date = new Date()): Promise<void> {
  const user = await pendingPasswordReset(input.token, now);
  if (!user) throw new AppError("NOT_FOUND", { messageKey: "resetPassword.invalidLink" });
  // Checked before the token is used, so a refused password leaves the link working.
  assertAcceptablePassword(input.password, { email: user.email, hasSecondFactor: user.hasSecondFactor });
  if (!(await consumeAuthToken(input.token, user.purpose, now))) {
    throw new AppError("NOT_FOUND", { messageKey: "resetPassword.invalidLink" });
  }
  // The link proves the mailbox: on a never-verified account, what it did not prove goes first.
  if (!user.emailVerified) await acceptMailboxProof(user, "password_reset", { now });
  await setPassword(user, input.password, { keepSessionId: null, now });
  await recordAudit({ action: "auth.password_reset", outcome: "SUCCESS", actorId: user.id });
}

/** Refuse a password that breaks the rules, as a field error on `field`. */
export function assertAcceptablePassword(
  password: string,
  context: { email?: string; hasSecondFactor: boolean },
  field = "password",
): void {
  const problem = checkPassword(password, context);
  if (problem) throw new AppError("VALIDATION", { cause: { [field]: `validation.password_${problem}` } });
}

/** A signed-in user's new password (step-up checked by the caller); this session stays, others end (ASVS 7.4.2). */
export async function changeOwnPassword(userId: string, password: string, keepSessionId: string): Promise<void> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, locale: true, totpEnabledAt: true },
  });
  assertAcceptablePassword(password, { email: user.email, hasSecondFactor: Boolean(user.totpEnabledAt) });
  await setPassword(user, password, { keepSessionId });
  await recordAudit({ action: "auth.password_changed", outcome: "SUCCESS", actorId: user.id });
}

/** Store a new password hash, end other sessions and tell the user by email. */
export async function setPassword(
  user: { id: string; email: string; locale: string },
  password: string,
  options: { keepSessionId: string | null; now?: Date },
): Promise<void> {
  const now = options.now ?? new Date();
  await db.user.update({
    where: { id: user.id },
    data: { passwordHash: await hashPassword(password), passwordChangedAt: now },
  });
  await endOtherSessions(user.id, options.keepSessionId);
  await enqueueEmail({ to: user.email, locale: user.locale, template: { name: "passwordChanged" } });
}

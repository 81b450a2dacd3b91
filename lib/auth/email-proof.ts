import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { portalUrl } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import { logger } from "@/lib/log";
import { trustedDeviceFor } from "./device-cookie";

/**
 * Account pre-hijacking (closest ASVS 5.0 requirement: 6.4.1/6.4.3, proof of the mailbox before
 * it controls the account). Anyone can sign up with someone else's address; until the address is
 * proven, the account may be used but gains no credential that would outlive the real owner's
 * reset: no passkey, no second factor, no linked provider. When the mailbox is proven (verification
 * link, reset link, magic link) on an account that never was, whatever it holds that the proof does
 * not cover is removed: passkeys, TOTP and recovery codes, linked providers, pending links and the
 * other sessions. The password goes too unless the proof covers it: a verification link opened in
 * the browser that chose the password (its sign-up device cookie, or a session of the account) shows
 * that whoever set the password reads the mailbox; a magic link, or a verification link opened on
 * another device, does not (the squatter would otherwise keep signing in with the password they
 * chose). A reset clears it in the same transaction, before the new one is set, so a failure in
 * between cannot leave the old password on a now-verified account. The owner is told by email and
 * the audit log keeps what was removed.
 */
export async function assertEmailVerified(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerified: true } });
  if (!user?.emailVerified) throw new AppError("FORBIDDEN", { messageKey: "security.verifyEmailFirst" });
}

export type RemovedCredentials = { passkeys: number; secondFactor: boolean; providers: string[]; sessions: number; password: boolean };

export type MailboxProof = "email_verification" | "password_reset" | "magic_link";

/**
 * Mark the address proven. If it had never been, first remove what was added without that proof.
 * Returns what was removed (nothing when the address was already proven). `keepSessionId` is the
 * session of the browser that shows the proof, if it belongs to this account.
 */
export async function acceptMailboxProof(
  user: { id: string; email: string; locale: string },
  proof: MailboxProof,
  options: { keepSessionId?: string | null; now?: Date } = {},
): Promise<RemovedCredentials | null> {
  const now = options.now ?? new Date();
  const removed = await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: user.id },
      select: {
        email: true,
        emailVerified: true,
        totpEnabledAt: true,
        passwordHash: true,
        passwordChangedAt: true,
        accounts: { select: { provider: true } },
      },
    });
    if (!before || before.emailVerified || before.email !== user.email) return null;
    const ownSession = options.keepSessionId
      ? await tx.session.findFirst({ where: { id: options.keepSessionId, userId: user.id }, select: { id: true } })
      : null;
    const choseThePassword =
      proof === "email_verification" &&
      (ownSession !== null || (await trustedDeviceFor({ id: user.id, passwordChangedAt: before.passwordChangedAt })) !== null);
    const dropPassword = before.passwordHash !== null && (proof === "password_reset" || !choseThePassword);
    // Claimed under the condition, so two proofs at the same moment purge once.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, email: user.email, emailVerified: null },
      data: {
        emailVerified: now,
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        ...(dropPassword ? { passwordHash: null, passwordChangedAt: now } : {}),
      },
    });
    if (count === 0) return null;
    const passkeys = await tx.passkey.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.account.deleteMany({ where: { userId: user.id } });
    await tx.authToken.deleteMany({ where: { userId: user.id, usedAt: null } });
    const sessions = await tx.session.deleteMany({
      where: { userId: user.id, ...(ownSession ? { id: { not: ownSession.id } } : {}) },
    });
    return {
      passkeys: passkeys.count,
      secondFactor: Boolean(before.totpEnabledAt),
      providers: before.accounts.map((account) => account.provider),
      sessions: sessions.count,
      // A reset sets the owner's own password right after: nothing to tell them about that one.
      password: dropPassword && proof !== "password_reset",
    };
  });
  if (!removed) return null;
  const anything = removed.passkeys > 0 || removed.secondFactor || removed.providers.length > 0 || removed.sessions > 0 || removed.password;
  if (!anything) return removed;
  // The removal is committed; telling about it must not undo the proof's own flow when it fails.
  await notifyRemoval(user, proof, removed).catch((error: unknown) =>
    logger.error({ err: error }, "could not record or announce removed credentials"),
  );
  return removed;
}

async function notifyRemoval(
  user: { id: string; email: string; locale: string },
  proof: MailboxProof,
  removed: RemovedCredentials,
): Promise<void> {
  await recordAudit({
    action: "auth.unproven_credentials_removed",
    outcome: "SUCCESS",
    actorId: user.id,
    details: { via: proof, ...removed },
  });
  await enqueueEmail({
    to: user.email,
    locale: user.locale,
    template: {
      name: "unprovenCredentialsRemoved",
      passkeys: String(removed.passkeys),
      secondFactor: removed.secondFactor ? "yes" : "no",
      providers: String(removed.providers.length),
      sessions: String(removed.sessions),
      password: removed.password ? "yes" : "no",
      url: portalUrl(user.locale, "/account/security"),
    },
  });
}

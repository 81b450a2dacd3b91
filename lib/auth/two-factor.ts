import "server-only";
import QRCode from "qrcode";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import { AppError } from "@/lib/errors";
import { assertEmailVerified } from "./email-proof";
import { requiresSecondFactor } from "./permissions";
import { regenerateRecoveryCodes } from "./recovery-codes";
import { sealSecret } from "./sealed-secrets";
import { acceptTotp } from "./second-factor";
import { elevateSession } from "./sessions";
import { reserveAttempt, settleSuccess, type ThrottleKey } from "./throttle";
import { generateTotpSecret, totpUri } from "./totp";
import type { Role } from "@/lib/generated/prisma/enums";

type Owner = { id: string; email: string; locale: string; role: Role };

/**
 * TOTP enrolment: a new secret is kept (encrypted) but inactive until the user types a code from
 * the app, which proves the app holds it. Then the recovery codes are shown once.
 */
export async function startTotpEnrolment(user: Owner): Promise<{ secret: string; uri: string; qrSvg: string }> {
  await assertEmailVerified(user.id);
  const current = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  if (current.totpEnabledAt) throw new AppError("CONFLICT", { messageKey: "twoFactor.alreadyEnabled" });
  const secret = generateTotpSecret();
  await db.user.update({ where: { id: user.id }, data: { totpSecret: sealSecret(secret), totpLastStep: null } });
  const uri = totpUri(secret, user.email);
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrSvg };
}

export async function confirmTotpEnrolment(user: Owner, sessionId: string, code: string, now: Date = new Date()): Promise<string[]> {
  await assertEmailVerified(user.id);
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { id: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (row.totpEnabledAt) throw new AppError("CONFLICT", { messageKey: "twoFactor.alreadyEnabled" });
  // Attempts count like second-factor guesses: the 6-digit code is not to be brute-forced here.
  const keys: ThrottleKey[] = [{ kind: "secondFactor", value: user.id }];
  if (!(await reserveAttempt(keys, now)).allowed) throw new AppError("RATE_LIMITED", { messageKey: "signIn.throttled" });
  if (!(await acceptTotp(row, code, now))) {
    await recordAudit({ action: "auth.mfa_enabled", outcome: "FAILURE", actorId: user.id });
    throw new AppError("VALIDATION", { cause: { code: "secondFactor.wrongCode" } });
  }
  await settleSuccess(keys);
  await db.user.update({ where: { id: user.id }, data: { totpEnabledAt: now } });
  const codes = await regenerateRecoveryCodes(user.id);
  // This session has just shown the second factor.
  await elevateSession(sessionId);
  await recordAudit({ action: "auth.mfa_enabled", outcome: "SUCCESS", actorId: user.id });
  await enqueueEmail({ to: user.email, locale: user.locale, template: { name: "secondFactorChanged", change: "enabled" } });
  return codes;
}

/** Staff, admin and dealer accounts must keep a second factor (ASVS 6.3.3). */
export async function disableTotp(user: Owner): Promise<void> {
  if (requiresSecondFactor(user.role)) throw new AppError("FORBIDDEN", { messageKey: "twoFactor.requiredForRole" });
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } }),
    db.recoveryCode.deleteMany({ where: { userId: user.id } }),
  ]);
  await recordAudit({ action: "auth.mfa_disabled", outcome: "SUCCESS", actorId: user.id });
  await enqueueEmail({ to: user.email, locale: user.locale, template: { name: "secondFactorChanged", change: "disabled" } });
}

export async function renewRecoveryCodes(user: Owner): Promise<string[]> {
  await assertEmailVerified(user.id);
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  if (!row.totpEnabledAt) throw new AppError("CONFLICT", { messageKey: "twoFactor.notEnabled" });
  const codes = await regenerateRecoveryCodes(user.id);
  await recordAudit({ action: "auth.recovery_codes_renewed", outcome: "SUCCESS", actorId: user.id });
  await enqueueEmail({ to: user.email, locale: user.locale, template: { name: "secondFactorChanged", change: "recoveryCodes" } });
  return codes;
}

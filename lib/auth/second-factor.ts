import "server-only";
import { cookies } from "next/headers";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { consumeAuthToken, issueAuthToken, peekAuthToken } from "./auth-tokens";
import { sidecarCookie } from "./cookies";
import { redeemRecoveryCode } from "./recovery-codes";
import { openSecret } from "./sealed-secrets";
import { startSession, type SignInMethod } from "./sessions";
import { reserveAttempt, settleSuccess, type ThrottleKey } from "./throttle";
import { matchTotpStep } from "./totp";
import { TOKEN_LIFETIME_MINUTES } from "./token-policy";

/**
 * The step between a first factor (password, magic link, OIDC) and a session, for accounts with a
 * second factor. The browser holds a 5-minute single-use challenge token in its own cookie; no
 * session exists until the second factor is shown, so a stolen password or a mailbox alone opens
 * nothing (ASVS 6.4.3: links do not bypass the second factor).
 */
export const SECOND_FACTOR_COOKIE = sidecarCookie("second-factor", TOKEN_LIFETIME_MINUTES.SECOND_FACTOR * 60);

type ChallengeData = { method: SignInMethod; callbackUrl?: string };

export async function beginSecondFactor(userId: string, data: ChallengeData): Promise<void> {
  const { token } = await issueAuthToken({ purpose: "SECOND_FACTOR", userId, data });
  (await cookies()).set(SECOND_FACTOR_COOKIE.name, token, SECOND_FACTOR_COOKIE.options);
}

/** The user waiting at the second-factor step, if this browser has a live challenge. */
export async function pendingSecondFactor() {
  const token = (await cookies()).get(SECOND_FACTOR_COOKIE.name)?.value;
  if (!token) return null;
  const challenge = await peekAuthToken(token, "SECOND_FACTOR");
  if (!challenge?.userId) return null;
  const user = await db.user.findUnique({
    where: { id: challenge.userId },
    select: {
      id: true,
      role: true,
      email: true,
      totpSecret: true,
      totpEnabledAt: true,
      totpLastStep: true,
      disabledAt: true,
      dealer: { select: { deactivatedAt: true } },
    },
  });
  if (!user || user.disabledAt || user.dealer?.deactivatedAt) return null;
  return { token, user, data: challenge.data as ChallengeData };
}

export type SecondFactorProof = { kind: "totp"; code: string } | { kind: "recovery"; code: string };

/**
 * Check the second factor and, when it holds, start a strong session. Wrong codes count against
 * the user (ASVS 6.3.1), whatever browser they come from.
 */
export async function completeSecondFactor(
  proof: SecondFactorProof,
  now: Date = new Date(),
): Promise<{ role: Role; callbackUrl?: string }> {
  const pending = await pendingSecondFactor();
  if (!pending) throw new AppError("UNAUTHENTICATED", { messageKey: "secondFactor.expired" });
  const { user } = pending;
  const keys: ThrottleKey[] = [{ kind: "secondFactor", value: user.id }];
  if (!(await reserveAttempt(keys, now)).allowed) {
    await recordAudit({ action: "auth.second_factor", outcome: "FAILURE", actorId: user.id, details: { reason: "throttled" } });
    throw new AppError("RATE_LIMITED", { messageKey: "signIn.throttled" });
  }

  const ok = proof.kind === "totp" ? await acceptTotp(user, proof.code, now) : await redeemRecoveryCode(user.id, proof.code);
  if (!ok) {
    await recordAudit({ action: "auth.second_factor", outcome: "FAILURE", actorId: user.id, details: { kind: proof.kind } });
    throw new AppError("UNAUTHENTICATED", { messageKey: "secondFactor.wrongCode" });
  }
  const consumed = await consumeAuthToken(pending.token, "SECOND_FACTOR", now);
  if (!consumed) throw new AppError("UNAUTHENTICATED", { messageKey: "secondFactor.expired" });
  await settleSuccess(keys);
  (await cookies()).set(SECOND_FACTOR_COOKIE.name, "", SECOND_FACTOR_COOKIE.cleared);
  await startSession(user, { method: pending.data.method, strong: true });
  await recordAudit({
    action: "auth.sign_in",
    outcome: "SUCCESS",
    actorId: user.id,
    details: { method: pending.data.method, secondFactor: proof.kind },
  });
  return { role: user.role, callbackUrl: pending.data.callbackUrl };
}

/**
 * A TOTP code is accepted once: the step it belongs to must be newer than the last accepted one,
 * and the update is conditional so two parallel requests cannot both use it.
 */
export async function acceptTotp(
  user: { id: string; totpSecret: string | null; totpLastStep: number | null },
  code: string,
  now: Date,
): Promise<boolean> {
  if (!user.totpSecret) return false;
  const step = matchTotpStep(openSecret(user.totpSecret), code, now);
  if (step === null) return false;
  const { count } = await db.user.updateMany({
    where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

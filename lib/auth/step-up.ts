import "server-only";
import type { AuthenticationResponseJSON } from "@simplewebauthn/types";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { auth } from "./index";
import { verifyPassword } from "./password";
import { verifyPasskeyAssertion } from "./passkeys";
import { acceptTotp } from "./second-factor";
import { isRecentlyAuthenticated } from "./session-policy";
import { elevateSession, markReauthenticated } from "./sessions";
import { reserveAttempt, settleSuccess, type ThrottleKey } from "./throttle";

/**
 * Step-up (ASVS 7.5.1): changing the email address, password or second factor, linking a
 * provider, and similar actions need a proof of identity from the last few minutes
 * (STEP_UP_MINUTES), not just a session that may have been left open.
 */
export async function requireRecentAuthentication(now: Date = new Date()): Promise<{ sessionId: string }> {
  const session = await auth();
  if (!session?.sessionId) throw new AppError("UNAUTHENTICATED");
  if (!isRecentlyAuthenticated(new Date(session.authenticatedAt), env.STEP_UP_MINUTES, now)) {
    throw new AppError("STEP_UP_REQUIRED");
  }
  return { sessionId: session.sessionId };
}

export async function isStepUpFresh(now: Date = new Date()): Promise<boolean> {
  const session = await auth();
  return Boolean(session && isRecentlyAuthenticated(new Date(session.authenticatedAt), env.STEP_UP_MINUTES, now));
}

/** What the user can prove again with: the re-authentication dialog offers these. */
export async function reauthenticationMethods(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, totpEnabledAt: true, _count: { select: { passkeys: true } } },
  });
  // With a second factor on, the password alone is not enough to prove it is the user again.
  return {
    password: Boolean(user.passwordHash) && !user.totpEnabledAt,
    totp: Boolean(user.totpEnabledAt),
    passkey: user._count.passkeys > 0,
  };
}

export type ReauthProof =
  { kind: "password"; password: string } | { kind: "totp"; code: string } | { kind: "passkey"; response: AuthenticationResponseJSON };

/** Prove identity again inside a session; failures count like sign-in failures. */
export async function reauthenticate(userId: string, sessionId: string, proof: ReauthProof, now: Date = new Date()): Promise<void> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, passwordHash: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  const keys: ThrottleKey[] = [
    { kind: proof.kind === "totp" ? "secondFactor" : "account", value: proof.kind === "totp" ? user.id : user.email },
  ];
  if (!(await reserveAttempt(keys, now)).allowed) throw new AppError("RATE_LIMITED", { messageKey: "signIn.throttled" });

  let ok = false;
  if (proof.kind === "password") ok = !user.totpEnabledAt && (await verifyPassword(user.passwordHash, proof.password));
  else if (proof.kind === "totp") ok = Boolean(user.totpEnabledAt) && (await acceptTotp(user, proof.code, now));
  else ok = (await verifyPasskeyAssertion(proof.response).catch(() => null))?.id === user.id;

  if (!ok) {
    await recordAudit({ action: "auth.reauthenticate", outcome: "FAILURE", actorId: user.id, details: { kind: proof.kind } });
    throw new AppError("UNAUTHENTICATED", { messageKey: "stepUp.failed" });
  }
  await settleSuccess(keys);
  await markReauthenticated(sessionId);
  if (proof.kind !== "password") await elevateSession(sessionId);
  await recordAudit({ action: "auth.reauthenticate", outcome: "SUCCESS", actorId: user.id, details: { kind: proof.kind } });
}

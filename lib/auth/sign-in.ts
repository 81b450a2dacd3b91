import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { requestMeta } from "@/lib/request-context";
import { trustedDeviceFor } from "./device-cookie";
import { verifyPassword } from "./password";
import { beginSecondFactor } from "./second-factor";
import { startSession } from "./sessions";
import { reserveAttempt, settleSuccess, type ThrottleKey } from "./throttle";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Throttle keys for a sign-in attempt: the account named (existing or not) and the client address. */
export async function signInThrottleKeys(email: string): Promise<{ account: ThrottleKey; ip: ThrottleKey }> {
  const { ipAddress } = await requestMeta();
  return { account: { kind: "account", value: email }, ip: { kind: "ip", value: ipAddress ?? "unknown" } };
}

export type SignInOutcome = { next: "session"; role: Role } | { next: "secondFactor" };

/**
 * Email + password sign-in.
 * - Unknown email, wrong password and disabled account all fail the same way, after the same
 *   argon2 work (ASVS 6.3.8).
 * - Attempts are counted, before the password is checked, per typed email (whether an account
 *   exists or not) and per client address; past the free attempts each key is blocked for a
 *   growing delay (ASVS 6.3.1). A blocked key gets the same "too many attempts" answer for known
 *   and unknown emails alike.
 * - A browser holding a valid device cookie for the account (it signed in there before) is
 *   counted on that cookie instead of the account (OWASP device cookies): strangers' failures
 *   then cannot lock the owner out, and the lock they earned stays in place for them.
 * - An account with a second factor continues at the second-factor step; no session yet.
 */
export async function signInWithPassword(
  input: { email: string; password: string; callbackUrl?: string },
  now: Date = new Date(),
): Promise<SignInOutcome> {
  const email = normalizeEmail(input.email);
  const keys = await signInThrottleKeys(email);
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      role: true,
      passwordHash: true,
      passwordChangedAt: true,
      disabledAt: true,
      totpEnabledAt: true,
      dealer: { select: { deactivatedAt: true } },
    },
  });
  // The owner sees attempts on their account in their activity list; unknown emails are kept as typed.
  const actor = user ? { actorId: user.id } : { actorLabel: email };
  const device = user ? await trustedDeviceFor(user) : null;
  const clientKey: ThrottleKey = device ? { kind: "device", value: device.nonce } : keys.account;
  const attempt = await reserveAttempt([clientKey, keys.ip], now);
  if (!attempt.allowed) {
    await recordAudit({
      action: "auth.sign_in",
      outcome: "FAILURE",
      ...actor,
      details: { method: "password", reason: "throttled", ...(device ? { trustedDevice: true } : {}) },
    });
    throw new AppError("RATE_LIMITED", { messageKey: "signIn.throttled" });
  }

  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  // The staff of a deactivated dealer sign in no more than a disabled account (issue 13).
  if (!user || !passwordOk || user.disabledAt || user.dealer?.deactivatedAt) {
    await recordAudit({ action: "auth.sign_in", outcome: "FAILURE", ...actor, details: { method: "password" } });
    if (attempt.blocks.length > 0) {
      await recordAudit({ action: "auth.locked", outcome: "DENIED", ...actor, details: { throttled: attempt.blocks } });
    }
    throw new AppError("UNAUTHENTICATED", { messageKey: "signIn.failed" });
  }
  await settleSuccess([clientKey, keys.ip]);

  if (user.totpEnabledAt) {
    await beginSecondFactor(user.id, { method: "password", callbackUrl: input.callbackUrl });
    return { next: "secondFactor" };
  }
  await startSession(user, { method: "password", strong: false });
  await recordAudit({ action: "auth.sign_in", outcome: "SUCCESS", actorId: user.id, details: { method: "password" } });
  return { next: "session", role: user.role };
}

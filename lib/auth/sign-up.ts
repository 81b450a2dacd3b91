import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { recordPolicyConsents } from "@/lib/consents/record";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { portalUrl } from "@/lib/email/send";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import { assertAcceptablePassword, limitEmailRequests, sendVerificationEmail } from "./email-flows";
import { issueDecoyDeviceCookie, issueDeviceCookie } from "./device-cookie";
import { hashPassword } from "./password";
import { normalizeEmail } from "./sign-in";

/**
 * Sign-up asks only for what an account needs: email, password and agreement to the terms and
 * privacy policy, whose versions are recorded as the first consents. Everything else is asked
 * for when a feature needs it (progressive profiling).
 *
 * The answer is the same whether the address is new or already has an account (no enumeration):
 * a new address gets a verification link, a known one a note that the account exists.
 */
export async function signUp(input: { email: string; password: string; locale: string }, now: Date = new Date()): Promise<void> {
  const email = normalizeEmail(input.email);
  // Sign-up has no second factor yet, so the longer minimum applies (NIST 800-63B-4, ASVS 6.2.1).
  assertAcceptablePassword(input.password, { email, hasSecondFactor: false });
  await limitEmailRequests(email, now);

  // Hashed whether or not the address is new, so both answers take the same time.
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, locale: true } });
  if (existing) {
    await enqueueEmail({
      to: email,
      locale: existing.locale,
      template: { name: "accountExists", url: portalUrl(existing.locale, "/forgot-password") },
    });
    await issueDecoyDeviceCookie();
    return;
  }

  const user = await db
    .$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email, passwordHash, locale: input.locale, role: "CUSTOMER", passwordChangedAt: now },
        select: { id: true, email: true, locale: true },
      });
      await recordPolicyConsents(tx, created.id, ["terms", "privacy"], "web_signup");
      return created;
    })
    .catch((error: unknown) => {
      // Two sign-ups for one address at the same moment: the second behaves like "exists".
      if (isUniqueViolation(error, ["email"])) return null;
      throw error;
    });
  if (!user) return issueDecoyDeviceCookie();
  // This browser chose the password: opening the verification link here proves both (email-proof.ts).
  await issueDeviceCookie(user.id, { passwordChangedAt: now });
  await recordAudit({ action: "auth.sign_up", outcome: "SUCCESS", actorId: user.id });
  await sendVerificationEmail(user);
}

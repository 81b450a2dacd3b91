import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/log";
import { POLICIES, type PolicyId } from "./policies";
import { recordPolicyConsents } from "./record";

const REQUIRED: PolicyId[] = ["terms", "privacy"];

/**
 * Whether the user has accepted the current version of the terms and the privacy policy. Accounts
 * created through a sign-in provider, and everyone after a policy changes, are asked on their way
 * into My Page.
 */
export async function missingPolicyConsents(userId: string): Promise<PolicyId[]> {
  const accepted = await db.consent.findMany({
    where: { userId, withdrawnAt: null, OR: REQUIRED.map((purpose) => ({ purpose, policyVersion: POLICIES[purpose].version })) },
    select: { purpose: true },
  });
  const have = new Set(accepted.map((consent) => consent.purpose));
  return REQUIRED.filter((policy) => !have.has(policy));
}

export async function acceptCurrentPolicies(userId: string): Promise<void> {
  const missing = await missingPolicyConsents(userId);
  if (missing.length === 0) return;
  await db.$transaction((tx) => recordPolicyConsents(tx, userId, missing, "web_prompt"));
  await recordAudit({ action: "consent.given", outcome: "SUCCESS", actorId: userId, details: { policies: missing } });
}

import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { POLICIES, policyTextHash, type PolicyId } from "./policies";

/** Record that a user accepted the current version of policies, inside the caller's transaction. */
export async function recordPolicyConsents(
  tx: Prisma.TransactionClient,
  userId: string,
  policies: PolicyId[],
  channel: string,
): Promise<void> {
  await tx.consent.createMany({
    data: policies.map((purpose) => ({
      userId,
      purpose,
      policyVersion: POLICIES[purpose].version,
      textHash: policyTextHash(purpose),
      channel,
    })),
  });
}

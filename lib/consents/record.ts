import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Record that a user accepted the current version of purposes, inside the caller's transaction:
 * each record keeps purpose, version, the texts' hash and the channel (GDPR 7(1)).
 */
export async function recordPolicyConsents(
  tx: Prisma.TransactionClient,
  userId: string,
  purposes: readonly string[],
  channel: string,
  dealerId?: string,
): Promise<void> {
  for (const purpose of purposes) {
    const current = await tx.policyVersion.findFirstOrThrow({
      where: { purposeId: purpose },
      orderBy: { publishedAt: "desc" },
      select: { version: true, textHash: true },
    });
    await tx.consent.create({
      data: { userId, purpose, policyVersion: current.version, textHash: current.textHash, channel, dealerId },
    });
  }
}

import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * An account keeps at least one way to sign in besides an email link: a password, a passkey or a
 * linked provider. Checked inside the transaction that removes one, after the removal.
 */
export async function assertKeepsSignInMethod(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const left = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, _count: { select: { passkeys: true, accounts: true } } },
  });
  if (!left.passwordHash && left._count.passkeys === 0 && left._count.accounts === 0) {
    throw new AppError("CONFLICT", { messageKey: "security.lastSignInMethod" });
  }
}

/** Unlink a sign-in provider from the user's own account (another provider id is "not found"). */
export async function unlinkProvider(userId: string, provider: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.account.deleteMany({ where: { userId, provider } });
    if (count === 0) throw new AppError("NOT_FOUND");
    await assertKeepsSignInMethod(tx, userId);
  });
  await recordAudit({ action: "auth.provider_unlinked", outcome: "SUCCESS", actorId: userId, details: { provider } });
}

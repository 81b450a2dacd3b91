import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { verifyPassword } from "./password";
import { startSession } from "./sessions";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Email + password sign-in. Unknown email, wrong password and disabled account all fail the same
 * way, after the same argon2 work (ASVS 6.3.8), and every attempt is audited (ASVS 16.3.1).
 * Throttling and the second factor come with issue 3 and plug in here.
 */
export async function signInWithPassword(input: { email: string; password: string }): Promise<{ role: Role }> {
  const email = normalizeEmail(input.email);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, role: true, passwordHash: true, disabledAt: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash, input.password);

  if (!user || !passwordOk || user.disabledAt) {
    await recordAudit({
      action: "auth.sign_in",
      outcome: "FAILURE",
      actorId: user?.id,
      actorLabel: user ? undefined : email,
      details: { method: "password" },
    });
    throw new AppError("UNAUTHENTICATED", { messageKey: "signIn.failed" });
  }

  await startSession(user.id);
  await recordAudit({ action: "auth.sign_in", outcome: "SUCCESS", actorId: user.id, details: { method: "password" } });
  return { role: user.role };
}

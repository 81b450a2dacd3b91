import "server-only";
import { requiresSecondFactor } from "@/lib/auth/permissions";
import { providerButtons } from "@/lib/auth/providers";
import { remainingRecoveryCodes } from "@/lib/auth/recovery-codes";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

/** What the security page shows about the signed-in user's own sign-in methods. */
export async function getSecurityOverview(user: { id: string; role: Role }) {
  const [me, remainingCodes] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: {
        passwordHash: true,
        emailVerified: true,
        totpEnabledAt: true,
        passkeys: { select: { id: true, name: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: "asc" } },
        accounts: { select: { provider: true } },
      },
    }),
    remainingRecoveryCodes(user.id),
  ]);
  const linked = new Set(me.accounts.map((account) => account.provider));
  return {
    hasPassword: Boolean(me.passwordHash),
    /** Passkeys, a second factor and providers can be added only once the address is proven. */
    emailVerified: Boolean(me.emailVerified),
    totpEnabled: Boolean(me.totpEnabledAt),
    remainingCodes,
    /** Staff, admin and dealer accounts cannot turn their second factor off. */
    mustKeepSecondFactor: requiresSecondFactor(user.role),
    passkeys: me.passkeys,
    providers: providerButtons().map((provider) => ({ ...provider, linked: linked.has(provider.id) })),
  };
}

import "server-only";
import { cookies } from "next/headers";
import { keyedHash } from "@/lib/auth/sealed-secrets";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { getOidcProvider, OIDC_COOKIES } from "./provider";

type SessionPayload = { accountId?: string; authorizations?: Record<string, { sid?: string; grantId?: string; persistsLogout?: boolean }> };
type BackchannelClient = { backchannelLogoutUri?: string; backchannelLogout: (sub: string, sid: string) => Promise<void> };

/**
 * Ending single sign-on (issue 16): every app signed in through a provider session is told by
 * back-channel logout (each call bounded by oidc-provider's timeout), the grants that do not
 * outlive a sign-out are revoked with their tokens, and the session is gone, so the next sign-in at
 * an app starts again from the portal's own sign-in.
 */
async function endProviderSession(row: { key: string; payload: Prisma.JsonValue }): Promise<void> {
  const session = row.payload as SessionPayload;
  const provider = await getOidcProvider();
  await Promise.all(
    Object.entries(session.authorizations ?? {}).map(async ([clientId, authorization]) => {
      const client = (await provider.Client.find(clientId).catch(() => undefined)) as BackchannelClient | undefined;
      if (client?.backchannelLogoutUri && session.accountId) {
        await client
          .backchannelLogout(session.accountId, authorization.sid ?? "")
          .catch((error: unknown) => logger.warn({ err: error, clientId }, "back-channel logout failed"));
      }
      if (authorization.grantId && !authorization.persistsLogout) {
        const grantKey = keyedHash(`oidc:Grant:${authorization.grantId}`);
        await db.oidcArtifact.deleteMany({ where: { OR: [{ grantId: authorization.grantId }, { key: grantKey }] } });
      }
    }),
  );
  await db.oidcArtifact.deleteMany({ where: { key: row.key } });
}

/** Signing out of the portal in this browser ends this browser's single sign-on. */
export async function endSingleSignOn(): Promise<void> {
  const id = (await cookies()).get(OIDC_COOKIES.session)?.value;
  if (!id) return;
  const row = await db.oidcArtifact.findUnique({ where: { key: keyedHash(`oidc:Session:${id}`) } });
  if (row) await endProviderSession(row);
}

/**
 * Every browser's single sign-on of an account: when its portal sessions are ended for it (a
 * password change or reset, "sign out other devices", a device signed out from the list), the
 * apps' sign-ins and the tokens bound to them end too. Agents' grants outlive this (they are
 * revoked in Connected apps).
 */
export async function endAllSingleSignOn(accountId: string): Promise<void> {
  const rows = await db.oidcArtifact.findMany({ where: { kind: "Session", accountId }, select: { key: true, payload: true } });
  for (const row of rows) await endProviderSession(row);
}

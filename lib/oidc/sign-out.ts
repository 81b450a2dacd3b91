import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";
import { keyedHash } from "@/lib/auth/sealed-secrets";
import { getOidcProvider, OIDC_COOKIES } from "./provider";

type SessionPayload = { accountId?: string; authorizations?: Record<string, { sid?: string; grantId?: string; persistsLogout?: boolean }> };

/**
 * Signing out of the portal ends this browser's single sign-on too (issue 16): every app signed in
 * through it is told by back-channel logout (each call bounded by oidc-provider's timeout), the
 * grants that do not outlive a sign-out are revoked, and the provider's session is gone, so the
 * next sign-in at an app asks for the password again.
 */
export async function endSingleSignOn(): Promise<void> {
  const id = (await cookies()).get(OIDC_COOKIES.session)?.value;
  if (!id) return;
  const key = keyedHash(`oidc:Session:${id}`);
  const row = await db.oidcArtifact.findUnique({ where: { key } });
  if (!row) return;
  const session = row.payload as SessionPayload;
  const provider = await getOidcProvider();
  await Promise.all(
    Object.entries(session.authorizations ?? {}).map(async ([clientId, authorization]) => {
      const client = (await provider.Client.find(clientId).catch(() => undefined)) as
        { backchannelLogoutUri?: string; backchannelLogout: (sub: string, sid: string) => Promise<void> } | undefined;
      if (client?.backchannelLogoutUri && session.accountId) {
        await client
          .backchannelLogout(session.accountId, authorization.sid ?? "")
          .catch((error: unknown) => logger.warn({ err: error, clientId }, "back-channel logout at portal sign-out failed"));
      }
      if (authorization.grantId && !authorization.persistsLogout) {
        const grantKey = keyedHash(`oidc:Grant:${authorization.grantId}`);
        await db.oidcArtifact.deleteMany({ where: { OR: [{ grantId: authorization.grantId }, { key: grantKey }] } });
      }
    }),
  );
  await db.oidcArtifact.deleteMany({ where: { key } });
}

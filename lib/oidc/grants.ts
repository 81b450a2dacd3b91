import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { openGrantId } from "./adapter";
import { normalizeScopes, type PortalScope } from "./scopes";

/**
 * Connected apps (issue 16): what each app of the brand, or agent, may do for the customer, since
 * when and until when, and what it did lately (its API calls, from the audit log). Revoking ends
 * the grant and every code and token issued under it, at once.
 */
export type ConnectedApp = {
  /** The grant row's key (a keyed hash, no secret): the handle the page revokes by. */
  key: string;
  clientId: string;
  name: string;
  kind: "WEB" | "AGENT" | "SERVICE";
  scopes: PortalScope[];
  grantedAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  activity: { at: Date; method: string; path: string; status: number }[];
};

type GrantPayload = { iat?: number; openid?: { scope?: string } };

export async function listConnectedApps(customerId: string, now: Date = new Date()): Promise<ConnectedApp[]> {
  const grants = await db.oidcArtifact.findMany({
    where: { kind: "Grant", accountId: customerId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: { createdAt: "desc" },
  });
  if (grants.length === 0) return [];
  const clientIds = [...new Set(grants.map((grant) => grant.clientId!).filter(Boolean))];
  const [clients, activity] = await Promise.all([
    db.oidcClient.findMany({ where: { id: { in: clientIds } }, select: { id: true, name: true, kind: true } }),
    db.auditEvent.findMany({
      where: { action: "api.call", subjectIds: { has: customerId }, targetId: { in: clientIds } },
      orderBy: { id: "desc" },
      take: 200,
      select: { at: true, targetId: true, details: true },
    }),
  ]);
  const apps: ConnectedApp[] = [];
  for (const grant of grants) {
    const client = clients.find((candidate) => candidate.id === grant.clientId);
    if (!client) continue;
    const grantId = openGrantId(grant.payload);
    const lastToken = grantId
      ? await db.oidcArtifact.findFirst({
          where: { grantId, kind: { in: ["AccessToken", "RefreshToken"] } },
          orderBy: { createdAt: "desc" },
          select: { createdAt: true },
        })
      : null;
    const payload = grant.payload as GrantPayload;
    apps.push({
      key: grant.key,
      clientId: client.id,
      name: client.name,
      kind: client.kind,
      scopes: normalizeScopes(payload.openid?.scope).filter((scope) => scope !== "openid" && scope !== "offline_access"),
      grantedAt: payload.iat ? new Date(payload.iat * 1000) : grant.createdAt,
      expiresAt: grant.expiresAt,
      lastUsedAt: lastToken?.createdAt ?? null,
      activity: activity
        .filter((event) => event.targetId === client.id)
        .slice(0, 10)
        .map((event) => {
          const details = (event.details ?? {}) as { method?: string; path?: string; status?: number };
          return { at: event.at, method: details.method ?? "", path: details.path ?? "", status: details.status ?? 0 };
        }),
    });
  }
  return apps;
}

/** Revoke one of the customer's grants; another customer's (or an unknown) key is not found. */
export async function revokeConnectedApp(customerId: string, key: string): Promise<void> {
  const grant = await db.oidcArtifact.findFirst({ where: { key, kind: "Grant", accountId: customerId } });
  if (!grant) throw new AppError("NOT_FOUND");
  const grantId = openGrantId(grant.payload);
  await db.$transaction([
    db.oidcArtifact.deleteMany({ where: { key } }),
    ...(grantId ? [db.oidcArtifact.deleteMany({ where: { grantId } })] : []),
  ]);
  await recordAudit({
    action: "oidc.grant_revoked",
    outcome: "SUCCESS",
    actorId: customerId,
    targetType: "OidcClient",
    targetId: grant.clientId ?? undefined,
    subjectIds: [customerId],
  });
}

export type AppCall = { at: Date; app: string; method: string; path: string; status: number };

/**
 * Every app's calls about the customer, newest first, whether or not its grant still holds (a
 * revoked or expired agent's calls stay visible), from the audit log.
 */
export async function listAppCalls(customerId: string, take = 50): Promise<AppCall[]> {
  const events = await db.auditEvent.findMany({
    where: { action: "api.call", subjectIds: { has: customerId } },
    orderBy: { id: "desc" },
    take,
    select: { at: true, targetId: true, details: true },
  });
  return events.map((event) => {
    const details = (event.details ?? {}) as { method?: string; path?: string; status?: number; app?: string };
    return {
      at: event.at,
      app: details.app ?? event.targetId ?? "",
      method: details.method ?? "",
      path: details.path ?? "",
      status: details.status ?? 0,
    };
  });
}

import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/log";
import { keyedHash } from "@/lib/auth/sealed-secrets";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ClientInput } from "./client-schemas";
import { normalizeScopes } from "./scopes";

/**
 * The brand's apps that use the portal's sign-in and API (Staff → Apps, issue 16). A client's
 * secret is shown once, when made or renewed, and kept only as a keyed hash.
 */
export function hashClientSecret(secret: string): string {
  return keyedHash(`oidc:client-secret:${secret}`);
}

function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

function fields(input: ClientInput) {
  const web = input.kind === "WEB";
  return {
    name: input.name,
    redirectUris: input.kind === "SERVICE" ? [] : input.redirectUris,
    postLogoutRedirectUris: web ? input.postLogoutRedirectUris : [],
    backchannelLogoutUri: web && input.backchannelLogoutUri ? input.backchannelLogoutUri : null,
    scopes: normalizeScopes(input.scopes),
    firstParty: web && input.firstParty,
    rateLimitPerMinute: input.rateLimitPerMinute,
  };
}

/** Save a client. A new one gets an id and a secret, returned once. The kind is fixed once saved. */
export async function saveClient(actorId: string, input: ClientInput): Promise<{ id: string; secret?: string }> {
  if (input.id) {
    const existing = await db.oidcClient.findUnique({ where: { id: input.id }, select: { kind: true } });
    if (!existing) throw new AppError("NOT_FOUND");
    if (existing.kind !== input.kind) throw new AppError("VALIDATION", { cause: { kind: "apps.kindFixed" } });
    await db.oidcClient.update({ where: { id: input.id }, data: fields(input) });
    await recordAudit({ action: "oidc.client_saved", outcome: "SUCCESS", actorId, targetType: "OidcClient", targetId: input.id });
    return { id: input.id };
  }
  const id = `app_${randomBytes(9).toString("base64url")}`;
  const secret = newSecret();
  await db.oidcClient.create({ data: { id, kind: input.kind, secretHash: hashClientSecret(secret), ...fields(input) } });
  await recordAudit({
    action: "oidc.client_saved",
    outcome: "SUCCESS",
    actorId,
    targetType: "OidcClient",
    targetId: id,
    details: { created: true },
  });
  return { id, secret };
}

/** A new secret: the old one stops working at once. */
export async function renewClientSecret(actorId: string, id: string): Promise<{ secret: string }> {
  const secret = newSecret();
  const { count } = await db.oidcClient.updateMany({ where: { id }, data: { secretHash: hashClientSecret(secret) } });
  if (count === 0) throw new AppError("NOT_FOUND");
  await recordAudit({ action: "oidc.client_secret_renewed", outcome: "SUCCESS", actorId, targetType: "OidcClient", targetId: id });
  return { secret };
}

/**
 * Disable (or enable again) a client. Disabled, it cannot sign anyone in or get tokens, and the
 * API refuses the tokens it holds (lib/api/caller.ts checks the client on every call).
 */
export async function setClientDisabled(actorId: string, id: string, disabled: boolean): Promise<void> {
  const { count } = await db.oidcClient.updateMany({ where: { id }, data: { disabledAt: disabled ? new Date() : null } });
  if (count === 0) throw new AppError("NOT_FOUND");
  await recordAudit({
    action: "oidc.client_saved",
    outcome: "SUCCESS",
    actorId,
    targetType: "OidcClient",
    targetId: id,
    details: { disabled },
  });
}

export function listClients() {
  return db.oidcClient.findMany({ orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }] });
}

export async function getClient(id: string) {
  const client = await db.oidcClient.findUnique({ where: { id } });
  if (!client) return null;
  const [grants, lastUse] = await Promise.all([
    db.oidcArtifact.count({ where: { kind: "Grant", clientId: id, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } }),
    db.oidcArtifact.findFirst({
      where: { clientId: id, kind: { in: ["AccessToken", "ClientCredentials"] } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
  ]);
  return { ...client, activeGrants: grants, lastTokenAt: lastUse?.createdAt ?? null };
}

import "server-only";
import { errors, type Adapter, type AdapterPayload } from "oidc-provider";
import { keyedHash, openSecret, sealSecret } from "@/lib/auth/sealed-secrets";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { clientMetadata } from "./client-metadata";

/**
 * oidc-provider's storage (decision 0014): every model (Session, Grant, AuthorizationCode,
 * AccessToken, RefreshToken, DeviceCode, Interaction, ...) in one table, OidcArtifact.
 *
 * The id of an opaque token, code or session IS the secret (oidc-provider's opaque format), so the
 * row is keyed by a keyed hash of it, the payload's `jti` is sealed, and a device flow's user code
 * is kept as a keyed hash: a copy of the table gives nothing to replay. `find` restores the jti.
 *
 * Clients are not stored here: `Client` reads the admin-managed OidcClient table on every lookup
 * (oidc-provider caches the built client by its metadata, so an edit or a disabling applies at once).
 */
export class PortalOidcAdapter implements Adapter {
  constructor(private readonly kind: string) {}

  private key(id: string): string {
    return keyedHash(`oidc:${this.kind}:${id}`);
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    // Besides the id, an interaction carries the provider session's cookie value and a device code
    // its user code: sealed too.
    const session = payload.session as { cookie?: string } | undefined;
    const stored = {
      ...payload,
      ...(payload.jti ? { jti: sealSecret(payload.jti) } : {}),
      ...(session?.cookie ? { session: { ...session, cookie: sealSecret(session.cookie) } } : {}),
      ...(payload.userCode ? { userCode: sealSecret(payload.userCode) } : {}),
      ...(typeof payload.deviceCode === "string" ? { deviceCode: sealSecret(payload.deviceCode) } : {}),
    } as Prisma.InputJsonObject;
    const data = {
      kind: this.kind,
      payload: stored,
      grantId: payload.grantId ?? null,
      userCode: payload.userCode ? keyedHash(`oidc:user-code:${payload.userCode}`) : null,
      uid: payload.uid ?? null,
      accountId: payload.accountId ?? null,
      clientId: payload.clientId ?? (payload.params?.client_id as string | undefined) ?? null,
      expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
    };
    await db.oidcArtifact.upsert({ where: { key: this.key(id) }, create: { key: this.key(id), ...data }, update: data });
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    if (this.kind === "Client") return clientMetadata(id);
    return restore(await db.oidcArtifact.findUnique({ where: { key: this.key(id) } }));
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return restore(await db.oidcArtifact.findFirst({ where: { kind: this.kind, uid } }));
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return restore(await db.oidcArtifact.findFirst({ where: { kind: this.kind, userCode: keyedHash(`oidc:user-code:${userCode}`) } }));
  }

  async consume(id: string): Promise<void> {
    // Only once: of two requests racing with one code or refresh token, the second fails here.
    const { count } = await db.oidcArtifact.updateMany({
      where: { key: this.key(id), consumedAt: null },
      data: { consumedAt: new Date() },
    });
    if (count === 0) throw new errors.InvalidGrant(`${this.kind.toLowerCase()} already used`);
  }

  async destroy(id: string): Promise<void> {
    await db.oidcArtifact.deleteMany({ where: { key: this.key(id) } });
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await db.oidcArtifact.deleteMany({ where: { grantId, kind: this.kind } });
  }
}

type Row = { payload: Prisma.JsonValue; expiresAt: Date | null; consumedAt: Date | null } | null;

function restore(row: Row): AdapterPayload | undefined {
  if (!row || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return undefined;
  const payload = row.payload as AdapterPayload;
  const session = payload.session as { cookie?: string } | undefined;
  return {
    ...payload,
    ...(payload.jti ? { jti: openSecret(payload.jti) } : {}),
    ...(session?.cookie ? { session: { ...session, cookie: openSecret(session.cookie) } } : {}),
    ...(payload.userCode ? { userCode: openSecret(payload.userCode) } : {}),
    ...(typeof payload.deviceCode === "string" ? { deviceCode: openSecret(payload.deviceCode) } : {}),
    // After consume(), find() must say so: a reused code or rotated refresh token is refused (and its grant revoked).
    ...(row.consumedAt ? { consumed: Math.floor(row.consumedAt.getTime() / 1000) } : {}),
  };
}

/** The provider's grant id behind a row, for the Connected apps page (the grant's own jti, sealed in its row). */
export function openGrantId(payload: Prisma.JsonValue): string | undefined {
  const jti = (payload as { jti?: string } | null)?.jti;
  return jti ? openSecret(jti) : undefined;
}

import "server-only";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";
import { openSecret, sealSecret } from "@/lib/auth/sealed-secrets";
import { db } from "@/lib/db";

/**
 * The provider's signing keys (decision 0014). RS256, kept sealed. A new key is published at once
 * but signs only after KEY_ACTIVATION_MS, so every app process has reloaded its key set (they check
 * every minute, lib/oidc/provider.ts) before any token signed with it reaches a client. A key
 * replaced by a newer one stays published for RETIRED_KEY_DAYS, longer than any ID token used as a
 * logout hint, then goes.
 */
export const KEY_ACTIVATION_MS = 5 * 60_000;
export const RETIRED_KEY_DAYS = 30;

export type SigningKeys = { keys: JWK[]; fingerprint: string };

async function newKey(): Promise<{ kid: string; sealedJwk: string }> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { kid, sealedJwk: sealSecret(JSON.stringify({ ...jwk, kid, alg: "RS256", use: "sig" })) };
}

/**
 * The key set to build the provider with: the signing key first (the newest active one), then the
 * others still published. Makes the first key when there is none (a fresh database).
 */
export async function loadSigningKeys(now: Date = new Date()): Promise<SigningKeys> {
  let rows = await db.oidcSigningKey.findMany({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } });
  if (rows.length === 0) {
    // Two processes starting together may both make one: both are published, and both pick the newest to sign.
    const first = await newKey();
    await db.oidcSigningKey.create({ data: { ...first, createdAt: new Date(now.getTime() - KEY_ACTIVATION_MS) } });
    rows = await db.oidcSigningKey.findMany({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } });
  }
  const active = rows.find((row) => row.createdAt.getTime() + KEY_ACTIVATION_MS <= now.getTime()) ?? rows[rows.length - 1]!;
  const ordered = [active, ...rows.filter((row) => row.kid !== active.kid)];
  return {
    keys: ordered.map((row) => JSON.parse(openSecret(row.sealedJwk)) as JWK),
    fingerprint: ordered.map((row) => row.kid).join(","),
  };
}

/**
 * Rotation: add a new key (it signs after KEY_ACTIVATION_MS) and mark keys replaced long ago as
 * retired. Returns the new key's id.
 */
export async function rotateSigningKey(now: Date = new Date()): Promise<string> {
  const key = await newKey();
  const published = await db.oidcSigningKey.findMany({ where: { retiredAt: null }, orderBy: { createdAt: "asc" } });
  const cutoff = now.getTime() - RETIRED_KEY_DAYS * 86_400_000 - KEY_ACTIVATION_MS;
  // A key goes once the key after it has been signing for RETIRED_KEY_DAYS.
  const replacedLongAgo = published.filter((row, index) => (published[index + 1]?.createdAt.getTime() ?? Infinity) < cutoff);
  await db.$transaction([
    db.oidcSigningKey.create({ data: { ...key, createdAt: now } }),
    db.oidcSigningKey.updateMany({ where: { kid: { in: replacedLongAgo.map((row) => row.kid) } }, data: { retiredAt: now } }),
  ]);
  return key.kid;
}

/** The public keys' summary for the admin page. */
export async function listSigningKeys(now: Date = new Date()) {
  const rows = await db.oidcSigningKey.findMany({
    orderBy: { createdAt: "desc" },
    select: { kid: true, createdAt: true, retiredAt: true },
  });
  const { keys } = await loadSigningKeys(now);
  return rows.map((row) => ({ ...row, signing: keys[0]?.kid === row.kid }));
}

import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { OidcClientKind } from "@/lib/generated/prisma/enums";
import { getOidcProvider } from "@/lib/oidc/provider";

/** Test data for the OpenID provider and the API: each call makes a client or grant of its own. */
export async function testClient(kind: OidcClientKind = "AGENT", options: { scopes?: string[]; rateLimitPerMinute?: number } = {}) {
  return db.oidcClient.create({
    data: {
      id: `test_${randomUUID().slice(0, 12)}`,
      name: `Test ${kind.toLowerCase()}`,
      kind,
      scopes: options.scopes ?? ["products:read", "warranty:read", "repairs:read", "repairs:write", "points:read", "points:redeem"],
      redirectUris: kind === "WEB" ? ["http://localhost:4999/callback"] : [],
      rateLimitPerMinute: options.rateLimitPerMinute ?? 1000,
    },
  });
}

/**
 * An access token of `clientId` for the customer, with `scope`, issued by the provider itself
 * under a grant (as after a consent). Returns the token and the grant's id.
 */
export async function testAccessToken(customerId: string, clientId: string, scope: string, gty = "authorization_code") {
  const provider = await getOidcProvider();
  const grant = new provider.Grant({ accountId: customerId, clientId });
  grant.addOIDCScope(`openid ${scope}`);
  const grantId = await grant.save();
  const client = (await provider.Client.find(clientId))!;
  const token = new provider.AccessToken({ accountId: customerId, client, grantId, scope: `openid ${scope}`, gty });
  return { token: await token.save(), grantId };
}

/** A server-to-server token (client credentials) of a SERVICE client. */
export async function testServiceToken(clientId: string, scope: string) {
  const provider = await getOidcProvider();
  const client = (await provider.Client.find(clientId))!;
  const token = new provider.ClientCredentials({ client, scope });
  return token.save();
}

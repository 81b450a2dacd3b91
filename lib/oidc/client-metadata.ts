import "server-only";
import type { AdapterPayload } from "oidc-provider";
import { db } from "@/lib/db";
import { ACR_MFA, ACR_SINGLE, grantTypesForKind } from "./scopes";

/** Extra client metadata the provider passes through (oidc-provider `extraClientMetadata`). */
export const FIRST_PARTY = "urn:owners-portal:first_party";
export const CLIENT_KIND = "urn:owners-portal:kind";

/**
 * An admin-managed client as OAuth client metadata, or undefined when it does not exist or is
 * disabled (then every request of it fails, and the API refuses its tokens: lib/oidc/tokens.ts).
 * The secret is kept as a keyed hash; the provider compares through compareClientSecret.
 */
export async function clientMetadata(clientId: string): Promise<AdapterPayload | undefined> {
  const client = await db.oidcClient.findUnique({ where: { id: clientId } });
  if (!client || client.disabledAt) return undefined;
  const interactive = client.kind === "WEB";
  // An agent approved through the device flow alone has no redirect URI and no code flow.
  const codeFlow = client.kind !== "SERVICE" && client.redirectUris.length > 0;
  const grantTypes = grantTypesForKind(client.kind).filter((type) => codeFlow || type !== "authorization_code");
  return {
    client_id: client.id,
    client_name: client.name,
    ...(client.secretHash
      ? { client_secret: client.secretHash, token_endpoint_auth_method: "client_secret_basic" }
      : { token_endpoint_auth_method: "none" }),
    grant_types: grantTypes,
    response_types: codeFlow ? ["code"] : [],
    redirect_uris: codeFlow ? client.redirectUris : [],
    post_logout_redirect_uris: interactive ? client.postLogoutRedirectUris : [],
    ...(interactive && client.backchannelLogoutUri
      ? { backchannel_logout_uri: client.backchannelLogoutUri, backchannel_logout_session_required: true }
      : {}),
    scope: [...client.scopes, ...(client.kind === "SERVICE" ? [] : ["openid", "offline_access"])].join(" "),
    default_acr_values: [ACR_SINGLE, ACR_MFA],
    [FIRST_PARTY]: client.firstParty,
    [CLIENT_KIND]: client.kind,
  };
}

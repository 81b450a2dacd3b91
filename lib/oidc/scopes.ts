/**
 * What a token may reach (issue 16, decision 0014): the scopes of the portal's OpenID provider and
 * API. Pure, so the admin forms, the consent screen and the API share one list.
 *
 * Customer scopes are granted by a customer (consent, or a first-party app); `points:redeem` is
 * never remembered: every authorization that asks for it shows the consent screen again. Staff
 * scopes are for server-to-server clients (client credentials), which act for no one customer.
 */
import type { OidcClientKind } from "@/lib/generated/prisma/enums";

export const IDENTITY_SCOPES = ["openid", "profile", "email"] as const;
export const CUSTOMER_API_SCOPES = [
  "products:read",
  "warranty:read",
  "repairs:read",
  "repairs:write",
  "points:read",
  "points:redeem",
] as const;
export const STAFF_API_SCOPES = ["staff:products:read", "staff:repairs:read", "staff:points:read"] as const;

export type IdentityScope = (typeof IDENTITY_SCOPES)[number];
export type CustomerApiScope = (typeof CUSTOMER_API_SCOPES)[number];
export type StaffApiScope = (typeof STAFF_API_SCOPES)[number];
export type ApiScope = CustomerApiScope | StaffApiScope;
export type PortalScope = IdentityScope | ApiScope | "offline_access";

/** Every scope the provider knows (`offline_access` is added for refresh tokens, never chosen by admins). */
export const ALL_SCOPES: readonly PortalScope[] = [...IDENTITY_SCOPES, "offline_access", ...CUSTOMER_API_SCOPES, ...STAFF_API_SCOPES];

/** Asks the customer every time; never part of a remembered grant. */
export const CONFIRM_EVERY_TIME: readonly PortalScope[] = ["points:redeem"];

/** The scopes an admin may give a client of each kind. */
export function scopesForKind(kind: OidcClientKind): readonly PortalScope[] {
  if (kind === "SERVICE") return STAFF_API_SCOPES;
  if (kind === "AGENT") return ["openid", ...CUSTOMER_API_SCOPES];
  return [...IDENTITY_SCOPES, ...CUSTOMER_API_SCOPES];
}

/** The grant types of each kind (OAuth client metadata). */
export function grantTypesForKind(kind: OidcClientKind): string[] {
  if (kind === "SERVICE") return ["client_credentials"];
  if (kind === "AGENT") return ["authorization_code", "urn:ietf:params:oauth:grant-type:device_code", "refresh_token"];
  return ["authorization_code", "refresh_token"];
}

/** A space-separated scope string, in the order of ALL_SCOPES, without unknown or repeated names. */
export function normalizeScopes(value: string | readonly string[] | undefined): PortalScope[] {
  const wanted = new Set(typeof value === "string" ? value.split(/\s+/) : (value ?? []));
  return ALL_SCOPES.filter((scope) => wanted.has(scope));
}

/** Authentication context: a password (or a link, or a provider) alone, or with a second factor or passkey. */
export const ACR_SINGLE = "urn:owners-portal:acr:1fa";
export const ACR_MFA = "urn:owners-portal:acr:mfa";

/** How long a customer may let an agent act for them. */
export const AGENT_GRANT_DAYS = [1, 7, 30, 90] as const;

/** The message catalog key of a scope (`oidc.scopes.<key>`): dots and colons are not key characters. */
type Underscored<S extends string> = S extends `${infer A}:${infer B}` ? Underscored<`${A}_${B}`> : S;
export function scopeMessageKey(scope: PortalScope): Underscored<PortalScope> {
  return scope.replaceAll(":", "_") as Underscored<PortalScope>;
}

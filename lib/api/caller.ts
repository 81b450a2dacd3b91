import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OidcClientKind } from "@/lib/generated/prisma/enums";
import { getOidcProvider } from "@/lib/oidc/provider";
import { CONFIRM_EVERY_TIME } from "@/lib/oidc/scopes";

/**
 * Who calls the API (issue 16): an access token of the portal's OpenID provider, checked in this
 * process (opaque tokens: a revoked grant, a disabled client or customer stops it at once).
 */
export type ApiCaller = {
  clientId: string;
  clientName: string;
  kind: OidcClientKind;
  scopes: ReadonlySet<string>;
  /** The customer the token acts for; null for a server-to-server token (client credentials). */
  customer: Actor | null;
  grantId: string | null;
  rateLimitPerMinute: number;
};

export class ApiAuthError extends AppError {
  constructor(
    readonly bearerError: "invalid_token" | "insufficient_scope" | null,
    readonly scope?: string,
  ) {
    super(bearerError === "insufficient_scope" ? "FORBIDDEN" : "UNAUTHENTICATED", {
      messageKey: bearerError === "insufficient_scope" ? "api.insufficientScope" : "api.invalidToken",
    });
  }
}

export async function authenticateApiCaller(request: Request): Promise<ApiCaller> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer ([\w.~+/-]+=*)$/i.exec(header.trim());
  if (!match) throw new ApiAuthError(header ? "invalid_token" : null);
  const value = match[1]!;
  const provider = await getOidcProvider();
  const token = (await provider.AccessToken.find(value)) ?? (await provider.ClientCredentials.find(value));
  if (!token || token.isExpired) throw new ApiAuthError("invalid_token");
  const client = await db.oidcClient.findUnique({ where: { id: token.clientId } });
  if (!client || client.disabledAt) throw new ApiAuthError("invalid_token");

  let customer: Actor | null = null;
  const accountId = "accountId" in token ? (token.accountId as string | undefined) : undefined;
  const grantId = "grantId" in token ? (token.grantId as string | undefined) : undefined;
  if (accountId) {
    // The grant still exists (not revoked in Connected apps, not past the customer's chosen end).
    const grant = grantId ? await provider.Grant.find(grantId) : undefined;
    if (!grant || grant.accountId !== accountId || grant.clientId !== client.id) throw new ApiAuthError("invalid_token");
    const user = await db.user.findUnique({ where: { id: accountId }, select: { role: true, disabledAt: true, erasureRequestedAt: true } });
    if (!user || user.role !== "CUSTOMER" || user.disabledAt || user.erasureRequestedAt) throw new ApiAuthError("invalid_token");
    customer = { id: accountId, role: "CUSTOMER", dealerId: null };
  } else if (client.kind !== "SERVICE") {
    throw new ApiAuthError("invalid_token");
  }
  return {
    clientId: client.id,
    clientName: client.name,
    kind: client.kind,
    // Spending points needs the customer's fresh confirmation: never through a refreshed token.
    scopes: new Set(
      String(token.scope ?? "")
        .split(" ")
        .filter(
          (scope) =>
            scope &&
            !(String((token as { gty?: string }).gty ?? "").includes("refresh_token") && CONFIRM_EVERY_TIME.includes(scope as never)),
        ),
    ),
    customer,
    grantId: grantId ?? null,
    rateLimitPerMinute: client.rateLimitPerMinute,
  };
}

import "server-only";
import type { Provider } from "next-auth/providers";
import Google from "next-auth/providers/google";
import Line from "next-auth/providers/line";
import { env } from "@/lib/env";

/**
 * Social and enterprise sign-in, each enabled by its environment variables (README). The issuer
 * overrides exist for the test suite, which stands a local OpenID provider in for Google and LINE.
 */
export function configuredProviders(): Provider[] {
  const providers: Provider[] = [];
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(
      Google({
        clientId: env.AUTH_GOOGLE_ID,
        clientSecret: env.AUTH_GOOGLE_SECRET,
        ...(env.AUTH_GOOGLE_ISSUER ? { issuer: env.AUTH_GOOGLE_ISSUER } : {}),
      }),
    );
  }
  if (env.AUTH_LINE_ID && env.AUTH_LINE_SECRET) {
    providers.push(
      Line({
        clientId: env.AUTH_LINE_ID,
        clientSecret: env.AUTH_LINE_SECRET,
        // LINE gives the email address only with the "email" scope (and the user's permission).
        authorization: { params: { scope: "openid profile email" } },
        ...(env.AUTH_LINE_ISSUER ? { issuer: env.AUTH_LINE_ISSUER } : {}),
      }),
    );
  }
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    providers.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
      checks: ["pkce", "state", "nonce"],
    });
  }
  return providers;
}

/** Ids and names for the sign-in page's buttons. */
export function providerButtons(): { id: string; name: string }[] {
  return configuredProviders().map((provider) => {
    const p = typeof provider === "function" ? provider() : provider;
    return { id: p.id, name: p.name };
  });
}

/** Whether `id` names a provider this portal has configured (others are "not found"). */
export function isConfiguredProvider(id: string): boolean {
  return providerButtons().some((provider) => provider.id === id);
}

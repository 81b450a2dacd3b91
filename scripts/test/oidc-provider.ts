/**
 * A local OpenID Connect provider (npm oidc-provider) standing in for Google, LINE and a generic
 * OIDC issuer in the end-to-end tests. Its development login form accepts any login; a login that
 * looks like an email address becomes the account's verified email. Test-only; loopback only.
 */
import Provider from "oidc-provider";
import { E2E_OIDC_CLIENTS, E2E_OIDC_PORT } from "./e2e-env.ts";

const appUrl = process.env.E2E_APP_URL ?? "http://localhost:3100";
const issuer = `http://localhost:${E2E_OIDC_PORT}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: E2E_OIDC_CLIENTS.oidc.id,
      client_secret: E2E_OIDC_CLIENTS.oidc.secret,
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
    },
    {
      client_id: E2E_OIDC_CLIENTS.google.id,
      client_secret: E2E_OIDC_CLIENTS.google.secret,
      redirect_uris: [`${appUrl}/api/auth/callback/google`],
    },
    {
      // LINE signs its ID tokens with the channel secret (HS256).
      client_id: E2E_OIDC_CLIENTS.line.id,
      client_secret: E2E_OIDC_CLIENTS.line.secret,
      redirect_uris: [`${appUrl}/api/auth/callback/line`],
      id_token_signed_response_alg: "HS256",
    },
  ],
  enabledJWA: { idTokenSigningAlgValues: ["RS256", "HS256"] },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // Put the claims in the ID token, as Google and LINE do.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => false },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, ...(id.includes("@") ? { email: id, email_verified: true } : {}), name: `OIDC ${id.split("@")[0]}` };
      },
    };
  },
});
provider.proxy = false;

const server = provider.listen(E2E_OIDC_PORT, "127.0.0.1");
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));

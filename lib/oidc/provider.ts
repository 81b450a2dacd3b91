import "server-only";
import { hkdfSync, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import Provider, { interactionPolicy, type Configuration } from "oidc-provider";
import { recordAudit } from "@/lib/audit/log";
import { keyedHash } from "@/lib/auth/sealed-secrets";
import { hashToken } from "@/lib/auth/token-hash";
import { SESSION_COOKIE } from "@/lib/auth/cookies";
import { findLiveSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import type { RequestMeta } from "@/lib/request-context";
import { PortalOidcAdapter } from "./adapter";
import { CLIENT_KIND, FIRST_PARTY } from "./client-metadata";
import { loadSigningKeys } from "./keys";
import { deviceConfirmPage, deviceInputPage, deviceSuccessPage, errorPage, localeOf, logoutPage, loggedOutPage } from "./pages";
import { ACR_MFA, ACR_SINGLE, ALL_SCOPES, CONFIRM_EVERY_TIME } from "./scopes";

/**
 * The portal as an OpenID provider (issue 16, decision 0014), on oidc-provider. It is mounted at
 * /oidc by scripts/serve.ts, before Next; the login and consent screens are Next pages under
 * /{locale}/oidc/{uid} (app/[locale]/oidc), so our own sign-in, second factor and passkeys are the
 * login. Built once per process in instrumentation.ts, and again when the signing keys change.
 */
export const OIDC_PATH = "/oidc";
export const issuer = `${env.AUTH_URL.replace(/\/$/, "")}${OIDC_PATH}`;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** A portal served on localhost (development, the tests, the demo) may call back to local apps. */
const localPortal = LOCAL_HOSTS.has(new URL(env.AUTH_URL).hostname);

export const OIDC_COOKIES = { session: "op_session", interaction: "op_interaction", resume: "op_resume" } as const;

function policy() {
  const { Check, base } = interactionPolicy;
  const prompts = base();
  const login = prompts.get("login")!;
  // Single sign-on lasts as long as the portal session of the same person in this browser.
  login.checks.add(
    new Check("portal_session", "the portal session has ended", async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || ctx.oidc.result?.login) return Check.NO_NEED_TO_PROMPT;
      const token = ctx.cookies.get(SESSION_COOKIE.name, { signed: false });
      const live = token ? await findLiveSession(token) : null;
      return live?.userId === accountId ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
    }),
  );
  // acr_values is a wish in OpenID Connect; an app that accepts only a second factor gets one.
  login.checks.add(
    new Check("second_factor", "the app requires a second factor", (ctx) => {
      const wanted = String(ctx.oidc.params?.acr_values ?? "")
        .split(/\s+/)
        .filter(Boolean);
      const onlyMfa = wanted.length > 0 && wanted.every((value) => value === ACR_MFA);
      return onlyMfa && ctx.oidc.acr !== ACR_MFA && !ctx.oidc.result?.login ? Check.REQUEST_PROMPT : Check.NO_NEED_TO_PROMPT;
    }),
  );
  // Spending points is confirmed by the customer on every authorization that asks for it.
  prompts.get("consent")!.checks.add(
    new Check("confirm_every_time", "a scope needs a fresh confirmation", (ctx) => {
      const asks = [...ctx.oidc.requestParamScopes].some((scope) => CONFIRM_EVERY_TIME.includes(scope as never));
      return asks && !ctx.oidc.result?.consent ? Check.REQUEST_PROMPT : Check.NO_NEED_TO_PROMPT;
    }),
  );
  return prompts;
}

function configuration(jwks: { keys: object[] }): Configuration {
  return {
    adapter: PortalOidcAdapter,
    jwks: jwks as Configuration["jwks"],
    cookies: {
      keys: [Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "owners-portal", "oidc-cookies v1", 32)).toString("base64url")],
      names: OIDC_COOKIES,
    },
    scopes: [...ALL_SCOPES],
    claims: {
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
      openid: ["sub"],
      profile: ["name", "locale"],
      email: ["email", "email_verified"],
    },
    acrValues: [ACR_SINGLE, ACR_MFA],
    extraClientMetadata: { properties: [FIRST_PARTY, CLIENT_KIND] },
    interactions: {
      policy: policy(),
      url: (ctx, interaction) => `/${localeOf(ctx)}/oidc/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      introspection: {
        enabled: true,
        // A client may ask about its own tokens only.
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      backchannelLogout: { enabled: true },
      // Agents: the customer approves with the code the agent shows, or the link that carries it.
      deviceFlow: {
        enabled: true,
        charset: "base-20",
        mask: "****-****",
        userCodeInputSource: deviceInputPage,
        userCodeConfirmSource: deviceConfirmPage,
        successSource: deviceSuccessPage,
      },
      rpInitiatedLogout: { enabled: true, logoutSource: logoutPage, postLogoutSuccessSource: loggedOutPage },
      // Only JWT access tokens need resource indicators; ours are opaque, so they can be revoked at once.
      resourceIndicators: { enabled: false },
      // The API takes bearer tokens; sender-constrained tokens would pass its check unbound.
      dPoP: { enabled: false },
    },
    // The code flow only (no implicit or hybrid); secrets are compared as keyed hashes, so no client_secret_jwt.
    responseTypes: ["code"],
    clientAuthMethods: ["client_secret_basic", "client_secret_post", "none"],
    pkce: { required: () => true },
    rotateRefreshToken: true,
    // Web apps keep their users signed in with refresh tokens bound to the sign-in (they end with it);
    // offline_access (agents) makes them outlive it, up to the grant's expiry.
    // A token that may spend points is never refreshed: it lives ten minutes after the customer's
    // confirmation, and a later token with it needs a new confirmation.
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed("refresh_token") && !CONFIRM_EVERY_TIME.some((scope) => code.scopes.has(scope)),
    ttl: {
      AccessToken: 600,
      ClientCredentials: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 900,
      DeviceCode: 600,
      RefreshToken: 14 * 86_400,
      Grant: 30 * 86_400,
      Session: 14 * 86_400,
    },
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      // The brand's own apps need no consent screen for what they are allowed (never for points:redeem).
      if (!ctx.oidc.client![FIRST_PARTY] || ctx.oidc.client![CLIENT_KIND] !== "WEB") return existing;
      const grant =
        existing ?? new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      const scopes = [...ctx.oidc.requestParamOIDCScopes].filter((scope) => !CONFIRM_EVERY_TIME.includes(scope as never));
      if (scopes.length > 0) grant.addOIDCScope(scopes.join(" "));
      await grant.save();
      return grant;
    },
    async findAccount(_ctx, sub) {
      const user = await db.user.findUnique({
        where: { id: sub },
        select: {
          id: true,
          name: true,
          email: true,
          emailVerified: true,
          locale: true,
          role: true,
          disabledAt: true,
          erasureRequestedAt: true,
        },
      });
      if (!user || user.role !== "CUSTOMER" || user.disabledAt || user.erasureRequestedAt) return undefined;
      return {
        accountId: user.id,
        claims: async () => ({
          sub: user.id,
          name: user.name ?? undefined,
          locale: user.locale,
          email: user.email,
          email_verified: Boolean(user.emailVerified),
        }),
      };
    },
    clientBasedCORS: (_ctx, origin, client) => client.redirectUris?.some((uri) => new URL(uri).origin === origin) ?? false,
    // oidc-provider refuses to call private and loopback addresses (SSRF); a portal on localhost
    // (development, tests, demo) calls back to the apps beside it.
    fetch: (url, options) => {
      if (localPortal && LOCAL_HOSTS.has(new URL(url instanceof Request ? url.url : url).hostname))
        delete (options as { dispatcher?: unknown }).dispatcher;
      return fetch(url, options);
    },
    renderError: errorPage,
  };
}

async function endPortalSession(token: string, meta: RequestMeta): Promise<void> {
  const session = await db.session.findUnique({ where: { sessionToken: hashToken(token) }, select: { id: true, userId: true } });
  if (!session) return;
  await db.session.deleteMany({ where: { id: session.id } });
  await recordAudit({ action: "auth.sign_out", outcome: "SUCCESS", actorId: session.userId, details: { via: "oidc_logout" }, meta });
}

type Mounted = { provider: Provider; fingerprint: string; handle: (request: IncomingMessage, response: ServerResponse) => void };
const holder = globalThis as unknown as { portalOidc?: Mounted; portalOidcBuilding?: Promise<Mounted> };

async function build(): Promise<Mounted> {
  const { keys, fingerprint } = await loadSigningKeys();
  const provider = new Provider(issuer, configuration({ keys }));
  // Behind TLS offload the provider must trust X-Forwarded-Proto/Host, as scripts/serve.ts does.
  provider.proxy = env.TRUSTED_PROXY_HOPS > 0;
  // Client secrets are kept as keyed hashes (lib/oidc/clients.ts); HS* signing is therefore not offered.
  provider.Client.prototype.compareClientSecret = async function compare(this: { clientSecret?: string }, actual: string) {
    const expected = Buffer.from(this.clientSecret ?? "", "utf8");
    const given = Buffer.from(keyedHash(`oidc:client-secret:${actual}`), "utf8");
    return expected.length === given.length && timingSafeEqual(expected, given);
  };
  provider.on("server_error", (_ctx, error) => logger.error({ err: error }, "oidc server error"));
  provider.on("backchannel.error", (_ctx, error, client) =>
    logger.warn({ err: error, clientId: client.clientId }, "oidc back-channel logout failed"),
  );
  // "Sign out of the portal and every app" on an app's logout page ends the portal session too.
  provider.on("end_session.success", (ctx) => {
    if (!ctx.oidc.params?.logout) return;
    const token = ctx.cookies.get(SESSION_COOKIE.name, { signed: false });
    if (!token) return;
    ctx.cookies.set(SESSION_COOKIE.name, null, { ...SESSION_COOKIE.options, signed: false });
    void endPortalSession(token, { ipAddress: ctx.ip, userAgent: ctx.get("user-agent") || undefined }).catch((error: unknown) =>
      logger.error({ err: error }, "ending the portal session at an app's logout failed"),
    );
  });
  const callback = provider.callback();
  return {
    provider,
    fingerprint,
    handle: (request, response) => {
      // oidc-provider works out its mount path from originalUrl.
      (request as IncomingMessage & { originalUrl?: string }).originalUrl = request.url;
      request.url = request.url!.slice(OIDC_PATH.length) || "/";
      void callback(request, response);
    },
  };
}

/** The provider of this process (built on first use). */
export async function getOidcProvider(): Promise<Provider> {
  if (holder.portalOidc) return holder.portalOidc.provider;
  holder.portalOidcBuilding ??= build().then((mounted) => (holder.portalOidc = mounted));
  return (await holder.portalOidcBuilding).provider;
}

/** Build the provider again when the signing keys changed (a rotation, or a key becoming active). */
export async function reloadOidcProviderIfKeysChanged(): Promise<void> {
  const { fingerprint } = await loadSigningKeys();
  if (holder.portalOidc && holder.portalOidc.fingerprint === fingerprint) return;
  holder.portalOidc = await build();
  holder.portalOidcBuilding = Promise.resolve(holder.portalOidc);
}

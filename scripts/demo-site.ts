/**
 * A second site of the brand (issue 16): a small relying party that signs its visitors in through
 * the portal's OpenID provider, shows their products through the portal's API, and signs them out
 * by RP-initiated logout; the portal tells it by back-channel logout when a sign-in ends.
 * Used by the e2e tests and the README demo; in-memory sessions, no styling worth the name.
 *
 *   node --import tsx scripts/demo-site.ts
 *   env: PORTAL_URL (http://localhost:3000), DEMO_SITE_PORT (4000), DEMO_SITE_CLIENT_ID, DEMO_SITE_CLIENT_SECRET
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oidc from "openid-client";

const portal = (process.env.PORTAL_URL ?? "http://localhost:3000").replace(/\/$/, "");
const port = Number(process.env.DEMO_SITE_PORT ?? 4000);
const clientId = process.env.DEMO_SITE_CLIENT_ID ?? "demo-site";
const clientSecret = process.env.DEMO_SITE_CLIENT_SECRET ?? "demo-site-secret-for-localhost-only";
const site = `http://localhost:${port}`;
const issuer = `${portal}/oidc`;

type Visit = { sub?: string; name?: string; sid?: string; idToken?: string; accessToken?: string; state?: string; verifier?: string };
const visits = new Map<string, Visit>();
let config: oidc.Configuration | undefined;

async function discovered(): Promise<oidc.Configuration> {
  const insecure = portal.startsWith("http:") ? { execute: [oidc.allowInsecureRequests] } : undefined;
  config ??= await oidc.discovery(new URL(issuer), clientId, clientSecret, undefined, insecure);
  return config;
}

function visitOf(request: IncomingMessage, response: ServerResponse): Visit {
  const id = /(?:^|;\s*)demo_site=([\w-]+)/.exec(request.headers.cookie ?? "")?.[1];
  if (id && visits.has(id)) return visits.get(id)!;
  const fresh = randomBytes(16).toString("base64url");
  visits.set(fresh, {});
  response.setHeader("Set-Cookie", `demo_site=${fresh}; Path=/; HttpOnly; SameSite=Lax`);
  return visits.get(fresh)!;
}

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function html(response: ServerResponse, body: string, status = 200): void {
  response.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  response.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Demo site</title></head>
<body style="font-family:system-ui;max-width:40rem;margin:2rem auto;padding:0 1rem"><h1>Demo site</h1>${body}</body></html>`);
}

async function home(visit: Visit, response: ServerResponse): Promise<void> {
  if (!visit.sub) return html(response, `<p id="state">Signed out</p><p><a href="/login">Sign in with the portal</a></p>`);
  const api = await fetch(`${portal}/api/v1/products`, { headers: { Authorization: `Bearer ${visit.accessToken}` } });
  const products = api.ok ? ((await api.json()) as { data: { model: { name: string }; serialNumber: string }[] }).data : [];
  const list = products.map((p) => `<li>${escape(p.model.name)} <code>${escape(p.serialNumber)}</code></li>`).join("");
  html(
    response,
    `<p id="state">Signed in as <strong id="name">${escape(visit.name ?? visit.sub)}</strong></p>
<h2>Your products</h2>${api.ok ? (list ? `<ul id="products">${list}</ul>` : `<p id="products">No products registered yet.</p>`) : `<p id="api-error">API answered ${api.status}</p>`}
<p><a href="/logout">Sign out</a></p>`,
  );
}

const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? "/", site);
    if (url.pathname === "/health") return void response.end("ok");
    if (url.pathname === "/backchannel-logout" && request.method === "POST") {
      let body = "";
      for await (const chunk of request) body += chunk;
      const token = new URLSearchParams(body).get("logout_token") ?? "";
      const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(`${issuer}/jwks`)), {
        issuer,
        audience: clientId,
        typ: "logout+jwt",
        maxTokenAge: "2 min",
      });
      const events = payload.events as Record<string, unknown> | undefined;
      if (!events?.["http://schemas.openid.net/event/backchannel-logout"] || "nonce" in payload) return void response.writeHead(400).end();
      for (const visit of visits.values()) {
        if (visit.sid && visit.sid === payload.sid) for (const key of Object.keys(visit)) delete visit[key as keyof Visit];
      }
      console.log(`[demo-site] back-channel logout for sid ${String(payload.sid)}`);
      return void response.writeHead(200, { "Cache-Control": "no-store" }).end();
    }
    const visit = visitOf(request, response);
    const cfg = await discovered();
    if (url.pathname === "/login") {
      visit.verifier = oidc.randomPKCECodeVerifier();
      visit.state = oidc.randomState();
      const target = oidc.buildAuthorizationUrl(cfg, {
        redirect_uri: `${site}/callback`,
        scope: url.searchParams.get("scope") ?? "openid profile email products:read",
        code_challenge: await oidc.calculatePKCECodeChallenge(visit.verifier),
        code_challenge_method: "S256",
        state: visit.state,
        ...(url.searchParams.get("prompt") ? { prompt: url.searchParams.get("prompt")! } : {}),
      });
      return void response.writeHead(303, { Location: target.href }).end();
    }
    if (url.pathname === "/callback") {
      if (url.searchParams.get("error"))
        return html(response, `<p id="error">${escape(url.searchParams.get("error")!)}</p><p><a href="/">Home</a></p>`);
      const tokens = await oidc.authorizationCodeGrant(cfg, url, { pkceCodeVerifier: visit.verifier, expectedState: visit.state });
      const claims = tokens.claims()!;
      const info = await oidc.fetchUserInfo(cfg, tokens.access_token, claims.sub);
      Object.assign(visit, {
        sub: claims.sub,
        sid: claims.sid as string,
        idToken: tokens.id_token,
        accessToken: tokens.access_token,
        name: info.name,
      });
      return void response.writeHead(303, { Location: "/" }).end();
    }
    if (url.pathname === "/logout") {
      if (!visit.idToken) return void response.writeHead(303, { Location: "/" }).end();
      const target = oidc.buildEndSessionUrl(cfg, { id_token_hint: visit.idToken, post_logout_redirect_uri: `${site}/` });
      return void response.writeHead(303, { Location: target.href }).end();
    }
    if (url.pathname === "/") return await home(visit, response);
    response.writeHead(404).end();
  } catch (error) {
    console.error("[demo-site]", error);
    html(response, `<p id="error">${escape(String(error))}</p>`, 500);
  }
});

server.listen(port, "localhost", () => console.log(`[demo-site] ${site} (client ${clientId}, portal ${portal})`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));

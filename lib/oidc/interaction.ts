import "server-only";
import { cookies } from "next/headers";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { InteractionResults } from "oidc-provider";
import { auth } from "@/lib/auth";
import { recordAudit } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import { CLIENT_KIND, FIRST_PARTY } from "./client-metadata";
import { getOidcProvider } from "./provider";
import { ACR_MFA, ACR_SINGLE, AGENT_GRANT_DAYS, CONFIRM_EVERY_TIME, normalizeScopes, type PortalScope } from "./scopes";

/**
 * The login and consent steps of an authorization, run by Next pages (app/[locale]/oidc/[uid]).
 * oidc-provider finds the interaction from its cookie alone (path-scoped to /{locale}/oidc/{uid}),
 * so a request made of this request's cookies is all it needs; it writes nothing to the response.
 * Every move back into /oidc must be a full navigation (a native form or a 303 from a route
 * handler), never a server action's redirect, which Next would follow itself (decision 0014).
 */
async function fakeRequest(): Promise<{ req: IncomingMessage; res: ServerResponse }> {
  const cookie = (await cookies())
    .getAll()
    .map(({ name, value }) => `${name}=${value}`)
    .join("; ");
  const req = { headers: { cookie }, url: "/", method: "GET", socket: {}, connection: {} };
  const res = { getHeader() {}, setHeader() {}, removeHeader() {}, headersSent: false };
  return { req: req as unknown as IncomingMessage, res: res as unknown as ServerResponse };
}

export type LoginNeed = "signIn" | "notCustomer" | "confirm" | "secondFactor" | "ready";

export type InteractionView = {
  uid: string;
  prompt: "login" | "consent";
  client: { id: string; name: string; kind: "WEB" | "AGENT" | "SERVICE"; firstParty: boolean };
  /** Scopes the app asks for now, in display order. */
  scopes: PortalScope[];
  /** Of those, the ones the customer has not granted yet (or that ask every time). */
  newScopes: PortalScope[];
  login: LoginNeed;
};

/** The interaction behind this browser's cookie, if it is the one in the URL and still open. */
export async function loadInteraction(uid: string): Promise<InteractionView | null> {
  const provider = await getOidcProvider();
  const { req, res } = await fakeRequest();
  const details = await provider.interactionDetails(req, res).catch(() => null);
  if (!details || details.uid !== uid) return null;
  const client = await provider.Client.find(String(details.params.client_id));
  if (!client) return null;
  const scopes = normalizeScopes(String(details.params.scope ?? ""));
  const missing = new Set([
    ...((details.prompt.details.missingOIDCScope as string[] | undefined) ?? []),
    ...scopes.filter((scope) => CONFIRM_EVERY_TIME.includes(scope)),
  ]);
  return {
    uid,
    prompt: details.prompt.name === "login" ? "login" : "consent",
    client: {
      id: client.clientId,
      name: client.clientName ?? client.clientId,
      kind: (client[CLIENT_KIND] as InteractionView["client"]["kind"]) ?? "WEB",
      firstParty: Boolean(client[FIRST_PARTY]),
    },
    scopes: scopes.filter((scope) => scope !== "offline_access"),
    newScopes: scopes.filter((scope) => missing.has(scope) && scope !== "openid" && scope !== "offline_access"),
    login: details.prompt.name === "login" ? await loginNeed(details) : "ready",
  };
}

type Details = Awaited<ReturnType<Awaited<ReturnType<typeof getOidcProvider>>["interactionDetails"]>>;

/** What stands between this browser and a login result: nothing, a sign-in, a fresh proof, a second factor. */
async function loginNeed(details: Details): Promise<LoginNeed> {
  const session = await auth();
  if (!session?.user?.id) return "signIn";
  if (session.user.role !== "CUSTOMER") return "notCustomer";
  const reasons = details.prompt.reasons;
  const authenticatedAt = new Date(session.authenticatedAt).getTime();
  // prompt=login (and max_age=0, which the provider turns into it): proven after the app asked.
  if (reasons.includes("login_prompt") && authenticatedAt < details.iat * 1000) return "confirm";
  const maxAge = Number(details.params.max_age);
  if (reasons.includes("max_age") && Number.isFinite(maxAge) && Date.now() - authenticatedAt > maxAge * 1000) return "confirm";
  if (reasons.includes("second_factor") && !session.strong) return "secondFactor";
  return "ready";
}

/** The login result: this portal session's person, when they proved it, and how. Returns where to go. */
export async function finishLogin(uid: string): Promise<string> {
  const view = await loadInteraction(uid);
  if (!view || view.prompt !== "login") throw new AppError("NOT_FOUND");
  if (view.login !== "ready") throw new AppError("UNAUTHENTICATED");
  const session = (await auth())!;
  const provider = await getOidcProvider();
  const { req, res } = await fakeRequest();
  const result: InteractionResults = {
    login: {
      accountId: session.user.id,
      ts: Math.floor(new Date(session.authenticatedAt).getTime() / 1000),
      acr: session.strong ? ACR_MFA : ACR_SINGLE,
      amr: session.strong ? ["pwd", "mfa"] : ["pwd"],
      remember: true,
    },
  };
  await recordAudit({
    action: "oidc.login",
    outcome: "SUCCESS",
    actorId: session.user.id,
    targetType: "OidcClient",
    targetId: view.client.id,
    details: { acr: session.strong ? ACR_MFA : ACR_SINGLE },
  });
  return provider.interactionResult(req, res, result, { mergeWithLastSubmission: false });
}

export type ConsentDecision = { scopes: string[]; days?: number };

/** The customer said no (or cancelled the sign-in): the app gets access_denied. */
export async function declineInteraction(uid: string): Promise<string> {
  const view = await loadInteraction(uid);
  if (!view) throw new AppError("NOT_FOUND");
  const session = await auth();
  if (session?.user?.id) {
    await recordAudit({
      action: "oidc.consent_denied",
      outcome: "SUCCESS",
      actorId: session.user.id,
      targetType: "OidcClient",
      targetId: view.client.id,
    });
  }
  const provider = await getOidcProvider();
  const { req, res } = await fakeRequest();
  return provider.interactionResult(
    req,
    res,
    { error: "access_denied", error_description: "The customer declined." },
    { mergeWithLastSubmission: false },
  );
}

/**
 * The customer's answer on the consent screen. A grant keeps what they allowed; an agent's grant
 * ends after the days they chose (its tokens and refresh tokens with it). Only scopes the app
 * asked for can be allowed.
 */
export async function finishConsent(uid: string, decision: ConsentDecision): Promise<string> {
  const view = await loadInteraction(uid);
  if (!view || view.prompt !== "consent") throw new AppError("NOT_FOUND");
  const session = await auth();
  const provider = await getOidcProvider();
  const { req, res } = await fakeRequest();
  const details = await provider.interactionDetails(req, res);
  if (!session?.user?.id || details.session?.accountId !== session.user.id) throw new AppError("UNAUTHENTICATED");

  const asked = new Set(normalizeScopes(String(details.params.scope ?? "")));
  const allowed = normalizeScopes(decision.scopes).filter((scope) => asked.has(scope) && scope !== "openid" && scope !== "offline_access");
  const agent = view.client.kind === "AGENT";
  const days = agent ? (AGENT_GRANT_DAYS.find((value) => value === decision.days) ?? 7) : undefined;
  // An agent's grant is made new each time, so the customer's choice of scopes and days is what holds.
  const existing = !agent && details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const grant =
    existing ?? new provider.Grant({ accountId: session.user.id, clientId: view.client.id, ...(days ? { expiresIn: days * 86_400 } : {}) });
  grant.addOIDCScope(["openid", ...(asked.has("offline_access") || agent ? ["offline_access"] : []), ...allowed].join(" "));
  // What the customer unticked is settled as refused, so the consent screen does not come back for
  // it; what they allow now is no longer refused (a refusal would hide it from every token). A
  // scope asked every time is never recorded as refused: it is asked again anyway.
  const refused = [...asked].filter(
    (scope) => scope !== "openid" && scope !== "offline_access" && !allowed.includes(scope) && !CONFIRM_EVERY_TIME.includes(scope),
  );
  const rejected = grant as unknown as { rejected?: { openid?: { scope?: string } } };
  if (rejected.rejected?.openid?.scope) {
    const keep = rejected.rejected.openid.scope.split(" ").filter((scope) => scope && !allowed.includes(scope as PortalScope));
    rejected.rejected.openid.scope = keep.length > 0 ? keep.join(" ") : undefined;
  }
  if (refused.length > 0) grant.rejectOIDCScope(refused.join(" "));
  const grantId = await grant.save();
  await recordAudit({
    action: "oidc.consent_given",
    outcome: "SUCCESS",
    actorId: session.user.id,
    targetType: "OidcClient",
    targetId: view.client.id,
    details: { scopes: allowed, ...(days ? { days } : {}) },
  });
  return provider.interactionResult(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

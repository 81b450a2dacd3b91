import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/log";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { routing, type Locale } from "@/lib/i18n/routing";
import { requestLogger } from "@/lib/log";
import type { ApiScope } from "@/lib/oidc/scopes";
import { API_CSP } from "@/lib/security/headers";
import { badCharactersIn, urlPartsHaveBadCharacters } from "@/lib/validation/text";
import { ApiAuthError, authenticateApiCaller, type ApiCaller } from "./caller";
import { rateLimitHeaders, takeRateLimit, type RateState } from "./rate-limit";

/**
 * Every endpoint of the REST API v1 goes through here (the API twin of defineAction/defineRoute):
 * the bearer token is checked in-process, then the scopes, then the client's rate limit; the
 * handler reads through the same scope predicates as the pages, with the token's customer as the
 * actor, so another customer's record is simply not found (404). Errors are RFC 9457 problem
 * details. Calls of agents, and every write, are in the audit log under the customer they touched.
 */
type Audience = "customer" | "staff";
type ApiConfig = { scopes: readonly ApiScope[]; audience: Audience; path: string };

export type ApiContext<P> = {
  caller: ApiCaller;
  params: P;
  locale: Locale;
  /** Customers whose data the answer holds (a service's list): the audit entry names them. */
  touched: (customerIds: string[]) => void;
};

const PROBLEM_BASE = `${env.AUTH_URL.replace(/\/$/, "")}/api/v1/docs#problem-`;

function localeOf(request: Request): Locale {
  const header = request.headers.get("accept-language") ?? "";
  const first = header
    .split(",")
    .map((part) => part.trim().slice(0, 2).toLowerCase())
    .find((tag) => (routing.locales as readonly string[]).includes(tag));
  return (first as Locale | undefined) ?? routing.defaultLocale;
}

export function problem(
  status: number,
  code: string,
  title: string,
  extra: { detail?: string; errors?: { pointer: string; detail: string }[]; headers?: Record<string, string> } = {},
): Response {
  const { headers, ...body } = extra;
  return new Response(JSON.stringify({ type: `${PROBLEM_BASE}${code.toLowerCase()}`, title, status, code, ...body }), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", "Content-Security-Policy": API_CSP, ...headers },
  });
}

export function defineApiRoute<P>(
  config: ApiConfig,
  handler: (request: Request, context: ApiContext<P>) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const locale = localeOf(request);
    const t = (await getTranslations({ locale })) as unknown as Translate;
    let caller: ApiCaller | null = null;
    let rate: RateState | null = null;
    let response: Response;
    let params: P | undefined;
    const touched: string[] = [];
    try {
      caller = await authenticateApiCaller(request);
      if ((config.audience === "customer") !== (caller.customer !== null)) throw new AppError("NOT_FOUND");
      const missing = config.scopes.filter((scope) => !caller!.scopes.has(scope));
      if (missing.length > 0) throw new ApiAuthError("insufficient_scope", config.scopes.join(" "));
      rate = await takeRateLimit(caller.clientId, caller.rateLimitPerMinute);
      if (!rate.allowed) throw new AppError("RATE_LIMITED", { messageKey: "api.rateLimited" });
      const given = await context.params;
      // No record's id holds a control character (conventions: Text input); nor does the audit entry's subject.
      if (urlPartsHaveBadCharacters(Object.values(given ?? {}).flat())) throw new AppError("NOT_FOUND");
      params = given;
      response = await handler(request, { caller, params, locale, touched: (ids) => touched.push(...ids) });
    } catch (error) {
      response = await problemOf(error, t);
      if (!isAppError(error)) (await requestLogger()).error({ err: error }, "API request failed");
    }
    response.headers.set("Cache-Control", response.headers.get("Cache-Control") ?? "no-store");
    response.headers.set("Content-Security-Policy", API_CSP);
    if (rate) {
      for (const [name, value] of Object.entries(rateLimitHeaders(rate))) response.headers.set(name, value);
      if (!rate.allowed) response.headers.set("Retry-After", String(rate.resetSeconds));
    }
    // Agents' calls and every write under the customer they act for; a service's reads of a customer under that customer.
    const subject =
      caller?.customer?.id ??
      (config.audience === "staff" && /\/customers\/\{id\}/.test(config.path) ? (params as { id?: string } | undefined)?.id : undefined);
    if (caller && (caller.kind !== "WEB" || request.method !== "GET")) {
      await recordAudit({
        action: "api.call",
        outcome: response.status < 400 ? "SUCCESS" : "FAILURE",
        actorLabel: `app:${caller.clientId}`,
        targetType: "OidcClient",
        targetId: caller.clientId,
        subjectIds: [...(subject ? [subject] : []), ...touched],
        details: { method: request.method, path: new URL(request.url).pathname, status: response.status, app: caller.clientName },
      });
    }
    return response;
  };
}

/** next-intl's translator, loosely typed: keys here come from error objects. */
type Translate = { (key: string): string; has(key: string): boolean };

async function problemOf(error: unknown, t: Translate): Promise<Response> {
  if (error instanceof ApiAuthError) {
    const challenge = error.bearerError
      ? `Bearer realm="api", error="${error.bearerError}"${error.scope ? `, scope="${error.scope}"` : ""}`
      : `Bearer realm="api"`;
    return problem(error.status, error.bearerError ?? "unauthenticated", t(error.messageKey), {
      headers: { "WWW-Authenticate": challenge },
    });
  }
  if (isAppError(error)) {
    if (error.code === "VALIDATION" && error.cause && typeof error.cause === "object") {
      const errors = Object.entries(error.cause as Record<string, string>).map(([field, key]) => ({
        pointer: `#/${field.replaceAll(".", "/")}`,
        detail: t.has(`validation.${key}`) ? t(`validation.${key}`) : t.has(key) ? t(key) : key,
      }));
      return problem(422, "validation", t("errors.VALIDATION"), { errors });
    }
    const key = error.messageKey.includes(".") ? error.messageKey : `errors.${error.messageKey}`;
    return problem(error.status, error.code, t.has(key) ? t(key) : t("errors.INTERNAL"));
  }
  return problem(500, "internal", t("errors.INTERNAL"));
}

/** A JSON body or query through its zod schema; every problem of every field at once (RFC 9457 `errors`). */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const controls: Record<string, string> = {};
  if (raw && typeof raw === "object") {
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      const bad = typeof value === "string" ? badCharactersIn(value) : null;
      if (bad) controls[key] = bad;
    }
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success && Object.keys(controls).length === 0) return parsed.data;
  const fields: Record<string, string> = { ...controls };
  for (const issue of parsed.success ? [] : parsed.error.issues) fields[issue.path.join(".") || "body"] ??= issue.message;
  throw new AppError("VALIDATION", { cause: fields });
}

export async function readApiJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const raw: unknown = await request.json().catch(() => {
    throw new AppError("VALIDATION", { cause: { body: "invalidJson" } });
  });
  return parseInput(schema, raw);
}

export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

/** A JSON answer (the API's shapes are the zod schemas in lib/api/v1/schemas.ts). */
export function json(data: unknown, init: ResponseInit = {}): Response {
  return Response.json(data, init);
}

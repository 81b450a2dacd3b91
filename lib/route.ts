import "server-only";
import { getTranslations } from "next-intl/server";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { requirePermission } from "@/lib/auth/permissions.server";
import type { Permission } from "@/lib/auth/permissions";
import { AppError, isAppError } from "@/lib/errors";
import { isLocale, routing } from "@/lib/i18n/routing";
import { requestLogger } from "@/lib/log";
import { withDefaultCsp } from "@/lib/security/headers";
import { badCharactersIn, urlPartsHaveBadCharacters } from "@/lib/validation/text";
import type { z } from "zod";
import { LOCALE_HEADER } from "./route-headers";

export { LOCALE_HEADER };

type PermissionOf = Permission | ((request: Request) => Permission);
/**
 * `hideWhenDenied`: a signed-in user without the permission gets 404, as on the staff pages the
 * route belongs to (conventions: One policy module). The denial is still audited; a missing strong
 * session or sign-in keeps its own answer.
 */
type PermissionConfig = { permission: PermissionOf; hideWhenDenied?: boolean };

export type RouteConfig = PermissionConfig | { public: true };
type RouteHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

/**
 * Each route handler's config by the function defineRoute returned, for tests that call every
 * route handler with generated input as a user who holds its permission (lib/security/fuzz.test.ts).
 * Nothing about the handler itself changes.
 */
export const routeConfigs = new WeakMap<RouteHandler, RouteConfig>();

/**
 * The route-handler twin of defineAction: the permission is checked on the server before the
 * handler runs, and errors become `{ error: { code, message } }` with the AppError's status and a
 * translated, safe message. Anything unexpected is logged and answered with a generic 500.
 * With a permission the handler gets the signed-in user (never null).
 */
export function defineRoute<P>(
  config: PermissionConfig,
  handler: (request: Request, context: { user: CurrentUser; params: P }) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response>;
export function defineRoute<P>(
  config: { public: true },
  handler: (request: Request, context: { user: CurrentUser | null; params: P }) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response>;
export function defineRoute<P>(
  config: PermissionConfig | { public: true },
  handler: (request: Request, context: { user: CurrentUser; params: P }) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  const route = async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    let user: CurrentUser | null = null;
    try {
      if ("permission" in config) {
        const permission = typeof config.permission === "function" ? config.permission(request) : config.permission;
        user = await requirePermission(permission).catch((error: unknown) => {
          const denied = isAppError(error) && error.code === "FORBIDDEN" && error.messageKey === "FORBIDDEN";
          throw denied && config.hideWhenDenied ? new AppError("NOT_FOUND") : error;
        });
      } else {
        user = await getCurrentUser();
      }
      const params = await context.params;
      // No record's id holds a control character, and no query value may bring one (conventions: Text input).
      if (urlPartsHaveBadCharacters(Object.values(params ?? {}).flat())) throw new AppError("NOT_FOUND");
      if (urlPartsHaveBadCharacters([...new URL(request.url).searchParams].flat())) {
        throw new AppError("VALIDATION", { cause: { query: "controlCharacters" } });
      }
      // Public handlers are declared with `CurrentUser | null` (overload above).
      return withDefaultCsp(await handler(request, { user: user as CurrentUser, params }));
    } catch (error) {
      // The language of the page that called (sent by our client code), else the user's.
      const requested = request.headers.get(LOCALE_HEADER);
      const locale = isLocale(requested) ? requested : user && isLocale(user.locale) ? user.locale : routing.defaultLocale;
      const t = await getTranslations({ locale });
      if (isAppError(error)) {
        const key = messageKeyOf(error);
        const message = t.has(key as never) ? t(key as never) : t("errors.INTERNAL");
        return withDefaultCsp(
          Response.json({ error: { code: error.code, message } }, { status: error.status, headers: { "Cache-Control": "no-store" } }),
        );
      }
      (await requestLogger()).error({ err: error }, "route handler failed");
      return withDefaultCsp(Response.json({ error: { code: "INTERNAL", message: t("errors.INTERNAL") } }, { status: 500 }));
    }
  };
  routeConfigs.set(route, config);
  return route;
}

/**
 * A validation error's first field message (a catalog key: `validation.*`, or `domain.key`), so an
 * API answer says what is wrong, not only that something is.
 */
function messageKeyOf(error: AppError): string {
  if (error.code === "VALIDATION" && error.messageKey === "VALIDATION" && error.cause && typeof error.cause === "object") {
    const first = Object.values(error.cause as Record<string, unknown>)[0];
    if (typeof first === "string") return first.includes(".") ? first : `validation.${first}`;
  }
  return error.messageKey.includes(".") ? error.messageKey : `errors.${error.messageKey}`;
}

/**
 * A JSON request body through the same zod schema as the form (the route twin of defineAction's
 * parsing): unknown keys stripped, no control characters or broken ones, issues as catalog keys per field.
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new AppError("VALIDATION", { messageKey: "errors.VALIDATION" });
  }
  // The flat bodies of our API: any string field with a control character or half an emoji is refused.
  const strings = raw && typeof raw === "object" ? Object.values(raw as Record<string, unknown>) : [raw];
  const bad = strings.map((value) => (typeof value === "string" ? badCharactersIn(value) : null)).find(Boolean);
  if (bad) throw new AppError("VALIDATION", { cause: { body: bad } });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".")] ??= issue.message;
    throw new AppError("VALIDATION", { cause: fields });
  }
  return parsed.data;
}

import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { requirePermission } from "@/lib/auth/permissions.server";
import type { Permission } from "@/lib/auth/permissions";
import { AppError, isAppError, type AppErrorCode } from "@/lib/errors";
import { requestLogger } from "@/lib/log";
import { badCharactersIn } from "@/lib/validation/text";

export type ActionError = {
  code: AppErrorCode;
  /** Safe, translated message for the form. */
  message: string;
  /** Field → translated message, for validation errors shown next to each field. */
  fieldErrors?: Record<string, string>;
};

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

type Access = { permission: Permission } | { public: true };

/** What an action was defined with: its input schema and who may call it. */
export type ActionConfig = { schema: z.ZodType } & Access;

/**
 * Each action's config by the function defineAction returned, for tests that call every action with
 * inputs generated from its schema (lib/security/fuzz.test.ts). A WeakMap here rather than a
 * property on the function: "use server" modules may only export async functions, and nothing
 * about the action itself changes.
 */
export const actionConfigs = new WeakMap<(input: never) => Promise<ActionResult<unknown>>, ActionConfig>();

/**
 * Every server action goes through here (conventions: One action wrapper): input validated with the same zod
 * schema as the form (unknown keys are stripped, ASVS 8.2.3), permission checked on the server,
 * errors mapped to a safe translated message. Next's redirect()/notFound() pass through.
 * Zod messages in shared schemas are catalog keys in the `validation` namespace.
 * With a permission the handler gets the signed-in user (never null); public actions get the user
 * or null.
 */
export function defineAction<S extends z.ZodType, T>(
  config: { schema: S; permission: Permission },
  handler: (input: z.output<S>, context: { user: CurrentUser }) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>>;
export function defineAction<S extends z.ZodType, T>(
  config: { schema: S; public: true },
  handler: (input: z.output<S>, context: { user: CurrentUser | null }) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>>;
export function defineAction<S extends z.ZodType, T>(
  config: { schema: S } & Access,
  handler: (input: z.output<S>, context: { user: CurrentUser }) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  const action = async (rawInput: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const user = "permission" in config ? await requirePermission(config.permission) : await getCurrentUser();
      const parsed = config.schema.safeParse(rawInput);
      // Every schema builds on lib/validation/text, and this net catches any field one missed: no
      // control character (NUL made PostgreSQL answer 500) nor half an emoji (its json refuses it) gets through.
      const characterIssues = stringsWithBadCharacters(rawInput);
      if (!parsed.success || characterIssues.length > 0) {
        const t = await getTranslations("validation");
        const fieldErrors: Record<string, string> = {};
        for (const issue of [...characterIssues, ...(parsed.success ? [] : parsed.error.issues)]) {
          const field = issue.path.join(".");
          if (fieldErrors[field]) continue;
          // A key of the `validation` namespace, or a full key such as "apps.urlInvalid" (translated in toActionError).
          fieldErrors[field] = t.has(issue.message as never) ? t(issue.message as never) : issue.message;
        }
        throw new AppError("VALIDATION", { detail: JSON.stringify(fieldErrors), cause: fieldErrors });
      }
      // Public handlers are declared with `CurrentUser | null` (overload above).
      return { ok: true, data: await handler(parsed.data, { user: user as CurrentUser }) };
    } catch (error) {
      unstable_rethrow(error);
      return { ok: false, error: await toActionError(error) };
    }
  };
  actionConfigs.set(action, config);
  return action;
}

type Issue = { path: PropertyKey[]; message: string };

/** The strings in an action's input that hold control characters other than line breaks, or half a surrogate pair. */
function stringsWithBadCharacters(value: unknown, path: PropertyKey[] = [], found: Issue[] = []): Issue[] {
  if (typeof value === "string") {
    const message = badCharactersIn(value);
    if (message) found.push({ path, message });
  } else if (path.length >= 8) {
    // Deeper than any form: the schema decides.
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => stringsWithBadCharacters(item, [...path, index], found));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) stringsWithBadCharacters(item, [...path, key], found);
  }
  return found;
}

async function toActionError(error: unknown): Promise<ActionError> {
  const t = await getTranslations();
  if (isAppError(error)) {
    // Field messages are either already translated (zod, above) or catalog keys from a handler.
    const fieldErrors =
      error.code === "VALIDATION" && error.cause && typeof error.cause === "object"
        ? Object.fromEntries(
            Object.entries(error.cause as Record<string, string>).map(([field, message]) => [
              field,
              message.includes(".") && t.has(message as never) ? t(message as never) : message,
            ]),
          )
        : undefined;
    const key = error.messageKey.includes(".") ? error.messageKey : `errors.${error.messageKey}`;
    return { code: error.code, message: t.has(key as never) ? t(key as never) : t("errors.INTERNAL"), fieldErrors };
  }
  (await requestLogger()).error({ err: error }, "server action failed");
  return { code: "INTERNAL", message: t("errors.INTERNAL") };
}

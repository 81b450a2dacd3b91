import type { Role } from "@/lib/generated/prisma/enums";
import { routing } from "@/lib/i18n/routing";
import { areaOf, areaOfPath, homePathFor } from "./permissions";

/**
 * A callback URL may only point inside this portal: a path starting with one "/" (no "//host",
 * no "/\\host", no scheme). Anything else is dropped, so sign-in cannot be an open redirect.
 * The locale prefix is removed because the locale-aware redirect adds the current one.
 */
export function safeCallbackPath(value: string | undefined | null): string | undefined {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return undefined;
  let url: URL;
  try {
    url = new URL(value, "http://portal.invalid");
  } catch {
    return undefined;
  }
  if (url.origin !== "http://portal.invalid") return undefined;
  const prefix = routing.locales.find((l) => url.pathname === `/${l}` || url.pathname.startsWith(`/${l}/`));
  const pathname = prefix ? url.pathname.slice(prefix.length + 1) || "/" : url.pathname;
  // "/ja//evil.example" would become "//evil.example" once the prefix is gone.
  if (pathname.startsWith("//") || pathname === "/signin") return undefined;
  return pathname + url.search;
}

/**
 * Where a sign-in leads (without the locale prefix): back to the page asked for, if it is inside
 * this portal and in an area this role may open; else the role's home.
 */
export function signInDestination(role: Role, callbackUrl: string | undefined | null): string {
  const callback = safeCallbackPath(callbackUrl);
  const callbackArea = callback ? areaOfPath(callback.split("?")[0]!) : null;
  return callback && (callbackArea === null || callbackArea === areaOf(role)) ? callback : homePathFor(role);
}

import { defineRouting } from "next-intl/routing";

/** Japanese first; every page lives under /ja or /en. */
export const routing = defineRouting({
  locales: ["ja", "en"],
  defaultLocale: "ja",
  localePrefix: "always",
  // The locale switcher writes the cookie in the browser: Secure over https (proxy.ts does the same).
  ...(typeof window !== "undefined" && window.location.protocol === "https:" ? { localeCookie: { secure: true } } : {}),
});

export type Locale = (typeof routing.locales)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (routing.locales as readonly string[]).includes(value);
}

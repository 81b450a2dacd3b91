import type messages from "./messages/ja.json";
import type { routing } from "./routing";

// Typed keys: a `t("...")` call with a key that is not in the Japanese catalog fails `tsc`.
// (The catalogs are compared key by key in lib/i18n/messages.test.ts.)
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}

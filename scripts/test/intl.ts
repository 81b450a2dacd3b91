/**
 * Stands in for `next-intl/server` in Vitest (its request config exists only inside Next): the
 * same catalogs through next-intl's own translator. Use with
 *   vi.mock("next-intl/server", async () => (await import("@/scripts/test/intl")).nextIntlServer);
 */
import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";

type Options = string | { locale?: string; namespace?: string } | undefined;

export const nextIntlServer = {
  getTranslations: async (options: Options) => {
    const { locale = "ja", namespace } = typeof options === "string" ? { namespace: options } : (options ?? {});
    return createTranslator({ locale: locale === "en" ? "en" : "ja", messages: locale === "en" ? en : ja, namespace: namespace as never });
  },
  getLocale: async () => "ja",
};

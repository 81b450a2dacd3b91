import { getRequestConfig } from "next-intl/server";
import { IntlErrorCode } from "next-intl";
import { env } from "@/lib/env";
import { isLocale, routing } from "./routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  return {
    locale,
    timeZone: env.BUSINESS_TIME_ZONE,
    messages: (await import(`./messages/${locale}.json`)).default,
    onError(error) {
      // Under test a missing key breaks the page, so the e2e run over every page in both languages
      // fails on it; in production it is logged and the key path is shown instead.
      if (env.I18N_STRICT && error.code === IntlErrorCode.MISSING_MESSAGE) throw error;
      console.error(error);
    },
  };
});

/** Header our browser code sends with API calls: the language of the page, for error messages. */
export const LOCALE_HEADER = "x-portal-locale";

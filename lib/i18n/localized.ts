/**
 * Data kept in both languages (model and plan names, recall titles and messages): the reader's
 * language, Japanese (the default) otherwise. UI text comes from the message catalog instead.
 */
export function inLocale(locale: string, text: { ja: string; en: string }): string {
  return locale === "en" ? text.en : text.ja;
}

/** A catalog record's `nameJa`/`nameEn` in the reader's language. */
export function nameIn(locale: string, record: { nameJa: string; nameEn: string }): string {
  return inLocale(locale, { ja: record.nameJa, en: record.nameEn });
}

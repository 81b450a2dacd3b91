/**
 * How a dealer sees a customer's personal data when no purpose allows more (issue 13, [8.3.3]):
 * enough to recognise a buyer at the till, not enough to contact them outside the portal. Pure, so
 * the rules are tested on their own; lib/dealers/masking.ts decides when they apply.
 */

/** `taro@example.com` → `t***@example.com`: the domain stays (it says "mobile" or "work" to a shop). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${Array.from(email.slice(0, at))[0]}***${email.slice(at)}`;
}

/**
 * `090-1234-5678` → `090-****-5678`: the first group (mobile or landline) and the last four digits
 * of a full Japanese number (10 or 11 digits). Anything shorter shows its last two digits only, so
 * a short number is never shown nearly whole.
 */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.normalize("NFKC").replace(/\D/g, "");
  if (digits.length >= 10) return `${digits.slice(0, 3)}-****-${digits.slice(-4)}`;
  return digits.length >= 4 ? `****${digits.slice(-2)}` : "****";
}

/**
 * The family name's initial: names are kept as the customer typed them, family name first in
 * Japanese ("山田 太郎" → "山***"), so the first character is the family name's.
 */
export function maskName(name: string | null): string {
  const first = name?.trim() ? Array.from(name.trim())[0] : null;
  return first ? `${first.toLocaleUpperCase()}***` : "***";
}

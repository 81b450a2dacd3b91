import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * Password rules after NIST SP 800-63B-4 (ASVS 6.2): length only, no composition rules, no
 * truncation, and a refusal of passwords found in breach corpora. The list is the 49k most common
 * leaked passwords shipped in @zxcvbn-ts/language-common, checked offline.
 */
export const PASSWORD_MIN_LENGTH_WITH_MFA = 8;
export const PASSWORD_MIN_LENGTH_WITHOUT_MFA = 15;
/** Long enough for any passphrase; argon2 hashes the whole string (no 72-byte bcrypt cut). */
export const PASSWORD_MAX_LENGTH = 256;

const BREACHED = new Set(dictionary["passwords-common"].map((password) => password.toLowerCase()));

/** Words specific to this portal that attackers would try first. */
const CONTEXT_WORDS = ["ownersportal", "owners-portal", "memberportal", "mypage", "password"];

export type PasswordProblem = "tooShort" | "tooShortWithoutMfa" | "tooLong" | "common" | "containsEmail";

/** Length counts Unicode code points, so a Japanese passphrase counts as many characters as it shows. */
export function passwordLength(password: string): number {
  return [...password.normalize("NFC")].length;
}

export function checkPassword(password: string, context: { email?: string; hasSecondFactor: boolean }): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH_WITH_MFA) return "tooShort";
  if (!context.hasSecondFactor && length < PASSWORD_MIN_LENGTH_WITHOUT_MFA) return "tooShortWithoutMfa";
  if (length > PASSWORD_MAX_LENGTH) return "tooLong";
  const lower = password.normalize("NFKC").toLowerCase();
  if (BREACHED.has(lower)) return "common";
  if (CONTEXT_WORDS.some((word) => lower === word || lower.replace(/[\d\W_]+$/u, "") === word)) return "common";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "containsEmail";
  return null;
}

import type { AuthTokenPurpose } from "@/lib/generated/prisma/enums";

/**
 * How long each kind of one-time token lives. Reset and magic-link tokens expire within 15
 * minutes (ASVS 6.4.3); an email verification link may wait a day in an inbox.
 */
export const TOKEN_LIFETIME_MINUTES: Record<AuthTokenPurpose, number> = {
  EMAIL_VERIFICATION: 24 * 60,
  MAGIC_LINK: 15,
  PASSWORD_RESET: 15,
  EMAIL_CHANGE: 60,
  // Sent by a dealer admin or staff admin to a colleague, who may read it the next working day.
  ACCOUNT_INVITATION: 3 * 24 * 60,
  SECOND_FACTOR: 5,
  PASSKEY_CHALLENGE: 5,
};

export function tokenExpiry(purpose: AuthTokenPurpose, now: Date): Date {
  return new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000);
}

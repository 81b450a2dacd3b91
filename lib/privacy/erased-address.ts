/** The made-up address of an erased account (pure: sendEmail and the erasure both read it). */
export const ERASED_EMAIL_DOMAIN = "erased.invalid";

export function erasedEmail(userId: string): string {
  return `erased-${userId}@${ERASED_EMAIL_DOMAIN}`;
}

/**
 * Progressive profiling: sign-up asks only for email and password; a feature that needs more
 * (an address for a repair pickup, a phone number for a call-back) asks for exactly that, at that
 * moment, and then goes on. Pure, shared by the server check and the profile form.
 */
export const PROFILE_NEEDS = {
  name: ["name"],
  phone: ["phone"],
  address: ["postalCode", "prefecture", "city", "addressLine1"],
} as const;

export type ProfileNeed = keyof typeof PROFILE_NEEDS;
export type ProfileField = (typeof PROFILE_NEEDS)[ProfileNeed][number];

export function isProfileNeed(value: string): value is ProfileNeed {
  return Object.hasOwn(PROFILE_NEEDS, value);
}

/** Parses "address,phone" from a URL; unknown names are dropped. */
export function parseProfileNeeds(value: string | undefined | null): ProfileNeed[] {
  return [
    ...new Set(
      (value ?? "")
        .split(",")
        .map((part) => part.trim())
        .filter(isProfileNeed),
    ),
  ];
}

/** The needs that the profile does not satisfy yet. */
export function missingProfileNeeds(profile: Partial<Record<ProfileField, string | null>>, needs: readonly ProfileNeed[]): ProfileNeed[] {
  return needs.filter((need) => PROFILE_NEEDS[need].some((field) => !profile[field]?.trim()));
}

/** Field → "required" for every field of the given needs that is empty. */
export function requiredFieldErrors(
  profile: Partial<Record<ProfileField, string | null>>,
  needs: readonly ProfileNeed[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const need of needs) {
    for (const field of PROFILE_NEEDS[need]) if (!profile[field]?.trim()) errors[field] = "validation.requiredHere";
  }
  return errors;
}

import { z } from "zod";
import { zName, zText } from "@/lib/validation/text";

/**
 * The profile form, shared by the form and the server action. Every field may stay empty: details
 * are asked for when a feature needs them (progressive profiling), never all at sign-up.
 */
const optional = (max: number) => zText().trim().max(max, "tooLong");

export const ZProfileSchema = z.object({
  name: zName().trim().max(100, "tooLong"),
  // Furigana in katakana (full-width), with spaces and the long-vowel mark.
  nameKana: optional(100).refine((value) => value === "" || /^[\u30A0-\u30FF\u3000\s]+$/u.test(value), "kanaOnly"),
  phone: optional(20).refine((value) => value === "" || /^\+?[0-9][0-9-]{8,18}$/.test(value), "phoneInvalid"),
  postalCode: optional(8).refine((value) => value === "" || /^\d{3}-?\d{4}$/.test(value), "postalCodeInvalid"),
  prefecture: optional(10),
  city: optional(60),
  addressLine1: optional(120),
  addressLine2: optional(120),
  locale: z.enum(["ja", "en"]),
  /** What the feature that sent the user here needs (progressive profiling): those fields are required. */
  needs: z
    .array(z.enum(["name", "phone", "address"]))
    .max(3)
    .default([]),
});

export type TProfile = z.input<typeof ZProfileSchema>;

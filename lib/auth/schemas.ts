import { z } from "zod";
import { zName, zText } from "@/lib/validation/text";

/**
 * Shared by the forms (zodResolver) and the server actions. Messages are keys of the
 * `validation` catalog namespace. The full password rules (breached list, 15 characters without
 * a second factor) run on the server in lib/auth/password-policy.ts; the forms check length only.
 */
const email = zText().trim().max(320, "tooLong").pipe(z.email("emailInvalid"));
// A hidden field the user cannot fix: an unusable value is dropped, never an error.
const callbackUrl = zText().max(2048).optional().catch(undefined);
/** New passwords: 8 is the floor for everyone; the server raises it to 15 without a second factor. */
const newPassword = z.string().min(8, "password_tooShort").max(256, "password_tooLong");

export const ZSignInSchema = z.object({
  email,
  password: z.string().min(1, "passwordRequired").max(1024, "tooLong"),
  callbackUrl,
});
export type TSignIn = z.input<typeof ZSignInSchema>;

export const ZSignUpSchema = z.object({
  email,
  // A new account has no second factor yet: 15 characters (NIST 800-63B-4).
  password: z.string().min(15, "password_tooShortWithoutMfa").max(256, "password_tooLong"),
  acceptTerms: z.boolean().refine((value) => value, "acceptTermsRequired"),
});
export type TSignUp = z.input<typeof ZSignUpSchema>;

export const ZEmailRequestSchema = z.object({ email, callbackUrl });
export type TEmailRequest = z.input<typeof ZEmailRequestSchema>;

export const ZTokenSchema = z.object({ token: zText().min(1).max(200) });

export const ZResetPasswordSchema = z.object({ token: zText().min(1).max(200), password: newPassword });
export type TResetPassword = z.input<typeof ZResetPasswordSchema>;

export const ZChangePasswordSchema = z.object({ password: newPassword });
export type TChangePassword = z.input<typeof ZChangePasswordSchema>;

export const ZSecondFactorSchema = z.object({
  kind: z.enum(["totp", "recovery"]),
  code: zText().trim().min(1, "codeRequired").max(64, "tooLong"),
});
export type TSecondFactor = z.input<typeof ZSecondFactorSchema>;

export const ZTotpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "totpFormat"),
});
export type TTotpCode = z.input<typeof ZTotpCodeSchema>;

export const ZChangeEmailSchema = z.object({ email });
export type TChangeEmail = z.input<typeof ZChangeEmailSchema>;

export const ZPasskeyNameSchema = z.object({ name: zName().trim().min(1, "nameRequired").max(60, "tooLong") });

export const ZIdSchema = z.object({ id: zText().min(1).max(64) });

export const ZProviderSchema = z.object({ provider: zText().max(40), callbackUrl: callbackUrl });

/** A browser's WebAuthn answer; @simplewebauthn verifies every field, so it is passed through whole. */
export const ZWebAuthnResponseSchema = z.looseObject({ id: zText().max(1024), type: z.literal("public-key") });

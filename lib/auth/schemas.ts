import { z } from "zod";

/**
 * Shared by the sign-in form (zodResolver) and the server action. Messages are keys of the
 * `validation` catalog namespace. No length rule on the password here: sign-in only checks it.
 */
export const ZSignInSchema = z.object({
  email: z.string().trim().max(320, "tooLong").pipe(z.email("emailInvalid")),
  password: z.string().min(1, "passwordRequired").max(1024, "tooLong"),
  // A hidden field the user cannot fix: an unusable value is dropped, never an error.
  callbackUrl: z.string().max(2048).optional().catch(undefined),
});

export type TSignIn = z.input<typeof ZSignInSchema>;

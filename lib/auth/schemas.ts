import { z } from "zod";

/**
 * Shared by the sign-in form (zodResolver) and the server action. Messages are keys of the
 * `validation` catalog namespace. No length rule on the password here: sign-in only checks it.
 */
export const ZSignInSchema = z.object({
  email: z.string().trim().max(320, "tooLong").pipe(z.email("emailInvalid")),
  password: z.string().min(1, "passwordRequired").max(1024, "tooLong"),
  callbackUrl: z.string().max(2048).optional(),
});

export type TSignIn = z.input<typeof ZSignInSchema>;

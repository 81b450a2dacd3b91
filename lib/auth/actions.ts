"use server";

import type { AuthenticationResponseJSON } from "@simplewebauthn/types";
import { z } from "zod";
import { getLocale } from "next-intl/server";
import { defineAction } from "@/lib/action";
import { recordAudit } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { redirect } from "@/lib/i18n/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { requestMagicLink, requestPasswordReset, resetPassword, signInWithMagicLink, verifyEmail } from "./email-flows";
import { signIn, signOut } from "./index";
import { passkeyAuthenticationOptions, signInWithPasskey } from "./passkeys";
import { isConfiguredProvider } from "./providers";
import { safeCallbackPath, signInDestination } from "./safe-redirect";
import {
  ZEmailRequestSchema,
  ZProviderSchema,
  ZResetPasswordSchema,
  ZSecondFactorSchema,
  ZSignUpSchema,
  ZTokenSchema,
  ZWebAuthnResponseSchema,
} from "./schemas";
import { completeSecondFactor } from "./second-factor";
import { signUp } from "./sign-up";

/** Back to the page asked for, if it is inside this portal and in an area this role may open. */
async function redirectAfterSignIn(role: Role, callbackUrl: string | undefined): Promise<never> {
  redirect({ href: signInDestination(role, callbackUrl), locale: await getLocale() });
  throw new Error("unreachable");
}

async function redirectToSecondFactor(): Promise<never> {
  redirect({ href: "/signin/second-factor", locale: await getLocale() });
  throw new Error("unreachable");
}

export const signUpAction = defineAction({ schema: ZSignUpSchema, public: true }, async (input) => {
  await signUp({ email: input.email, password: input.password, locale: await getLocale() });
  return { sent: true };
});

export const requestMagicLinkAction = defineAction({ schema: ZEmailRequestSchema, public: true }, async (input) => {
  await requestMagicLink({ email: input.email, callbackUrl: safeCallbackPath(input.callbackUrl) ?? undefined, locale: await getLocale() });
  return { sent: true };
});

/** The magic link's page posts its token here (a button press, so mail scanners that fetch links do not use it up). */
export const magicLinkSignInAction = defineAction({ schema: ZTokenSchema, public: true }, async ({ token }) => {
  const outcome = await signInWithMagicLink(token);
  if (outcome.next === "invalid") throw new AppError("NOT_FOUND", { messageKey: "magicLink.invalid" });
  if (outcome.next === "secondFactor") await redirectToSecondFactor();
  else await redirectAfterSignIn(outcome.role, outcome.callbackUrl);
});

export const requestPasswordResetAction = defineAction({ schema: ZEmailRequestSchema, public: true }, async (input) => {
  await requestPasswordReset({ email: input.email, locale: await getLocale() });
  return { sent: true };
});

export const resetPasswordAction = defineAction({ schema: ZResetPasswordSchema, public: true }, async (input) => {
  await resetPassword(input);
  redirect({ href: { pathname: "/signin", query: { reset: "1" } }, locale: await getLocale() });
});

export const secondFactorAction = defineAction({ schema: ZSecondFactorSchema, public: true }, async (input) => {
  const { role, callbackUrl } = await completeSecondFactor({ kind: input.kind, code: input.code });
  await redirectAfterSignIn(role, callbackUrl);
});

export const passkeySignInOptionsAction = defineAction({ schema: z.object({}), public: true }, async () => passkeyAuthenticationOptions());

const ZPasskeySignInSchema = z.object({
  response: ZWebAuthnResponseSchema,
  callbackUrl: z.string().max(2048).optional().catch(undefined),
});

export const passkeySignInAction = defineAction({ schema: ZPasskeySignInSchema, public: true }, async (input) => {
  const { role } = await signInWithPasskey(input.response as unknown as AuthenticationResponseJSON);
  await redirectAfterSignIn(role, input.callbackUrl);
});

/** Start an OIDC sign-in (Google, LINE, OIDC); Auth.js handles the redirect dance. */
export const providerSignInAction = defineAction({ schema: ZProviderSchema, public: true }, async (input) => {
  if (!isConfiguredProvider(input.provider)) throw new AppError("NOT_FOUND");
  const locale = await getLocale();
  await signIn(input.provider, { redirectTo: safeCallbackPath(input.callbackUrl) ?? `/${locale}/signin/continue` });
});

export const signOutAction = defineAction({ schema: z.object({}), public: true }, async (_input, { user }) => {
  const locale = await getLocale();
  if (user) await recordAudit({ action: "auth.sign_out", outcome: "SUCCESS", actorId: user.id });
  // The apps this browser signed in to through the portal are told, and their sign-ins end.
  await import("@/lib/oidc/sign-out")
    .then(({ endSingleSignOn }) => endSingleSignOn())
    .catch((error: unknown) => logger.error({ err: error }, "ending single sign-on failed"));
  // Auth.js deletes the Session row (database strategy) and clears the cookie.
  await signOut({ redirectTo: `/${locale}/signin?signedOut=1` });
});

export const verifyEmailAction = defineAction({ schema: ZTokenSchema, public: true }, async ({ token }, { user }) => {
  // This browser's session survives if it is the account's own; every other session ends.
  const verified = await verifyEmail(token, new Date(), user?.sessionId ?? null);
  if (!verified) throw new AppError("NOT_FOUND", { messageKey: "verifyEmail.invalid" });
  // Opened on another device than the one that chose the password: that password is gone (email-proof.ts).
  return { verified: true, passwordRemoved: verified.passwordRemoved };
});

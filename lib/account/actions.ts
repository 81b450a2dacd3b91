"use server";

import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/types";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { changeOwnPassword, resendVerificationEmail } from "@/lib/auth/email-flows";
import { assertEmailVerified } from "@/lib/auth/email-proof";
import { auth, signIn } from "@/lib/auth/index";
import { passkeyRegistrationOptions, registerPasskey, removePasskey } from "@/lib/auth/passkeys";
import { isConfiguredProvider } from "@/lib/auth/providers";
import {
  ZChangeEmailSchema,
  ZChangePasswordSchema,
  ZIdSchema,
  ZPasskeyNameSchema,
  ZProviderSchema,
  ZTotpCodeSchema,
  ZWebAuthnResponseSchema,
} from "@/lib/auth/schemas";
import { revokeOtherOwnSessions, revokeOwnSession } from "@/lib/auth/session-list";
import { unlinkProvider } from "@/lib/auth/sign-in-methods";
import { reauthenticate, requireRecentAuthentication } from "@/lib/auth/step-up";
import { confirmTotpEnrolment, disableTotp, renewRecoveryCodes, startTotpEnrolment } from "@/lib/auth/two-factor";
import { db } from "@/lib/db";
import { answerPolicyQuestions, policyQuestions } from "@/lib/consents/current";
import { ZPolicyAnswersSchema } from "@/lib/consents/schemas";
import { homePathFor } from "@/lib/auth/permissions";
import { redirect } from "@/lib/i18n/navigation";
import { AppError } from "@/lib/errors";
import { confirmEmailChange, requestEmailChange } from "./email-change";
import { lookupPostalCode } from "./postal-codes";
import { updateOwnProfile } from "./profile";
import { requiredFieldErrors } from "./profile-needs";
import { ZProfileSchema } from "./schemas";

/**
 * Actions on the signed-in user's own account. Every one is scoped to the session's user; those
 * that change how the user signs in need a recent re-authentication (step-up, ASVS 7.5.1).
 */
const account = { permission: "account.manage" } as const;
const empty = z.object({});

async function currentSessionId(): Promise<string> {
  const session = await auth();
  if (!session?.sessionId) throw new AppError("UNAUTHENTICATED");
  return session.sessionId;
}

async function owner(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, locale: true, role: true, totpEnabledAt: true },
  });
}

export const updateProfileAction = defineAction({ schema: ZProfileSchema, ...account }, async (input, { user }) => {
  const missing = requiredFieldErrors(input, input.needs);
  if (Object.keys(missing).length > 0) throw new AppError("VALIDATION", { cause: missing });
  await updateOwnProfile(user.id, input);
  revalidatePath("/[locale]", "layout");
  return { saved: true };
});

export const resendVerificationAction = defineAction({ schema: empty, ...account }, async (_input, { user }) => {
  await resendVerificationEmail(user.id);
  return { sent: true };
});

const ZReauthSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("password"), password: z.string().min(1, "passwordRequired").max(1024) }),
  z.object({
    kind: z.literal("totp"),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "totpFormat"),
  }),
  z.object({ kind: z.literal("passkey"), response: ZWebAuthnResponseSchema }),
]);

export const reauthenticateAction = defineAction({ schema: ZReauthSchema, ...account }, async (input, { user }) => {
  const proof =
    input.kind === "passkey" ? { kind: "passkey" as const, response: input.response as unknown as AuthenticationResponseJSON } : input;
  await reauthenticate(user.id, await currentSessionId(), proof);
  return { ok: true };
});

export const changePasswordAction = defineAction({ schema: ZChangePasswordSchema, ...account }, async (input, { user }) => {
  const { sessionId } = await requireRecentAuthentication();
  await changeOwnPassword(user.id, input.password, sessionId);
  return { saved: true };
});

export const requestEmailChangeAction = defineAction({ schema: ZChangeEmailSchema, ...account }, async (input, { user }) => {
  await requireRecentAuthentication();
  await requestEmailChange(await owner(user.id), input.email);
  return { sent: true };
});

export const confirmEmailChangeAction = defineAction(
  { schema: z.object({ token: z.string().min(1).max(200) }), ...account },
  async ({ token }, { user }) => {
    if (!(await confirmEmailChange(user.id, await currentSessionId(), token)))
      throw new AppError("NOT_FOUND", { messageKey: "account.emailChangeInvalid" });
    revalidatePath("/[locale]", "layout");
    return { changed: true };
  },
);

export const startTotpAction = defineAction({ schema: empty, ...account }, async (_input, { user }) => {
  await requireRecentAuthentication();
  return startTotpEnrolment(await owner(user.id));
});

export const confirmTotpAction = defineAction({ schema: ZTotpCodeSchema, ...account }, async (input, { user }) => {
  await requireRecentAuthentication();
  const codes = await confirmTotpEnrolment(await owner(user.id), await currentSessionId(), input.code);
  // No revalidatePath here: the session token has just been rotated, and a re-render inside this
  // request would still carry the old cookie. The page refreshes after the codes are saved.
  return { recoveryCodes: codes };
});

export const disableTotpAction = defineAction({ schema: empty, ...account }, async (_input, { user }) => {
  await requireRecentAuthentication();
  await disableTotp(await owner(user.id));
  revalidatePath("/[locale]", "layout");
  return { disabled: true };
});

export const renewRecoveryCodesAction = defineAction({ schema: empty, ...account }, async (_input, { user }) => {
  await requireRecentAuthentication();
  return { recoveryCodes: await renewRecoveryCodes(await owner(user.id)) };
});

export const passkeyRegistrationOptionsAction = defineAction({ schema: empty, ...account }, async (_input, { user }) => {
  await requireRecentAuthentication();
  return passkeyRegistrationOptions(user);
});

const ZRegisterPasskeySchema = ZPasskeyNameSchema.extend({ response: ZWebAuthnResponseSchema });

export const registerPasskeyAction = defineAction({ schema: ZRegisterPasskeySchema, ...account }, async (input, { user }) => {
  await requireRecentAuthentication();
  await registerPasskey(await owner(user.id), { name: input.name, response: input.response as unknown as RegistrationResponseJSON });
  revalidatePath("/[locale]", "layout");
  return { added: true };
});

export const removePasskeyAction = defineAction({ schema: ZIdSchema, ...account }, async (input, { user }) => {
  await requireRecentAuthentication();
  await removePasskey(await owner(user.id), input.id);
  revalidatePath("/[locale]", "layout");
  return { removed: true };
});

export const revokeSessionAction = defineAction({ schema: ZIdSchema, ...account }, async (input, { user }) => {
  if (input.id === (await currentSessionId())) throw new AppError("VALIDATION", { messageKey: "sessions.cannotRevokeCurrent" });
  await revokeOwnSession(user.id, input.id);
  revalidatePath("/[locale]", "layout");
  return { revoked: true };
});

export const revokeOtherSessionsAction = defineAction({ schema: empty, ...account }, async (_input, { user }) => {
  const count = await revokeOtherOwnSessions(user.id, await currentSessionId());
  revalidatePath("/[locale]", "layout");
  return { revoked: count };
});

/** Link a sign-in provider to this account: only after a recent re-authentication. */
export const linkProviderAction = defineAction({ schema: ZProviderSchema, ...account }, async (input, { user }) => {
  await requireRecentAuthentication();
  await assertEmailVerified(user.id);
  if (!isConfiguredProvider(input.provider)) throw new AppError("NOT_FOUND");
  await signIn(input.provider, { redirectTo: `/${await getLocale()}/account/security?linked=1` });
});

export const unlinkProviderAction = defineAction({ schema: ZProviderSchema, ...account }, async (input, { user }) => {
  await requireRecentAuthentication();
  await unlinkProvider(user.id, input.provider);
  revalidatePath("/[locale]", "layout");
  return { unlinked: true };
});

/** Address from a postal code (offline dataset); [] when the code is unknown. */
export const lookupPostalCodeAction = defineAction(
  { schema: z.object({ postalCode: z.string().max(10) }), ...account },
  async ({ postalCode }) => lookupPostalCode(postalCode),
);

/**
 * Answer the policy questions (asked when the terms or privacy policy are missing or changed, and
 * when an optional purpose's new version needs re-acceptance): required ones must be accepted.
 */
export const acceptPoliciesAction = defineAction({ schema: ZPolicyAnswersSchema, ...account }, async (input, { user }) => {
  const { required } = await policyQuestions(user.id);
  if (required.length > 0 && !input.acceptRequired) {
    throw new AppError("VALIDATION", { cause: { acceptRequired: "acceptTermsRequired" } });
  }
  await answerPolicyQuestions(user.id, input.keep);
  redirect({ href: homePathFor(user.role), locale: await getLocale() });
});

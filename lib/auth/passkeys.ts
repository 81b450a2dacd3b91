import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import type {
  AuthenticationResponseJSON,
  AuthenticatorTransportFuture,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/types";
import { cookies } from "next/headers";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { consumeAuthToken, issueAuthToken } from "./auth-tokens";
import { assertEmailVerified } from "./email-proof";
import { sidecarCookie } from "./cookies";
import { requestMeta } from "@/lib/request-context";
import { startSession } from "./sessions";
import { assertKeepsSignInMethod } from "./sign-in-methods";
import { reserveAttempt } from "./throttle";
import { TOKEN_LIFETIME_MINUTES } from "./token-policy";

/**
 * Passkeys (WebAuthn) with @simplewebauthn/server. A passkey is a strong sign-in on its own: it is
 * bound to this site's origin and needs the user's device (and usually a PIN or biometrics).
 * Challenges are single-use, live 5 minutes and are tied to the browser by a cookie.
 */
const origin = new URL(env.AUTH_URL);
const RP_ID = origin.hostname;
const RP_NAME = "Owners Portal";

const CHALLENGE_COOKIE = sidecarCookie("passkey-challenge", TOKEN_LIFETIME_MINUTES.PASSKEY_CHALLENGE * 60);

type ChallengeData = { challenge: string; kind: "register" | "authenticate" };

async function rememberChallenge(data: ChallengeData, userId?: string): Promise<void> {
  const { token } = await issueAuthToken({ purpose: "PASSKEY_CHALLENGE", userId, data });
  (await cookies()).set(CHALLENGE_COOKIE.name, token, CHALLENGE_COOKIE.options);
}

async function takeChallenge(kind: ChallengeData["kind"]): Promise<{ challenge: string; userId: string | null }> {
  const jar = await cookies();
  const token = jar.get(CHALLENGE_COOKIE.name)?.value;
  jar.set(CHALLENGE_COOKIE.name, "", CHALLENGE_COOKIE.cleared);
  const consumed = token ? await consumeAuthToken(token, "PASSKEY_CHALLENGE") : null;
  const data = consumed?.data as ChallengeData | undefined;
  if (!consumed || data?.kind !== kind) throw new AppError("UNAUTHENTICATED", { messageKey: "passkeys.expired" });
  return { challenge: data.challenge, userId: consumed.userId };
}

export async function passkeyRegistrationOptions(user: {
  id: string;
  email: string;
  name: string | null;
}): Promise<PublicKeyCredentialCreationOptionsJSON> {
  await assertEmailVerified(user.id);
  const existing = await db.passkey.findMany({ where: { userId: user.id }, select: { credentialId: true, transports: true } });
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: RP_ID,
    userID: user.id,
    userName: user.email,
    userDisplayName: user.name ?? user.email,
    attestationType: "none",
    excludeCredentials: existing.map((passkey) => ({
      id: isoBase64URL.toBuffer(passkey.credentialId),
      type: "public-key",
      transports: passkey.transports as AuthenticatorTransportFuture[],
    })),
    // User verification (PIN or biometrics) is what makes a passkey a strong sign-in on its own.
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  await rememberChallenge({ challenge: options.challenge, kind: "register" }, user.id);
  return options;
}

export async function registerPasskey(
  user: { id: string; email: string; locale: string },
  input: { name: string; response: RegistrationResponseJSON },
): Promise<void> {
  await assertEmailVerified(user.id);
  const { challenge, userId } = await takeChallenge("register");
  if (userId !== user.id) throw new AppError("UNAUTHENTICATED", { messageKey: "passkeys.expired" });
  const verification = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: challenge,
    expectedOrigin: origin.origin,
    expectedRPID: RP_ID,
  }).catch(() => null);
  const info = verification?.verified ? verification.registrationInfo : undefined;
  if (!info) throw new AppError("VALIDATION", { messageKey: "passkeys.failed" });
  await db.passkey.create({
    data: {
      userId: user.id,
      credentialId: isoBase64URL.fromBuffer(info.credentialID),
      publicKey: Buffer.from(info.credentialPublicKey),
      counter: BigInt(info.counter),
      transports: input.response.response.transports ?? [],
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      name: input.name,
    },
  });
  await recordAudit({ action: "auth.passkey_added", outcome: "SUCCESS", actorId: user.id });
  await enqueueEmail({ to: user.email, locale: user.locale, template: { name: "secondFactorChanged", change: "passkeyAdded" } });
}

export async function passkeyAuthenticationOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  // Each request writes a challenge row: limit them per client address.
  const { ipAddress } = await requestMeta();
  if (!(await reserveAttempt([{ kind: "lookup", value: `passkey:${ipAddress ?? "unknown"}` }])).allowed) {
    throw new AppError("RATE_LIMITED");
  }
  // No allow-list: the browser offers the passkeys it holds for this site (discoverable
  // credentials), so the user need not type an email and nothing reveals which accounts exist.
  const options = await generateAuthenticationOptions({ rpID: RP_ID, userVerification: "required" });
  await rememberChallenge({ challenge: options.challenge, kind: "authenticate" });
  return options;
}

/** Check a passkey assertion; returns the user it belongs to. */
export async function verifyPasskeyAssertion(response: AuthenticationResponseJSON) {
  const { challenge } = await takeChallenge("authenticate");
  const passkey = await db.passkey.findUnique({
    where: { credentialId: response.id },
    include: { user: { select: { id: true, role: true, disabledAt: true, locale: true, dealer: { select: { deactivatedAt: true } } } } },
  });
  const verification = passkey
    ? await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: origin.origin,
        expectedRPID: RP_ID,
        authenticator: {
          credentialID: isoBase64URL.toBuffer(passkey.credentialId),
          credentialPublicKey: new Uint8Array(passkey.publicKey),
          counter: Number(passkey.counter),
          transports: passkey.transports as AuthenticatorTransportFuture[],
        },
      }).catch(() => null)
    : null;
  if (!passkey || !verification?.verified || passkey.user.disabledAt || passkey.user.dealer?.deactivatedAt) {
    await recordAudit({ action: "auth.sign_in", outcome: "FAILURE", actorId: passkey?.userId, details: { method: "passkey" } });
    throw new AppError("UNAUTHENTICATED", { messageKey: "passkeys.failed" });
  }
  await db.passkey.update({
    where: { id: passkey.id },
    data: { counter: BigInt(verification.authenticationInfo.newCounter), lastUsedAt: new Date() },
  });
  return passkey.user;
}

/** Passkey sign-in: a strong session straight away. */
export async function signInWithPasskey(response: AuthenticationResponseJSON): Promise<{ role: Role }> {
  const user = await verifyPasskeyAssertion(response);
  await startSession(user, { method: "passkey", strong: true });
  await recordAudit({ action: "auth.sign_in", outcome: "SUCCESS", actorId: user.id, details: { method: "passkey" } });
  return { role: user.role };
}

export async function removePasskey(user: { id: string; email: string; locale: string }, passkeyId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    // Ownership in the query: another user's passkey id is "not found" (conventions: Ownership lives in the query).
    const { count } = await tx.passkey.deleteMany({ where: { id: passkeyId, userId: user.id } });
    if (count !== 1) throw new AppError("NOT_FOUND");
    await assertKeepsSignInMethod(tx, user.id);
  });
  await recordAudit({ action: "auth.passkey_removed", outcome: "SUCCESS", actorId: user.id });
  await enqueueEmail({ to: user.email, locale: user.locale, template: { name: "secondFactorChanged", change: "passkeyRemoved" } });
}

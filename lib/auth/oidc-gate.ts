import "server-only";
import type { Account, Profile, User } from "next-auth";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { isLocale } from "@/lib/i18n/routing";
import { env } from "@/lib/env";
import { sessionFromCookie } from "./current-session";
import { beginSecondFactor } from "./second-factor";
import { isRecentlyAuthenticated } from "./session-policy";

/**
 * The language the sign-in started in: the first segment of the callback URL Auth.js keeps in its
 * cookie while the browser is at the provider (`/en/signin/continue`).
 */
async function signInLocale(): Promise<string | null> {
  const jar = await cookies();
  const value = jar.get("__Secure-authjs.callback-url")?.value ?? jar.get("authjs.callback-url")?.value;
  if (!value) return null;
  try {
    const segment = new URL(value, env.AUTH_URL).pathname.split("/")[1];
    return isLocale(segment) ? segment : null;
  } catch {
    return null;
  }
}

/**
 * Auth.js's signIn callback for OIDC providers (Google, LINE, generic OIDC). Returns true to let
 * Auth.js go on, false to refuse, or a path to send the browser to instead.
 *
 * - A provider is linked to an existing account only from a signed-in session that proved itself
 *   recently (step-up, ASVS 7.5.1); an unknown provider account whose email matches an existing
 *   account is refused by Auth.js (OAuthAccountNotLinked) rather than linked by email.
 * - An account with a second factor goes to the second-factor step; no session is created yet.
 */
export async function oidcSignInGate({
  user,
  account,
  profile,
}: {
  user: User;
  account: Account | null | undefined;
  profile?: Profile;
}): Promise<boolean | string> {
  if (!account || (account.type !== "oidc" && account.type !== "oauth")) return true;
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
    select: { user: { select: { id: true, locale: true, disabledAt: true, totpEnabledAt: true } } },
  });
  const current = await sessionFromCookie();

  if (current) {
    const locale = current.user.locale;
    if (linked) return linked.user.id === current.userId ? true : `/${locale}/account/security?linkError=taken`;
    if (!isRecentlyAuthenticated(current.authenticatedAt, env.STEP_UP_MINUTES, new Date())) {
      return `/${locale}/account/security?linkError=stepUp`;
    }
    // Linking straight through Auth.js's endpoint meets the same rule as the action (email-proof.ts).
    if (!current.user.emailVerified) return `/${locale}/account/security?linkError=unverified`;
    return true;
  }

  if (!linked) {
    // A new account from a provider needs an email address the provider has verified; otherwise
    // anyone could pre-create an account under someone else's address. LINE only hands out
    // addresses it has verified and sends no email_verified claim.
    const verified = account.provider === "line" || profile?.email_verified === true;
    return Boolean(user.email) && verified;
  }
  if (linked.user.disabledAt) return false;
  if (linked.user.totpEnabledAt) {
    await beginSecondFactor(linked.user.id, { method: `oidc:${account.provider}` });
    return `/${(await signInLocale()) ?? linked.user.locale}/signin/second-factor`;
  }
  return true;
}

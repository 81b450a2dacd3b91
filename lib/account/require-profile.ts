import "server-only";
import { getLocale } from "next-intl/server";
import { db } from "@/lib/db";
import { redirect } from "@/lib/i18n/navigation";
import { missingProfileNeeds, type ProfileNeed } from "./profile-needs";

/**
 * For a page or flow that needs more of the profile (e.g. an address before a pickup): when
 * something is missing, send the user to the profile form, asking for just that, and back to
 * `returnTo` afterwards.
 */
export async function requireProfile(userId: string, needs: ProfileNeed[], returnTo: string): Promise<void> {
  const profile = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, phone: true, postalCode: true, prefecture: true, city: true, addressLine1: true },
  });
  const missing = missingProfileNeeds(profile, needs);
  if (missing.length === 0) return;
  redirect({ href: { pathname: "/account", query: { need: missing.join(","), returnTo } }, locale: await getLocale() });
}

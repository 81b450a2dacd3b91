import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { recordAudit } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import { redirect } from "@/lib/i18n/navigation";
import { getCurrentUser, type CurrentUser } from "./current-user";
import { areaPermission, can, requiresSecondFactor, type Area, type DealerOwned, type Permission } from "./permissions";

async function recordDenial(user: CurrentUser, permission: Permission, path?: string): Promise<void> {
  await recordAudit({
    action: "access.denied",
    outcome: "DENIED",
    actorId: user.id,
    details: { permission, role: user.role, ...(path ? { path } : {}) },
  });
}

/** For server actions and route handlers: the user, or a typed 401/403 that the wrapper maps. */
export async function requirePermission(permission: Permission, resource?: DealerOwned): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (!can(user, permission, resource)) {
    await recordDenial(user, permission);
    throw new AppError("FORBIDDEN");
  }
  // Privileged work needs a session with a second factor (ASVS 6.3.3); own-account actions do
  // not, since that is where the second factor is set up.
  if (permission !== "account.manage" && requiresSecondFactor(user.role) && !user.strong) {
    throw new AppError("FORBIDDEN", { messageKey: "twoFactor.requiredForRole" });
  }
  return user;
}

/**
 * For a page inside an area that needs more than the area itself (the audit log inside /admin):
 * the same 404 and the same audited denial as a wrong area.
 */
export async function requirePagePermission(user: CurrentUser, permission: Permission): Promise<void> {
  if (can(user, permission)) return;
  await recordDenial(user, permission, await currentPath());
  notFound();
}

/** Path of the current request (set by proxy.ts), to come back to after sign-in. */
async function currentPath(): Promise<string | undefined> {
  return (await headers()).get("x-pathname") ?? undefined;
}

/**
 * For layouts and pages of a role-gated area: a signed-out visitor is sent to sign in (and back
 * afterwards); a signed-in user of another role gets the 404 page, which does not confirm that the
 * area exists (conventions: One policy module).
 */
export const requireArea = cache(async (area: Area): Promise<CurrentUser> => {
  const user = await requireSignedIn();
  const permission = areaPermission(area);
  if (!can(user, permission)) {
    await recordDenial(user, permission, await currentPath());
    notFound();
  }
  // Staff, admin and dealer areas need a session with a second factor or a passkey (ASVS 6.3.3);
  // an account without one is sent to set it up first.
  if (requiresSecondFactor(user.role) && !user.strong) {
    redirect({ href: { pathname: "/account/security", query: { required: "1" } }, locale: await getLocale() });
  }
  return user;
});

/** Any signed-in user (own account pages); a signed-out visitor is sent to sign in and back. */
export const requireSignedIn = cache(async (): Promise<CurrentUser> => {
  const user = await getCurrentUser();
  if (!user) {
    const path = await currentPath();
    redirect({ href: { pathname: "/signin", query: path ? { callbackUrl: path } : {} }, locale: await getLocale() });
    throw new Error("unreachable"); // redirect() never returns
  }
  return user;
});
// cache(): a layout and its page render concurrently and both call requireArea; they share one
// check, so one denied visit writes one audit entry.

/**
 * The one policy module (house style 3): which role may do what. Pure, so the UI can ask `can()`
 * to hide what a user cannot use; the server enforces the same table through
 * `requirePermission()` in permissions.server.ts. Dealer scoping is decided here too.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["CUSTOMER", "SUPPORT_AGENT", "SUPPORT_LEAD", "ADMIN", "DEALER_STAFF"] as const satisfies readonly Role[];

const STAFF: readonly Role[] = ["SUPPORT_AGENT", "SUPPORT_LEAD", "ADMIN"];

/** Roles that must use a second factor (ASVS 6.3.3). */
export const PRIVILEGED_ROLES: readonly Role[] = [...STAFF, "DEALER_STAFF"];

/** Staff, admin and dealer accounts must have a second factor and work in strong sessions only. */
export function requiresSecondFactor(role: Role): boolean {
  return PRIVILEGED_ROLES.includes(role);
}

const PERMISSIONS = {
  /** Own account: profile, password, second factor, passkeys, sessions. */
  "account.manage": ROLES,
  /** Customer "My Page" and everything under it. */
  "mypage.access": ["CUSTOMER"],
  /** Staff area (/admin). */
  "staff.access": STAFF,
  "staff.dashboard.read": STAFF,
  "audit.read": ["SUPPORT_LEAD", "ADMIN"],
  /** Dealer area (/dealer). */
  "dealer.access": ["DEALER_STAFF"],
  "dealer.profile.read": ["DEALER_STAFF"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The part of a user the policy needs. */
export type Actor = { id: string; role: Role; dealerId: string | null };

/** A resource that belongs to one dealer (dealer staff see only their own). */
export type DealerOwned = { dealerId: string | null };

export function can(actor: Actor | null | undefined, permission: Permission, resource?: DealerOwned): boolean {
  if (!actor) return false;
  const roles: readonly Role[] = PERMISSIONS[permission];
  if (!roles.includes(actor.role)) return false;
  if (actor.role === "DEALER_STAFF" && resource !== undefined) {
    return actor.dealerId !== null && resource.dealerId === actor.dealerId;
  }
  return true;
}

export type Area = "mypage" | "staff" | "dealer";

const AREA_PERMISSION: Record<Area, Permission> = {
  mypage: "mypage.access",
  staff: "staff.access",
  dealer: "dealer.access",
};

export function areaPermission(area: Area): Permission {
  return AREA_PERMISSION[area];
}

/** The area a path belongs to (without locale prefix), or null for public pages. */
export function areaOfPath(pathname: string): Area | null {
  if (pathname === "/mypage" || pathname.startsWith("/mypage/")) return "mypage";
  if (pathname === "/admin" || pathname.startsWith("/admin/")) return "staff";
  if (pathname === "/dealer" || pathname.startsWith("/dealer/")) return "dealer";
  return null;
}

/** Where a user lands after sign-in. */
export function homePathFor(role: Role): "/mypage" | "/admin" | "/dealer" {
  if (role === "CUSTOMER") return "/mypage";
  if (role === "DEALER_STAFF") return "/dealer";
  return "/admin";
}

export function areaOf(role: Role): Area {
  if (role === "CUSTOMER") return "mypage";
  if (role === "DEALER_STAFF") return "dealer";
  return "staff";
}

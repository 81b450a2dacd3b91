/**
 * The one policy module (conventions: One policy module): which role may do what. Pure, so the UI can ask `can()`
 * to hide what a user cannot use; the server enforces the same table through
 * `requirePermission()` in permissions.server.ts. Dealer scoping is decided here too.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = [
  "CUSTOMER",
  "SUPPORT_AGENT",
  "SUPPORT_LEAD",
  "ADMIN",
  "DEALER_STAFF",
  "DEALER_ADMIN",
] as const satisfies readonly Role[];

const STAFF: readonly Role[] = ["SUPPORT_AGENT", "SUPPORT_LEAD", "ADMIN"];

/** A dealer's people: staff, and the dealer admin who manages them (issue 13). */
export const DEALER_ROLES: readonly Role[] = ["DEALER_STAFF", "DEALER_ADMIN"];

export function isDealerRole(role: Role): boolean {
  return DEALER_ROLES.includes(role);
}

/** Roles that must use a second factor (ASVS 6.3.3). */
export const PRIVILEGED_ROLES: readonly Role[] = [...STAFF, ...DEALER_ROLES];

/** Staff, admin and dealer accounts must have a second factor and work in strong sessions only. */
export function requiresSecondFactor(role: Role): boolean {
  return PRIVILEGED_ROLES.includes(role);
}

const PERMISSIONS = {
  /** Own account: profile, password, second factor, passkeys, sessions. */
  "account.manage": ROLES,
  /** Customer "My Page" and everything under it. */
  "mypage.access": ["CUSTOMER"],
  /** The privacy center on My Page: consents, notifications, data export, who saw my data, deleting the account (issue 14). */
  "privacy.own": ["CUSTOMER"],
  /** Staff area (/admin). */
  "staff.access": STAFF,
  "staff.dashboard.read": STAFF,
  "audit.read": ["SUPPORT_LEAD", "ADMIN"],
  /** Consent purposes and policy versions, consent statistics, retention periods and runs (issue 14). */
  "privacy.manage": ["ADMIN"],
  /** Dealer area (/dealer). */
  "dealer.access": DEALER_ROLES,
  "dealer.profile.read": DEALER_ROLES,
  /** The customers and products of the dealer's own sales, masked unless a purpose allows (issue 13). */
  "dealer.customers": DEALER_ROLES,
  /** Import the shop's sales and send registration invitations. */
  "dealer.sales": DEALER_ROLES,
  /** Drop-off repairs at the shop: the dealer's steps. */
  "dealer.repairs": DEALER_ROLES,
  /** Recall follow-up for units the dealer sold, messages to their owners. */
  "dealer.recalls": DEALER_ROLES,
  /** The shop's own staff accounts: invite, disable (never another shop, never a higher role). */
  "dealer.staff.manage": ["DEALER_ADMIN"],
  /** The brand's apps using the portal's sign-in and API, signing keys, webhooks (issue 16). */
  "apps.manage": ["ADMIN"],
  /** Dealers in the staff area: create, edit, deactivate, their sales and staff. */
  "dealers.manage": ["ADMIN"],
  /** Register, transfer and unregister own products; file ownership claims (issue 4). */
  "products.own": ["CUSTOMER"],
  /** Upload images (proof of purchase, claim evidence, later repairs and chat). */
  "files.upload": ROLES,
  /** Read customers' proof and evidence images while reviewing their claims. */
  "files.review": ["SUPPORT_LEAD", "ADMIN"],
  /** Review ownership claims (a serial registered by someone else). */
  "claims.review": ["SUPPORT_LEAD", "ADMIN"],
  /** Product models, warranty terms, extended plans and serial formats. */
  "catalog.manage": ["ADMIN"],
  /** Serial registry imports. */
  "registry.import": ["ADMIN"],
  /** Recall campaigns: define, publish, follow. */
  "recalls.manage": ["ADMIN"],
  /** Send repair requests for own products and follow them (issue 10). */
  "repairs.own": ["CUSTOMER"],
  /** Work the service desk: queue, tickets, notes, estimates, the customer panel, repair photos, CSV export. */
  "repairs.work": STAFF,
  /** The desk dashboard (times to respond and resolve, breaches). */
  "repairs.dashboard": ["SUPPORT_LEAD", "ADMIN"],
  /** Add photos to repair requests: customers with their request, desk staff for diagnosis (not dealers). */
  "repairs.photos.upload": ["CUSTOMER", ...STAFF],
  /** Business hours, SLA targets and symptom categories. */
  "desk.manage": ["ADMIN"],
  /** Chat with support about own products and repairs (issue 11). */
  "chat.own": ["CUSTOMER"],
  /** Answer customers' chats: the inbox, assignment, canned replies. */
  "chat.work": STAFF,
  /** Attach images to chat messages (customers and the desk, not dealers). */
  "chat.images.upload": ["CUSTOMER", ...STAFF],
  /** Edit the canned replies staff insert into chats. */
  "chat.replies.manage": ["SUPPORT_LEAD", "ADMIN"],
  /** Open the chat event stream (what it shows is scoped by chat.own / chat.work). */
  "chat.stream": ["CUSTOMER", ...STAFF],
  /** Own points: balance, history, rewards and redemption (issue 12). */
  "points.own": ["CUSTOMER"],
  /** A customer's points as staff: lots, history, "release now", proposing adjustments, held awards. */
  "points.customers": ["SUPPORT_LEAD", "ADMIN"],
  /** Approve or reject an adjustment above the threshold (never one's own: four eyes). */
  "points.approve": ["SUPPORT_LEAD", "ADMIN"],
  /** Earning rules, rewards, tiers and program settings. */
  "points.manage": ["ADMIN"],
  /** The liability report for finance. */
  "points.report": ["ADMIN"],
  /** Profile attributes, progressive-profiling prompts and their limits (issue 15). */
  "profiling.manage": ["ADMIN"],
  /** Segments: build, count, sample (masked), save (issue 15). */
  "segments.manage": ["ADMIN"],
  /** Campaigns to segments by email and My Page notice (issue 15). */
  "campaigns.manage": ["ADMIN"],
  /** Surveys: questions, triggers, results and their export (issue 15). */
  "surveys.manage": ["ADMIN"],
  /** The analytics dashboard and its CSV exports (issue 15). */
  "analytics.read": ["SUPPORT_LEAD", "ADMIN"],
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
  if (isDealerRole(actor.role) && resource !== undefined) {
    return actor.dealerId !== null && resource.dealerId === actor.dealerId;
  }
  return true;
}

/** Why a file was uploaded; decides who may upload and who may read it. */
export const FILE_PURPOSES = ["proof_of_purchase", "claim_evidence", "model_image", "repair_photo", "chat_image", "reward_image"] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

const UPLOAD_PERMISSION: Record<FilePurpose, Permission> = {
  proof_of_purchase: "products.own",
  claim_evidence: "products.own",
  model_image: "catalog.manage",
  // Customers upload with a request, desk staff diagnosis photos; who reads them: storedFileWhereFor (lib/auth/scopes.ts).
  repair_photo: "repairs.photos.upload",
  chat_image: "chat.images.upload",
  reward_image: "points.manage",
};

export function uploadPermission(purpose: FilePurpose): Permission {
  return UPLOAD_PERMISSION[purpose];
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
  if (isDealerRole(role)) return "/dealer";
  return "/admin";
}

export function areaOf(role: Role): Area {
  if (role === "CUSTOMER") return "mypage";
  if (isDealerRole(role)) return "dealer";
  return "staff";
}

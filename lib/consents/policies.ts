import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";

/**
 * Consent purposes and their published texts live in the database (decision 0012): admins publish
 * a new version at /admin/privacy, each consent record keeps the version and the SHA-256 of both
 * texts it was given to (GDPR 7(1)). The newest version is current. A consent to an older version
 * still counts unless a newer version requires re-acceptance: then it counts only from the newest
 * such version on, and the customer is asked again at their next visit to My Page.
 */
export type PurposeId = string;

/** The two purposes every customer accepts (the sign-up form and the re-acceptance page). */
export const REQUIRED_PURPOSES = ["terms", "privacy"] as const;

export function policyTextHash(textJa: string, textEn: string): string {
  return createHash("sha256").update(textJa).update(textEn).digest("hex");
}

const versionSelect = {
  id: true,
  version: true,
  publishedAt: true,
  requiresReacceptance: true,
  summaryJa: true,
  summaryEn: true,
  textHash: true,
} as const;

export type PurposeVersions = Prisma.ConsentPurposeGetPayload<{ include: { versions: { select: typeof versionSelect } } }>;

/** Every purpose with its versions, oldest version first, purposes in their display order. */
export function purposesWithVersions(): Promise<PurposeVersions[]> {
  return db.consentPurpose.findMany({
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    include: { versions: { orderBy: { publishedAt: "asc" }, select: versionSelect } },
  });
}

export type VersionInfo = PurposeVersions["versions"][number];

/** The version in force (the newest published). */
export function currentOf(purpose: PurposeVersions): VersionInfo {
  const current = purpose.versions.at(-1);
  if (!current) throw new Error(`Consent purpose ${purpose.id} has no published version`);
  return current;
}

/** The oldest version a consent may have been given to and still count (the newest requiring re-acceptance). */
export function minimumOf(purpose: PurposeVersions): VersionInfo {
  return purpose.versions.findLast((version) => version.requiresReacceptance) ?? purpose.versions[0]!;
}

/** Whether a consent given to `version` of `purpose` still counts under the current texts. */
export function versionStillCounts(purpose: PurposeVersions, version: string): boolean {
  const given = purpose.versions.find((candidate) => candidate.version === version);
  return given !== undefined && given.publishedAt >= minimumOf(purpose).publishedAt;
}

export function purposeName(purpose: { nameJa: string; nameEn: string }, locale: Locale): string {
  return locale === "en" ? purpose.nameEn : purpose.nameJa;
}

export function purposeDescription(purpose: { descriptionJa: string; descriptionEn: string }, locale: Locale): string {
  return locale === "en" ? purpose.descriptionEn : purpose.descriptionJa;
}

export function versionSummary(version: { summaryJa: string | null; summaryEn: string | null }, locale: Locale): string | null {
  return (locale === "en" ? version.summaryEn : version.summaryJa) ?? null;
}

/** A purpose's text in force (or a given version of it), for the public policy pages. */
export async function policyDocument(purposeId: string, version?: string) {
  return db.policyVersion.findFirst({
    where: { purposeId, ...(version ? { version } : {}) },
    orderBy: { publishedAt: "desc" },
    select: { version: true, textJa: true, textEn: true, publishedAt: true, purpose: { select: { nameJa: true, nameEn: true } } },
  });
}

export function documentText(document: { textJa: string; textEn: string }, locale: Locale): string {
  return locale === "en" ? document.textEn : document.textJa;
}

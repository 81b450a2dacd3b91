import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "@/lib/i18n/routing";

/**
 * The policies a user agrees to. Each consent record keeps the version and the SHA-256 of the
 * texts (both languages) shown at that moment (GDPR 7(1)), so a later edit of a text without a new
 * version is visible in the records. Change `version` whenever a text changes in substance.
 */
export const POLICIES = {
  terms: { version: "2026-11-01" },
  privacy: { version: "2026-11-01" },
  /** Letting the dealer of a sale see one's contact details unmasked (issue 13); one record per dealer. */
  dealer_share: { version: "2026-12-03" },
} as const;

export type PolicyId = keyof typeof POLICIES;

const DOCUMENTS_DIR = path.join(process.cwd(), "lib", "consents", "documents");

export function policyText(policy: PolicyId, locale: Locale): string {
  return readFileSync(path.join(DOCUMENTS_DIR, `${policy}.${locale}.md`), "utf8");
}

export function policyTextHash(policy: PolicyId): string {
  const hash = createHash("sha256");
  for (const locale of ["ja", "en"] as const) hash.update(policyText(policy, locale));
  return hash.digest("hex");
}

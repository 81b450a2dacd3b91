import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { currentOf, purposesWithVersions, versionStillCounts, type PurposeVersions, type VersionInfo } from "./policies";
import { recordPolicyConsents } from "./record";

/**
 * A customer's consents (issue 14, GDPR 7): giving and withdrawing are one step each, every change
 * is a record (a withdrawal stamps the record it ends), and nothing that needs a purpose runs unless
 * its consent still counts under the current texts (lib/consents/policies.ts).
 */

type ActiveConsent = { purpose: string; policyVersion: string; grantedAt: Date };

function activeConsents(userId: string, client: Prisma.TransactionClient = db): Promise<ActiveConsent[]> {
  return client.consent.findMany({
    where: { userId, withdrawnAt: null, dealerId: null },
    select: { purpose: true, policyVersion: true, grantedAt: true },
    orderBy: { grantedAt: "desc" },
  });
}

export type PolicyQuestion = {
  purpose: PurposeVersions;
  current: VersionInfo;
  /** The version the customer agreed to before (a stale consent), or null when never given. */
  previousVersion: string | null;
};

/**
 * What the customer must answer before using My Page: required purposes (terms, privacy) without a
 * consent that still counts, and optional purposes they agreed to whose new version requires
 * re-acceptance. Per-dealer purposes are answered on the privacy page, dealer by dealer.
 */
export async function policyQuestions(userId: string): Promise<{ required: PolicyQuestion[]; optional: PolicyQuestion[] }> {
  const [purposes, active] = await Promise.all([purposesWithVersions(), activeConsents(userId)]);
  const required: PolicyQuestion[] = [];
  const optional: PolicyQuestion[] = [];
  for (const purpose of purposes) {
    if (purpose.perDealer || purpose.versions.length === 0) continue;
    const mine = active.filter((consent) => consent.purpose === purpose.id);
    if (mine.some((consent) => versionStillCounts(purpose, consent.policyVersion))) continue;
    const question = { purpose, current: currentOf(purpose), previousVersion: mine[0]?.policyVersion ?? null };
    if (purpose.required) required.push(question);
    else if (mine.length > 0) optional.push(question);
  }
  return { required, optional };
}

export async function hasPolicyQuestions(userId: string): Promise<boolean> {
  const { required, optional } = await policyQuestions(userId);
  return required.length + optional.length > 0;
}

/** Whether the customer's current consent allows `purpose` (marketing_email, research, analytics ...). */
export async function consentAllows(userId: string, purpose: string): Promise<boolean> {
  const [purposes, active] = await Promise.all([purposesWithVersions(), activeConsents(userId)]);
  const found = purposes.find((candidate) => candidate.id === purpose);
  if (!found) return false;
  return active.some((consent) => consent.purpose === purpose && versionStillCounts(found, consent.policyVersion));
}

export type ConsentChoice = {
  purpose: PurposeVersions;
  current: VersionInfo;
  /** The consent that counts now, if any. */
  given: { version: string; grantedAt: Date } | null;
};

/** The optional purposes (not per dealer) and where the customer stands on each, for My Page. */
export async function consentChoices(userId: string): Promise<ConsentChoice[]> {
  const [purposes, active] = await Promise.all([purposesWithVersions(), activeConsents(userId)]);
  return purposes
    .filter((purpose) => !purpose.required && !purpose.perDealer && purpose.versions.length > 0)
    .map((purpose) => {
      const counting = active.find((consent) => consent.purpose === purpose.id && versionStillCounts(purpose, consent.policyVersion));
      return {
        purpose,
        current: currentOf(purpose),
        given: counting ? { version: counting.policyVersion, grantedAt: counting.grantedAt } : null,
      };
    });
}

/** Every consent record of the customer, newest first: the history shown on the privacy page. */
export function consentHistory(userId: string, take = 100) {
  return db.consent.findMany({
    where: { userId },
    orderBy: [{ grantedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      purpose: true,
      policyVersion: true,
      textHash: true,
      channel: true,
      grantedAt: true,
      withdrawnAt: true,
      dealer: { select: { name: true } },
      purposeRecord: { select: { nameJa: true, nameEn: true } },
    },
  });
}

/** Serialise a customer's consent changes (a double click gives one record). */
async function lockCustomer(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
}

/**
 * Give or withdraw an optional purpose. Idempotent: giving what already counts, or withdrawing what
 * is not given, writes nothing. Giving while a stale consent is active ends it and records the
 * current version. Required purposes cannot be withdrawn here (that is deleting the account).
 */
export async function setConsent(userId: string, purposeId: string, allow: boolean, channel = "web_settings"): Promise<boolean> {
  const purposes = await purposesWithVersions();
  const purpose = purposes.find((candidate) => candidate.id === purposeId);
  if (!purpose || purpose.required || purpose.perDealer || purpose.versions.length === 0) throw new AppError("NOT_FOUND");
  const changed = await db.$transaction(async (tx) => {
    await lockCustomer(tx, userId);
    const active = await activeConsents(userId, tx).then((rows) => rows.filter((row) => row.purpose === purposeId));
    const counts = active.some((consent) => versionStillCounts(purpose, consent.policyVersion));
    if (allow && counts) return false;
    if (!allow && active.length === 0) return false;
    if (active.length > 0) {
      await tx.consent.updateMany({
        where: { userId, purpose: purposeId, dealerId: null, withdrawnAt: null },
        data: { withdrawnAt: new Date() },
      });
    }
    if (allow) await recordPolicyConsents(tx, userId, [purposeId], channel);
    return true;
  });
  if (changed) {
    await recordAudit({
      action: allow ? "consent.given" : "consent.withdrawn",
      outcome: "SUCCESS",
      actorId: userId,
      targetType: "ConsentPurpose",
      targetId: purposeId,
      details: { purpose: purposeId, version: currentOf(purpose).version, channel },
    });
  }
  return changed;
}

/**
 * The answers of the re-acceptance page: the required purposes are accepted (the form cannot be
 * sent otherwise), each stale optional consent is renewed or withdrawn as chosen.
 */
export async function answerPolicyQuestions(userId: string, keep: Record<string, boolean>): Promise<void> {
  const [{ optional }, purposes] = await Promise.all([policyQuestions(userId), purposesWithVersions()]);
  // Worked out again under the customer's lock: a double submit records the answers once.
  const accepted = await db.$transaction(async (tx) => {
    await lockCustomer(tx, userId);
    const active = await activeConsents(userId, tx);
    const ids = purposes
      .filter((purpose) => purpose.required && purpose.versions.length > 0)
      .filter((purpose) => !active.some((consent) => consent.purpose === purpose.id && versionStillCounts(purpose, consent.policyVersion)))
      .map((purpose) => purpose.id);
    if (ids.length === 0) return ids;
    await tx.consent.updateMany({
      where: { userId, purpose: { in: ids }, dealerId: null, withdrawnAt: null },
      data: { withdrawnAt: new Date() },
    });
    await recordPolicyConsents(tx, userId, ids, "web_prompt");
    return ids;
  });
  if (accepted.length > 0) {
    await recordAudit({
      action: "consent.given",
      outcome: "SUCCESS",
      actorId: userId,
      details: { purposes: accepted, channel: "web_prompt" },
    });
  }
  // setConsent serialises and checks again itself.
  for (const question of optional) await setConsent(userId, question.purpose.id, keep[question.purpose.id] === true, "web_prompt");
}

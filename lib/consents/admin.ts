import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { policyTextHash } from "./policies";
import type { ZPolicyVersionSchema, ZPurposeSchema } from "./schemas";

/**
 * Admins publish new versions of a purpose's text and add optional purposes (issue 14). A version
 * is never edited once published: consent records point at it by version and hash.
 */
export async function publishPolicyVersion(actor: Actor, input: z.output<typeof ZPolicyVersionSchema>): Promise<{ id: string }> {
  const purpose = await db.consentPurpose.findUnique({ where: { id: input.purpose }, select: { id: true } });
  if (!purpose) throw new AppError("NOT_FOUND");
  const created = await db.policyVersion
    .create({
      data: {
        purposeId: input.purpose,
        version: input.version,
        textJa: input.textJa,
        textEn: input.textEn,
        textHash: policyTextHash(input.textJa, input.textEn),
        summaryJa: input.summaryJa || null,
        summaryEn: input.summaryEn || null,
        requiresReacceptance: input.requiresReacceptance,
        createdById: actor.id,
      },
      select: { id: true },
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError("VALIDATION", { cause: { version: "privacyAdmin.versionTaken" } });
      throw error;
    });
  await recordAudit({
    action: "policy.published",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "PolicyVersion",
    targetId: created.id,
    details: { purpose: input.purpose, version: input.version, requiresReacceptance: input.requiresReacceptance },
  });
  return created;
}

export async function createPurpose(actor: Actor, input: z.output<typeof ZPurposeSchema>): Promise<void> {
  await db.consentPurpose.create({ data: { ...input, required: false, perDealer: false } }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new AppError("VALIDATION", { cause: { id: "privacyAdmin.purposeTaken" } });
    throw error;
  });
  await recordAudit({
    action: "consent_purpose.created",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "ConsentPurpose",
    targetId: input.id,
  });
}

/** A purpose with every version (newest first) and how many customers agree now, for the admin page. */
export async function purposeDetail(purposeId: string) {
  const purpose = await db.consentPurpose.findUnique({
    where: { id: purposeId },
    include: {
      versions: {
        orderBy: { publishedAt: "desc" },
        select: {
          id: true,
          version: true,
          publishedAt: true,
          requiresReacceptance: true,
          summaryJa: true,
          summaryEn: true,
          textJa: true,
          textEn: true,
          createdBy: { select: { email: true } },
        },
      },
    },
  });
  if (!purpose) return null;
  const active = await db.consent.count({ where: { purpose: purposeId, withdrawnAt: null } });
  return { ...purpose, active };
}

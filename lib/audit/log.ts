import "server-only";
import { db } from "@/lib/db";
import type { AuditOutcome, Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { requestMeta, type RequestMeta } from "@/lib/request-context";

/**
 * Append-only audit log (ASVS 16.3.1, 16.3.2): sign-ins, failures, sign-outs, permission denials and
 * staff/dealer views of personal data. The table refuses UPDATE/DELETE at the database level
 * (trigger in the first migration), so not even a bug here can rewrite history.
 */
export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_out"
  | "auth.sign_up"
  | "auth.locked"
  | "auth.email_verified"
  | "auth.email_changed"
  | "auth.second_factor"
  | "auth.reauthenticate"
  | "auth.password_changed"
  | "auth.password_reset"
  | "auth.mfa_enabled"
  | "auth.mfa_disabled"
  | "auth.recovery_codes_renewed"
  | "auth.passkey_added"
  | "auth.passkey_removed"
  | "auth.provider_linked"
  | "auth.provider_unlinked"
  | "auth.unproven_credentials_removed"
  | "auth.session_revoked"
  | "profile.updated"
  | "consent.given"
  | "consent.withdrawn"
  | "registry.import"
  | "product.registered"
  | "product.claim_filed"
  | "product.claim_decided"
  | "product.transfer_started"
  | "product.transferred"
  | "product.unregistered"
  | "catalog.updated"
  | "recall.published"
  | "recall.updated"
  | "recall.deleted"
  | "access.denied"
  | "admin.created"
  | "personal_data.viewed"
  | "repair.created"
  | "repair.updated"
  | "repair.cancelled"
  | "repair.info_added"
  | "repair.estimate_decided"
  | "repair.rated"
  | "repair.rating_withdrawn"
  | "points.adjustment_proposed"
  | "points.adjustment_decided"
  | "points.flag_decided"
  | "points.released"
  | "points.reversed"
  | "points.rules_updated"
  | "points.rewards_updated"
  | "points.tiers_updated"
  | "points.program_updated"
  | "points.reconciliation_failed"
  | "desk.settings_updated"
  | "chat.started_by_staff"
  | "chat.assigned"
  | "chat.status_changed"
  | "chat.replies_updated"
  | "dealer.sales_imported"
  | "dealer.invitation_sent"
  | "dealer.repair_step"
  | "dealer.message_sent"
  | "dealer.staff_invited"
  | "dealer.staff_disabled"
  | "dealer.staff_enabled"
  | "dealer.updated"
  | "dealer.deactivated"
  | "dealer.reactivated"
  | "dealer.sale_reviewed"
  | "notifications.changed"
  | "policy.published"
  | "consent_purpose.created"
  | "privacy.export_requested"
  | "privacy.export_ready"
  | "privacy.export_downloaded"
  | "account.erasure_requested"
  | "account.erased"
  | "retention.updated"
  | "retention.run"
  | "audit.exported"
  | "segment.saved"
  | "segment.archived"
  | "segment.exported"
  | "profiling.attribute_saved"
  | "profiling.prompt_saved"
  | "profiling.settings_updated"
  | "campaign.saved"
  | "campaign.scheduled"
  | "campaign.sent"
  | "campaign.cancelled"
  | "campaign.test_sent"
  | "campaign.unsubscribed"
  | "survey.saved"
  | "survey.status_changed"
  | "survey.exported"
  | "analytics.exported"
  | "analytics.refreshed"
  | "oidc.login"
  | "oidc.consent_given"
  | "oidc.consent_denied"
  | "oidc.grant_revoked"
  | "oidc.client_saved"
  | "oidc.client_secret_renewed"
  | "oidc.keys_rotated"
  | "api.call"
  | "webhook.saved"
  | "webhook.disabled"
  | "webhook.enabled"
  | "webhook.redelivered"
  | "job.dead";

export type AuditEntry = {
  action: AuditAction;
  outcome: AuditOutcome;
  actorId?: string | null;
  actorLabel?: string;
  targetType?: string;
  targetId?: string;
  /** Users whose personal data this event showed or changed ("whose" in the audit log). */
  subjectIds?: string[];
  details?: Prisma.InputJsonValue;
  /** The request's address and agent, read earlier: for entries written after the response started (a streamed export). */
  meta?: RequestMeta;
};

export async function recordAudit(entry: AuditEntry): Promise<void> {
  const meta = entry.meta ?? (await requestMeta());
  try {
    await db.auditEvent.create({
      data: {
        action: entry.action,
        outcome: entry.outcome,
        actorId: entry.actorId ?? null,
        actorLabel: entry.actorLabel?.slice(0, 320),
        targetType: entry.targetType,
        targetId: entry.targetId,
        subjectIds: entry.subjectIds ? [...new Set(entry.subjectIds)] : undefined,
        details: entry.details,
        ipAddress: meta.ipAddress,
        userAgent: meta.userAgent,
        requestId: meta.requestId,
      },
    });
  } catch (error) {
    // A failed audit write must be visible to operators; it must not turn a denial into a 500.
    logger.error({ err: error, audit: entry.action }, "audit write failed");
  }
}

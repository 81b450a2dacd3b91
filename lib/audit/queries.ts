import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { recordAudit } from "./log";

/** A user's own recent security events (sign-ins, failures, changes to how they sign in), so they can spot a stranger. */
export function listOwnSecurityEvents(userId: string, take = 10) {
  return db.auditEvent.findMany({
    where: { actorId: userId, action: { startsWith: "auth." } },
    orderBy: { at: "desc" },
    take,
    select: { id: true, at: true, action: true, outcome: true, ipAddress: true },
  });
}

/**
 * The latest audit entries, for staff with `audit.read` (checked by the caller's page). They hold
 * other people's emails and addresses, so reading them is itself audited (ASVS 16.3.1).
 */
export async function viewRecentAuditEvents(viewer: CurrentUser, take = 100) {
  await recordAudit({ action: "personal_data.viewed", outcome: "SUCCESS", actorId: viewer.id, targetType: "AuditLog", details: { take } });
  return db.auditEvent.findMany({
    orderBy: { at: "desc" },
    take,
    select: {
      id: true,
      at: true,
      action: true,
      outcome: true,
      actorLabel: true,
      ipAddress: true,
      actor: { select: { email: true, role: true } },
    },
  });
}

import "server-only";
import { db } from "@/lib/db";

/** A user's own recent sign-in activity, shown on My Page so they can spot a stranger. */
export function listOwnSecurityEvents(userId: string, take = 10) {
  return db.auditEvent.findMany({
    where: { actorId: userId, action: { in: ["auth.sign_in", "auth.sign_out"] } },
    orderBy: { at: "desc" },
    take,
    select: { id: true, at: true, action: true, outcome: true, ipAddress: true },
  });
}

/** The latest audit entries for staff with `audit.read` (checked by the caller's page). */
export function listRecentAuditEvents(take = 100) {
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

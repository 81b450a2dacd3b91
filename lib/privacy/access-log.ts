import "server-only";
import { db } from "@/lib/db";

/**
 * "Who saw my data" (issue 14): the staff and dealer views of the customer's personal data, from
 * the audit log (personal_data.viewed events that name them as a subject). Shown by role and shop
 * ("support" for the brand's own staff); staff names are not shown (decision 0012).
 */
export type DataView = {
  id: string;
  at: Date;
  /** The shop, for a dealer's view; null for the brand's own staff. */
  dealer: string | null;
  role: string | null;
  /** Why the data was shown unmasked (a dealer's consent or an open repair), when recorded. */
  reason: string | null;
  /** What was looked at, e.g. "RepairTicket", "Customer". */
  targetType: string | null;
};

export async function viewsOfMyData(userId: string, take = 100): Promise<DataView[]> {
  const rows = await db.auditEvent.findMany({
    where: { action: "personal_data.viewed", subjectIds: { has: userId }, OR: [{ actorId: null }, { actorId: { not: userId } }] },
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      at: true,
      targetType: true,
      details: true,
      actor: { select: { role: true, dealer: { select: { name: true } } } },
    },
  });
  return rows.map((row) => {
    const details =
      row.details && typeof row.details === "object" && !Array.isArray(row.details) ? (row.details as Record<string, unknown>) : {};
    return {
      id: String(row.id),
      at: row.at,
      dealer: row.actor?.dealer?.name ?? null,
      role: row.actor?.role ?? null,
      reason: typeof details.reason === "string" ? details.reason : null,
      targetType: row.targetType,
    };
  });
}

import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { keptForDisplay } from "@/lib/cache/shown";
import { can, ROLES, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { loadQueuePage, queueFilterParams, type QueueFilter } from "./queue";

/**
 * The queue as the desk page shows it: one page of rows, and one audit entry naming the customers
 * whose names the page showed (every staff view of personal data is logged, ASVS 16.3.1).
 */
export async function viewQueuePage(filter: QueueFilter, viewer: Actor) {
  const page = await loadQueuePage(filter, viewer.id);
  if (page.rows.length > 0) {
    await recordAudit({
      action: "personal_data.viewed",
      outcome: "SUCCESS",
      actorId: viewer.id,
      targetType: "RepairQueue",
      subjectIds: page.rows.map((row) => row.customer.id),
      details: { tickets: page.rows.map((row) => row.id), filter: queueFilterParams(filter) },
    });
  }
  return page;
}

/** The choices of the queue's filter form: who works the desk, the catalog's models, the dealers. */
async function readQueueFilterOptions() {
  const [agents, models, dealers] = await Promise.all([
    db.user.findMany({
      // The roles the policy lets work the desk (one policy module), not a list of its own.
      where: { role: { in: ROLES.filter((role) => can({ id: "", role, dealerId: null }, "repairs.work")) }, disabledAt: null },
      select: { id: true, name: true, email: true },
      orderBy: [{ name: "asc" }, { email: "asc" }],
      take: 500,
    }),
    db.productModel.findMany({ select: { id: true, code: true }, orderBy: { code: "asc" }, take: 500 }),
    db.dealer.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 }),
  ]);
  return { agents, models, dealers };
}

// Shown on every queue view and the same for every viewer: read once per few seconds per process
// (lib/cache/shown.ts). Saving a model, a dealer or a name forgets it; a filter by an id the form
// does not list yet still works from the URL.
const shownFilterOptions = keptForDisplay(readQueueFilterOptions, { ttlMs: 10_000, sources: ["staff", "models", "dealers"] });

export function loadQueueFilterOptions(): Promise<QueueFilterOptions> {
  return shownFilterOptions.get();
}

export type QueueFilterOptions = Awaited<ReturnType<typeof readQueueFilterOptions>>;

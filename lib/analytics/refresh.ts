import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/jobs/enqueue";
import { ANALYTICS_REFRESH_QUEUE } from "@/lib/jobs/queues";

/**
 * Refresh the analytics materialized views (issue 15): CONCURRENTLY, so the dashboard keeps reading
 * the previous figures meanwhile. The job runs nightly; an admin can ask for it now.
 */
export async function refreshAnalytics(): Promise<void> {
  await db.$executeRawUnsafe(`REFRESH MATERIALIZED VIEW CONCURRENTLY analytics_unit_warranty`);
  await db.analyticsRefresh.upsert({
    where: { view: "analytics_unit_warranty" },
    create: { view: "analytics_unit_warranty", refreshedAt: new Date() },
    update: { refreshedAt: new Date() },
  });
}

export async function requestAnalyticsRefresh(actorId: string): Promise<void> {
  await enqueue(ANALYTICS_REFRESH_QUEUE, {}, { singletonKey: "analytics" });
  await recordAudit({ action: "analytics.refreshed", outcome: "SUCCESS", actorId });
}

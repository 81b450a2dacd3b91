import "server-only";
import { purgeRateWindows } from "@/lib/api/rate-limit";
import { db } from "@/lib/db";

/** Kept this long after dispatch / after delivery, for the admins' delivery log. */
export const OUTBOX_KEEP_DAYS = 7;
export const DELIVERY_KEEP_DAYS = 90;

/**
 * Hourly (issue 16): the provider's expired artifacts (codes, tokens, sessions, grants past their
 * end), API rate windows older than an hour, dispatched outbox rows after a week and webhook
 * deliveries after 90 days.
 */
export async function purgeIntegrations(now: Date = new Date()): Promise<Record<string, number>> {
  const day = 86_400_000;
  const [artifacts, windows, outbox, deliveries] = await Promise.all([
    db.oidcArtifact.deleteMany({ where: { expiresAt: { lt: now } } }),
    purgeRateWindows(now),
    db.webhookOutbox.deleteMany({ where: { dispatchedAt: { lt: new Date(now.getTime() - OUTBOX_KEEP_DAYS * day) } } }),
    db.webhookDelivery.deleteMany({
      where: { status: { not: "PENDING" }, createdAt: { lt: new Date(now.getTime() - DELIVERY_KEEP_DAYS * day) } },
    }),
  ]);
  return { artifacts: artifacts.count, windows, outbox: outbox.count, deliveries: deliveries.count };
}

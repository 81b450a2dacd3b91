import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueMany } from "@/lib/jobs/enqueue";
import { WEBHOOK_DELIVER_QUEUE } from "@/lib/jobs/queues";
import { retryDelaySeconds } from "./deliver";

/**
 * Outbox rows (written by the database triggers) into one delivery per active subscriber of the
 * event's type, then a delivery job each. Rows are claimed with SKIP LOCKED, so two workers never
 * take the same; a delivery is unique per (subscription, event), so a pass repeated after a crash
 * adds nothing twice. The stored payload names the customer by id only: personal data is added
 * when sent, as the subscription's scopes then allow (deliver.ts).
 */
const BATCH = 500;
/** How long past its time a waiting delivery is taken for lost. */
const STALL_MS = 2 * 60_000;

type OutboxRow = { id: bigint; eventId: string; type: string; userId: string | null; data: Prisma.JsonValue; occurredAt: Date };

export async function dispatchOutbox(now: Date = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const created = await dispatchBatch();
    total += created.events;
    if (created.deliveries.length > 0) {
      await enqueueMany(
        WEBHOOK_DELIVER_QUEUE,
        created.deliveries.map((deliveryId) => ({ data: { deliveryId }, singletonKey: deliveryId })),
      );
    }
    if (created.events < BATCH) break;
  }
  await requeueStalled(now);
  return total;
}

async function dispatchBatch(): Promise<{ events: number; deliveries: string[] }> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<OutboxRow[]>`
      SELECT "id", "eventId", "type", "userId", "data", "occurredAt" FROM "WebhookOutbox"
      WHERE "dispatchedAt" IS NULL ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return { events: 0, deliveries: [] };
    const subscriptions = await tx.webhookSubscription.findMany({
      where: { disabledAt: null, events: { hasSome: [...new Set(rows.map((row) => row.type))] } },
      select: { id: true, events: true },
    });
    const deliveries: Prisma.WebhookDeliveryCreateManyInput[] = [];
    for (const row of rows) {
      for (const subscription of subscriptions.filter((candidate) => candidate.events.includes(row.type))) {
        deliveries.push({
          id: crypto.randomUUID(),
          subscriptionId: subscription.id,
          eventId: row.eventId,
          eventType: row.type,
          payload: {
            id: row.eventId,
            type: row.type,
            occurredAt: row.occurredAt.toISOString(),
            data: { ...(row.data as Prisma.JsonObject), customer: row.userId ? { id: row.userId } : null },
          },
        });
      }
    }
    const created =
      deliveries.length > 0
        ? await tx.webhookDelivery.createManyAndReturn({ data: deliveries, skipDuplicates: true, select: { id: true } })
        : [];
    await tx.webhookOutbox.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { dispatchedAt: new Date() } });
    return { events: rows.length, deliveries: created.map((delivery) => delivery.id) };
  });
}

/**
 * A delivery whose job was lost (the process died between writing it and queueing its job, or a
 * queueing failed) is queued again once it is well past its time; the claim in deliver.ts makes
 * a second job for one delivery harmless.
 */
async function requeueStalled(now: Date): Promise<void> {
  const base = retryDelaySeconds(1);
  // Past its time by STALL_MS: never tried and made before that, or last tried longer ago than its delay (base · 2^(attempts-1)).
  const stalled = await db.$queryRaw<{ id: string; attempts: number }[]>`
    SELECT id, attempts FROM "WebhookDelivery"
    WHERE status = 'PENDING' AND "createdAt" < ${new Date(now.getTime() - STALL_MS)}
      AND ("lastAttemptAt" IS NULL OR "lastAttemptAt" + make_interval(secs => ${base} * power(2, attempts - 1)) < ${new Date(now.getTime() - STALL_MS)})
    ORDER BY "createdAt" LIMIT ${BATCH}`;
  if (stalled.length > 0) {
    await enqueueMany(
      WEBHOOK_DELIVER_QUEUE,
      stalled.map((delivery) => ({ data: { deliveryId: delivery.id }, singletonKey: `${delivery.id}:${delivery.attempts}:stalled` })),
    );
  }
}

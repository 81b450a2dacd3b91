import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueMany } from "@/lib/jobs/enqueue";
import { WEBHOOK_DELIVER_QUEUE } from "@/lib/jobs/queues";
import type { WebhookDataScope } from "./events";

/**
 * Outbox rows (written by the database triggers) into one delivery per active subscriber of the
 * event's type, then a delivery job each. Rows are claimed with SKIP LOCKED, so two workers never
 * take the same; a delivery is unique per (subscription, event), so a pass repeated after a crash
 * adds nothing twice. The payload carries the customer's name or email only for subscriptions
 * whose data scopes allow it, read now (an erased account has none left).
 */
const BATCH = 500;

type OutboxRow = { id: bigint; eventId: string; type: string; userId: string | null; data: Prisma.JsonValue; occurredAt: Date };

export async function dispatchOutbox(): Promise<number> {
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
    if (created.events < BATCH) return total;
  }
}

async function dispatchBatch(): Promise<{ events: number; deliveries: string[] }> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<OutboxRow[]>`
      SELECT "id", "eventId", "type", "userId", "data", "occurredAt" FROM "WebhookOutbox"
      WHERE "dispatchedAt" IS NULL ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return { events: 0, deliveries: [] };
    const subscriptions = await tx.webhookSubscription.findMany({
      where: { disabledAt: null, events: { hasSome: [...new Set(rows.map((row) => row.type))] } },
      select: { id: true, events: true, dataScopes: true },
    });
    const userIds = [...new Set(rows.map((row) => row.userId).filter((id): id is string => id !== null))];
    const wantsPeople = subscriptions.some((subscription) => subscription.dataScopes.length > 0);
    const people = wantsPeople
      ? await tx.user.findMany({ where: { id: { in: userIds }, erasedAt: null }, select: { id: true, name: true, email: true } })
      : [];
    const deliveries: Prisma.WebhookDeliveryCreateManyInput[] = [];
    for (const row of rows) {
      for (const subscription of subscriptions.filter((candidate) => candidate.events.includes(row.type))) {
        const person = people.find((candidate) => candidate.id === row.userId);
        const scopes = subscription.dataScopes as WebhookDataScope[];
        deliveries.push({
          id: crypto.randomUUID(),
          subscriptionId: subscription.id,
          eventId: row.eventId,
          eventType: row.type,
          payload: {
            id: row.eventId,
            type: row.type,
            occurredAt: row.occurredAt.toISOString(),
            data: {
              ...(row.data as Prisma.JsonObject),
              customer: row.userId
                ? {
                    id: row.userId,
                    ...(scopes.includes("profile") && person ? { name: person.name } : {}),
                    ...(scopes.includes("email") && person ? { email: person.email } : {}),
                  }
                : null,
            },
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

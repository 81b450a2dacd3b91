import "server-only";
import { Webhook } from "standardwebhooks";
import { recordAudit } from "@/lib/audit/log";
import { openSecret } from "@/lib/auth/sealed-secrets";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { WEBHOOK_DELIVER_QUEUE } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";
import type { WebhookDataScope } from "./events";
import { postWebhook } from "./send";

/**
 * One attempt of one delivery (issue 16). Signed the Standard Webhooks way: headers webhook-id
 * (the event's id: the same for a retry and a redelivery, so receivers drop repeats),
 * webhook-timestamp and webhook-signature (HMAC-SHA256 of id.timestamp.body under the
 * subscription's secret); a receiver refuses an old timestamp, so a captured request cannot be
 * replayed later. A 2xx answer is success. Otherwise it is tried again after 30 s, 60 s, 120 s ...
 * (WEBHOOK_RETRY_BASE_SECONDS, doubling) up to WEBHOOK_MAX_ATTEMPTS; a delivery that used them all
 * counts against its subscription, which is disabled after WEBHOOK_DISABLE_AFTER in a row.
 *
 * The stored payload names the customer by id only; the name or email is added now, as the
 * subscription's data scopes allow today, from the customer as they are (nothing once erased).
 * An attempt is claimed by raising `attempts` from the value read, so two jobs for one delivery
 * (a retry and the sweeper's re-queue) never both send.
 */
const TIMEOUT_MS = 10_000;
const BODY_KEPT = 2000;
const portalIsLocal = ["localhost", "127.0.0.1", "[::1]"].includes(new URL(env.AUTH_URL).hostname);

export type AttemptOutcome = "succeeded" | "retry" | "failed" | "skipped";

/** Seconds before the attempt after `attempts` tries. */
export function retryDelaySeconds(attempts: number): number {
  return env.WEBHOOK_RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1);
}

async function withPersonalData(payload: Prisma.JsonValue, scopes: WebhookDataScope[]): Promise<Prisma.JsonObject> {
  const event = payload as { data?: { customer?: { id?: string } | null } } & Prisma.JsonObject;
  const id = event.data?.customer?.id;
  if (!id || scopes.length === 0) return event;
  const person = await db.user.findFirst({ where: { id, erasedAt: null, erasureRequestedAt: null }, select: { name: true, email: true } });
  const customer = {
    id,
    ...(person && scopes.includes("profile") ? { name: person.name } : {}),
    ...(person && scopes.includes("email") ? { email: person.email } : {}),
  };
  return { ...event, data: { ...event.data, customer } };
}

export async function deliverWebhook(deliveryId: string, now: Date = new Date()): Promise<AttemptOutcome> {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { subscription: true } });
  if (!delivery || delivery.status !== "PENDING") return "skipped";
  const { subscription } = delivery;
  if (subscription.disabledAt) {
    await db.webhookDelivery.updateMany({
      where: { id: deliveryId, status: "PENDING" },
      data: { status: "FAILED", responseBody: "subscription disabled" },
    });
    return "failed";
  }
  // Due: never tried, or its retry delay has passed (an early or repeated job sends nothing).
  const dueAfter = new Date(now.getTime() - retryDelaySeconds(delivery.attempts) * 1000 + 1000);
  const claimed = await db.webhookDelivery.updateMany({
    where: {
      id: deliveryId,
      status: "PENDING",
      attempts: delivery.attempts,
      ...(delivery.attempts > 0 ? { lastAttemptAt: { lte: dueAfter } } : {}),
    },
    data: { attempts: { increment: 1 }, lastAttemptAt: now },
  });
  if (claimed.count === 0) return "skipped";
  const attempts = delivery.attempts + 1;

  const body = JSON.stringify(await withPersonalData(delivery.payload, subscription.dataScopes as WebhookDataScope[]));
  const signature = new Webhook(openSecret(subscription.sealedSecret)).sign(delivery.eventId, now, body);
  const { status, body: answer } = await postWebhook(
    subscription.url,
    {
      "Content-Type": "application/json",
      "User-Agent": "OwnersPortal-Webhooks/1",
      "webhook-id": delivery.eventId,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": signature,
    },
    body,
    { allowPrivate: portalIsLocal, timeoutMs: TIMEOUT_MS, keep: BODY_KEPT },
  );
  const ok = status !== null && status >= 200 && status < 300;
  const last = !ok && attempts >= env.WEBHOOK_MAX_ATTEMPTS;
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: { responseStatus: status, responseBody: answer, status: ok ? "SUCCEEDED" : last ? "FAILED" : "PENDING" },
  });
  if (ok) {
    await db.webhookSubscription.update({ where: { id: subscription.id }, data: { consecutiveFailures: 0 } });
    return "succeeded";
  }
  if (!last) {
    await enqueue(
      WEBHOOK_DELIVER_QUEUE,
      { deliveryId },
      { startAfter: retryDelaySeconds(attempts), singletonKey: `${deliveryId}:${attempts}` },
    );
    return "retry";
  }
  const updated = await db.webhookSubscription.update({
    where: { id: subscription.id },
    data: { consecutiveFailures: { increment: 1 } },
    select: { consecutiveFailures: true, disabledAt: true },
  });
  if (!updated.disabledAt && updated.consecutiveFailures >= env.WEBHOOK_DISABLE_AFTER) {
    await db.webhookSubscription.update({ where: { id: subscription.id }, data: { disabledAt: now, disabledReason: "failures" } });
    logger.warn({ subscriptionId: subscription.id }, "webhook subscription disabled after repeated failures");
    await recordAudit({
      action: "webhook.disabled",
      outcome: "FAILURE",
      targetType: "WebhookSubscription",
      targetId: subscription.id,
      details: { failures: updated.consecutiveFailures },
      meta: {},
    });
  }
  return "failed";
}

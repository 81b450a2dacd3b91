import "server-only";
import { Webhook } from "standardwebhooks";
import { recordAudit } from "@/lib/audit/log";
import { openSecret } from "@/lib/auth/sealed-secrets";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueue } from "@/lib/jobs/enqueue";
import { WEBHOOK_DELIVER_QUEUE } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";

/**
 * One attempt of one delivery (issue 16). Signed the Standard Webhooks way: headers webhook-id
 * (the event's id: the same for a retry and a redelivery, so receivers drop repeats),
 * webhook-timestamp and webhook-signature (HMAC-SHA256 of id.timestamp.body under the
 * subscription's secret); a receiver refuses an old timestamp, so a captured request cannot be
 * replayed later. A 2xx answer is success. Otherwise it is tried again after 30 s, 60 s, 120 s ...
 * (WEBHOOK_RETRY_BASE_SECONDS, doubling) up to WEBHOOK_MAX_ATTEMPTS; a delivery that used them all
 * counts against its subscription, which is disabled after WEBHOOK_DISABLE_AFTER in a row.
 */
const TIMEOUT_MS = 10_000;
const BODY_KEPT = 2000;

export type AttemptOutcome = "succeeded" | "retry" | "failed" | "skipped";

export async function deliverWebhook(deliveryId: string, now: Date = new Date()): Promise<AttemptOutcome> {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { subscription: true } });
  if (!delivery || delivery.status !== "PENDING") return "skipped";
  const { subscription } = delivery;
  if (subscription.disabledAt) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "FAILED", responseBody: "subscription disabled" } });
    return "failed";
  }
  const body = JSON.stringify(delivery.payload);
  const signature = new Webhook(openSecret(subscription.sealedSecret)).sign(delivery.eventId, now, body);
  let status: number | null = null;
  let answer = "";
  try {
    const response = await fetch(subscription.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "OwnersPortal-Webhooks/1",
        "webhook-id": delivery.eventId,
        "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
        "webhook-signature": signature,
      },
      body,
    });
    status = response.status;
    answer = (await response.text().catch(() => "")).slice(0, BODY_KEPT);
  } catch (error) {
    answer = `network error: ${error instanceof Error ? error.message : String(error)}`.slice(0, BODY_KEPT);
  }
  const attempts = delivery.attempts + 1;
  const ok = status !== null && status >= 200 && status < 300;
  const last = !ok && attempts >= env.WEBHOOK_MAX_ATTEMPTS;
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: {
      attempts,
      lastAttemptAt: now,
      responseStatus: status,
      responseBody: answer,
      status: ok ? "SUCCEEDED" : last ? "FAILED" : "PENDING",
    },
  });
  if (ok) {
    await db.webhookSubscription.update({ where: { id: subscription.id }, data: { consecutiveFailures: 0 } });
    return "succeeded";
  }
  if (!last) {
    const delaySeconds = env.WEBHOOK_RETRY_BASE_SECONDS * 2 ** (attempts - 1);
    await enqueue(WEBHOOK_DELIVER_QUEUE, { deliveryId }, { startAfter: delaySeconds });
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

import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/log";
import { sealSecret } from "@/lib/auth/sealed-secrets";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import { WEBHOOK_DELIVER_QUEUE } from "@/lib/jobs/queues";
import { isWebhookUrl, type WebhookInput } from "./schemas";

/**
 * Webhook subscriptions (Staff → Apps → Webhooks, issue 16). The signing secret is shown once when
 * made or renewed (Standard Webhooks' `whsec_` form) and kept sealed: it must be read to sign.
 */
const portalIsLocal = ["localhost", "127.0.0.1", "[::1]"].includes(new URL(env.AUTH_URL).hostname);

function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export async function saveWebhook(actorId: string, input: WebhookInput): Promise<{ id: string; secret?: string }> {
  if (!isWebhookUrl(input.url, portalIsLocal)) throw new AppError("VALIDATION", { cause: { url: "webhooks.urlInvalid" } });
  const data = { name: input.name, url: input.url, events: [...new Set(input.events)], dataScopes: [...new Set(input.dataScopes)] };
  if (input.id) {
    const { count } = await db.webhookSubscription.updateMany({ where: { id: input.id }, data });
    if (count === 0) throw new AppError("NOT_FOUND");
    await recordAudit({
      action: "webhook.saved",
      outcome: "SUCCESS",
      actorId,
      targetType: "WebhookSubscription",
      targetId: input.id,
      details: data,
    });
    return { id: input.id };
  }
  const secret = newSecret();
  const created = await db.webhookSubscription.create({ data: { ...data, sealedSecret: sealSecret(secret) }, select: { id: true } });
  await recordAudit({
    action: "webhook.saved",
    outcome: "SUCCESS",
    actorId,
    targetType: "WebhookSubscription",
    targetId: created.id,
    details: data,
  });
  return { id: created.id, secret };
}

export async function renewWebhookSecret(actorId: string, id: string): Promise<{ secret: string }> {
  const secret = newSecret();
  const { count } = await db.webhookSubscription.updateMany({ where: { id }, data: { sealedSecret: sealSecret(secret) } });
  if (count === 0) throw new AppError("NOT_FOUND");
  await recordAudit({
    action: "webhook.saved",
    outcome: "SUCCESS",
    actorId,
    targetType: "WebhookSubscription",
    targetId: id,
    details: { secretRenewed: true },
  });
  return { secret };
}

/** Disable, or enable again (the failure count starts over). */
export async function setWebhookDisabled(actorId: string, id: string, disabled: boolean): Promise<void> {
  const { count } = await db.webhookSubscription.updateMany({
    where: { id },
    data: disabled
      ? { disabledAt: new Date(), disabledReason: "admin" }
      : { disabledAt: null, disabledReason: null, consecutiveFailures: 0 },
  });
  if (count === 0) throw new AppError("NOT_FOUND");
  await recordAudit({
    action: disabled ? "webhook.disabled" : "webhook.enabled",
    outcome: "SUCCESS",
    actorId,
    targetType: "WebhookSubscription",
    targetId: id,
  });
}

/**
 * Send a delivery again, by an admin: a new delivery of the same event (same webhook-id, so a
 * receiver that already has it can drop it) with fresh attempts; the original stays in the log.
 */
export async function redeliver(actorId: string, deliveryId: string): Promise<{ id: string }> {
  const original = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { subscription: { select: { disabledAt: true } } },
  });
  if (!original) throw new AppError("NOT_FOUND");
  if (original.subscription.disabledAt) throw new AppError("CONFLICT", { messageKey: "webhooks.disabledNoRedelivery" });
  const copy = await db.webhookDelivery.create({
    data: {
      subscriptionId: original.subscriptionId,
      eventId: original.eventId,
      eventType: original.eventType,
      payload: original.payload ?? {},
      redeliveryOf: `${original.id}:${Date.now()}`,
    },
    select: { id: true },
  });
  await enqueue(WEBHOOK_DELIVER_QUEUE, { deliveryId: copy.id }, { singletonKey: copy.id });
  await recordAudit({ action: "webhook.redelivered", outcome: "SUCCESS", actorId, targetType: "WebhookDelivery", targetId: original.id });
  return copy;
}

export async function listWebhooks() {
  const subscriptions = await db.webhookSubscription.findMany({ orderBy: [{ createdAt: "asc" }] });
  const last = await db.webhookDelivery.findMany({
    where: { subscriptionId: { in: subscriptions.map((subscription) => subscription.id) } },
    distinct: ["subscriptionId"],
    orderBy: [{ subscriptionId: "asc" }, { createdAt: "desc" }],
    select: { subscriptionId: true, status: true, createdAt: true, responseStatus: true },
  });
  return subscriptions.map((subscription) => ({
    ...subscription,
    last: last.find((row) => row.subscriptionId === subscription.id) ?? null,
  }));
}

export const DELIVERY_LOG_SIZE = 50;

export async function getWebhook(id: string) {
  const subscription = await db.webhookSubscription.findUnique({ where: { id } });
  if (!subscription) return null;
  const deliveries = await db.webhookDelivery.findMany({
    where: { subscriptionId: id },
    orderBy: { createdAt: "desc" },
    take: DELIVERY_LOG_SIZE,
  });
  return { ...subscription, deliveries };
}

import "server-only";
import type PgBoss from "pg-boss";
import { handleEmailJob, type EmailJob } from "./email";

/**
 * Every queue with its handler and retry policy, in one table: the worker registers each, and
 * senders name queues from here. Retries back off exponentially (pg-boss `retryBackoff`).
 * Handlers of domain modules are imported when a job runs: those modules enqueue through this
 * table, and a static import would make a cycle.
 *
 * `schedule`: pg-boss sends the queue a job with no data on every cron tick (at most once a
 *   minute; one job per tick however many workers run), so such a handler takes `undefined`.
 * `deadLetter`: a job that used up its retries moves to `<name>.dead`, where the worker logs it
 *   and writes a `job.dead` audit event (lib/jobs/dead-letters.ts) instead of it failing silently.
 */
export type QueueDefinition<T extends object | undefined> = {
  name: string;
  options: Omit<PgBoss.Queue, "name" | "deadLetter">;
  schedule?: { cron: string; tz?: string };
  deadLetter?: boolean;
  handle: (data: T, job: { id: string; name: string }) => Promise<void>;
};

/** The queue a queue's exhausted jobs move to. */
export function deadLetterQueueName(queue: { name: string }): string {
  return `${queue.name}.dead`;
}

export const EMAIL_QUEUE: QueueDefinition<EmailJob> = {
  name: "email.send",
  // An SMTP hiccup is retried for about half an hour (10 s, 20 s, 40 s, ... between tries).
  options: { retryLimit: 8, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 },
  deadLetter: true,
  handle: handleEmailJob,
};

/** One recall notice's email (to whoever holds the notice when it runs); marks the notice emailed. */
export const RECALL_NOTICE_EMAIL_QUEUE: QueueDefinition<{ noticeId: string }> = {
  name: "recall.notice-email",
  // `short`: at most one waiting job per notice (singletonKey), so publishing again does not queue a second copy.
  options: { policy: "short", retryLimit: 8, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 },
  deadLetter: true,
  handle: async (data) => (await import("@/lib/recalls/notices")).emailRecallNotice(data),
};

/** A published campaign's fan-out: one email job for each owner whose notice is not emailed yet. */
export const RECALL_OWNERS_QUEUE: QueueDefinition<{ campaignId: string }> = {
  name: "recall.notify-owners",
  options: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 },
  deadLetter: true,
  handle: async (data) => (await import("@/lib/recalls/notices")).queueCampaignEmails(data.campaignId),
};

/** Service desk SLA warnings and breaches (lib/repairs/sla-check.ts), every five minutes. */
export const SLA_CHECK_QUEUE: QueueDefinition<undefined> = {
  name: "repairs.sla-check",
  // One tick's check at a time; a failed tick is simply retried by the next.
  options: { policy: "singleton", retryLimit: 0, expireInSeconds: 240 },
  schedule: { cron: "*/5 * * * *" },
  deadLetter: true,
  handle: async () => {
    await (await import("@/lib/repairs/sla-check")).checkSla();
  },
};

/** A staff reply the customer has not read after a quiet period: at most one waiting check per conversation. */
export const CHAT_UNREAD_EMAIL_QUEUE: QueueDefinition<{ conversationId: string }> = {
  name: "chat.unread-email",
  options: { policy: "short", retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
  deadLetter: true,
  handle: async (data) => (await import("@/lib/chat/unread-email")).emailUnreadReplies(data),
};

/** Points (issue 12): pending points become available and old ones expire, every hour. */
export const POINTS_SETTLE_QUEUE: QueueDefinition<undefined> = {
  name: "points.settle",
  options: { policy: "singleton", retryLimit: 0, expireInSeconds: 50 * 60 },
  schedule: { cron: "7 * * * *" },
  deadLetter: true,
  handle: async () => {
    await (await import("@/lib/points/jobs")).settleDueLots();
  },
};

/** Points expiring within 30 days: one reminder per lot, every morning. */
export const POINTS_REMINDER_QUEUE: QueueDefinition<undefined> = {
  name: "points.expiry-reminder",
  options: { policy: "singleton", retryLimit: 2, retryDelay: 300, expireInSeconds: 50 * 60 },
  schedule: { cron: "0 9 * * *", tz: "Asia/Tokyo" },
  deadLetter: true,
  handle: async () => {
    await (await import("@/lib/points/jobs")).remindExpiringPoints();
  },
};

/** The nightly proof that every entry balances and every balance equals its postings and lots. */
export const POINTS_RECONCILE_QUEUE: QueueDefinition<undefined> = {
  name: "points.reconcile",
  options: { policy: "singleton", retryLimit: 2, retryDelay: 600, expireInSeconds: 60 * 60 },
  schedule: { cron: "30 3 * * *", tz: "Asia/Tokyo" },
  deadLetter: true,
  handle: async () => {
    await (await import("@/lib/points/jobs")).reconcileLedger();
  },
};

/** A customer's data export (issue 14): one job per export; a worker that died mid-way is retried from the start. */
export const DATA_EXPORT_QUEUE: QueueDefinition<{ exportId: string }> = {
  name: "privacy.export",
  options: { policy: "short", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 * 60 },
  deadLetter: true,
  handle: async (data) => (await import("@/lib/privacy/export")).runDataExport(data),
};

/** An account erasure (issue 14): keyed by the user, so asking twice queues one. */
export const ACCOUNT_ERASURE_QUEUE: QueueDefinition<{ userId: string }> = {
  name: "privacy.erase-account",
  options: { policy: "short", retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 },
  deadLetter: true,
  handle: async (data) => (await import("@/lib/privacy/erasure")).runErasure(data),
};

/** The retention job (issue 14): every night, and when an admin starts it. */
export const RETENTION_QUEUE: QueueDefinition<{ trigger?: string; runId?: string } | undefined> = {
  name: "privacy.retention",
  options: { policy: "singleton", retryLimit: 1, retryDelay: 600, expireInSeconds: 60 * 60 },
  schedule: { cron: "15 4 * * *", tz: "Asia/Tokyo" },
  deadLetter: true,
  handle: async (data) => {
    await (await import("@/lib/privacy/retention")).runRetention(data);
  },
};

/** A campaign's send (issue 15): recipients, notices and survey invitations written, emails queued in batches. */
export const CAMPAIGN_SEND_QUEUE: QueueDefinition<{ campaignId: string }> = {
  name: "campaigns.send",
  // Keyed by the campaign (singletonKey); every step is idempotent, so a retry continues where a crash stopped.
  options: { policy: "short", retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 * 60 },
  deadLetter: true,
  handle: async (data) => (await import("@/lib/campaigns/send")).runCampaign(data.campaignId),
};

/** One batch of a campaign's emails, started at its turn under the rate limit. */
export const CAMPAIGN_EMAIL_QUEUE: QueueDefinition<{ campaignId: string; userIds: string[] }> = {
  name: "campaigns.email",
  options: { retryLimit: 8, retryDelay: 10, retryBackoff: true, expireInSeconds: 10 * 60 },
  deadLetter: true,
  handle: async (data) => (await import("@/lib/campaigns/send")).sendCampaignEmails(data),
};

/** Surveys with an event trigger (issue 15) invite whoever the event reached, every hour. */
export const SURVEY_INVITE_QUEUE: QueueDefinition<undefined> = {
  name: "surveys.invite",
  options: { policy: "singleton", retryLimit: 0, expireInSeconds: 15 * 60 },
  schedule: { cron: "7 * * * *" },
  deadLetter: true,
  handle: async () => {
    await (await import("@/lib/surveys/triggers")).inviteByTriggers();
  },
};

/** The analytics materialized views (issue 15): nightly, and when an admin asks. */
export const ANALYTICS_REFRESH_QUEUE: QueueDefinition<object | undefined> = {
  name: "analytics.refresh",
  options: { policy: "singleton", retryLimit: 1, retryDelay: 300, expireInSeconds: 60 * 60 },
  schedule: { cron: "45 3 * * *", tz: "Asia/Tokyo" },
  deadLetter: true,
  handle: async () => {
    await (await import("@/lib/analytics/refresh")).refreshAnalytics();
  },
};

/** Webhooks (issue 16): outbox rows into deliveries; nudged by the outbox's NOTIFY, and every minute as a safety net. */
export const WEBHOOK_DISPATCH_QUEUE: QueueDefinition<object | undefined> = {
  name: "webhooks.dispatch",
  // One running and at most one waiting: a burst of nudges makes one more pass, not one per event.
  options: { policy: "stately", retryLimit: 2, retryDelay: 10, expireInSeconds: 5 * 60 },
  schedule: { cron: "* * * * *" },
  deadLetter: true,
  handle: async () => {
    await (await import("@/lib/webhooks/dispatch")).dispatchOutbox();
  },
};

/** One webhook delivery attempt; its retries are scheduled by the handler (doubling delays, lib/webhooks/deliver.ts). */
export const WEBHOOK_DELIVER_QUEUE: QueueDefinition<{ deliveryId: string }> = {
  name: "webhooks.deliver",
  options: { retryLimit: 2, retryDelay: 30, expireInSeconds: 120 },
  deadLetter: true,
  handle: async (data) => {
    await (await import("@/lib/webhooks/deliver")).deliverWebhook(data.deliveryId);
  },
};

/** Expired provider artifacts, old rate windows, outbox rows and deliveries (lib/oidc/housekeeping.ts), hourly. */
export const INTEGRATIONS_PURGE_QUEUE: QueueDefinition<undefined> = {
  name: "integrations.purge",
  options: { policy: "singleton", retryLimit: 1, retryDelay: 300, expireInSeconds: 30 * 60 },
  schedule: { cron: "17 * * * *" },
  deadLetter: true,
  handle: async () => {
    await (await import("@/lib/oidc/housekeeping")).purgeIntegrations();
  },
};

export const QUEUES = [
  EMAIL_QUEUE,
  RECALL_NOTICE_EMAIL_QUEUE,
  RECALL_OWNERS_QUEUE,
  SLA_CHECK_QUEUE,
  CHAT_UNREAD_EMAIL_QUEUE,
  POINTS_SETTLE_QUEUE,
  POINTS_REMINDER_QUEUE,
  POINTS_RECONCILE_QUEUE,
  DATA_EXPORT_QUEUE,
  ACCOUNT_ERASURE_QUEUE,
  RETENTION_QUEUE,
  CAMPAIGN_SEND_QUEUE,
  CAMPAIGN_EMAIL_QUEUE,
  SURVEY_INVITE_QUEUE,
  ANALYTICS_REFRESH_QUEUE,
  WEBHOOK_DISPATCH_QUEUE,
  WEBHOOK_DELIVER_QUEUE,
  INTEGRATIONS_PURGE_QUEUE,
] as const satisfies readonly QueueDefinition<never>[];

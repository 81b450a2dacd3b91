import "server-only";
import type PgBoss from "pg-boss";
import { handleEmailJob, type EmailJob } from "./email";

/**
 * Every queue with its handler and retry policy, in one table: the worker registers each, and
 * senders name queues from here. Retries back off exponentially (pg-boss `retryBackoff`).
 * Handlers of domain modules are imported when a job runs: those modules enqueue through this
 * table, and a static import would make a cycle.
 */
export type QueueDefinition<T extends object> = {
  name: string;
  options: Omit<PgBoss.Queue, "name">;
  handle: (data: T) => Promise<void>;
};

export const EMAIL_QUEUE: QueueDefinition<EmailJob> = {
  name: "email.send",
  // An SMTP hiccup is retried for about half an hour (10 s, 20 s, 40 s, ... between tries).
  options: { retryLimit: 8, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 },
  handle: handleEmailJob,
};

/** One recall notice's email (to whoever holds the notice when it runs); marks the notice emailed. */
export const RECALL_NOTICE_EMAIL_QUEUE: QueueDefinition<{ noticeId: string }> = {
  name: "recall.notice-email",
  // `short`: at most one waiting job per notice (singletonKey), so publishing again does not queue a second copy.
  options: { policy: "short", retryLimit: 8, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 },
  handle: async (data) => (await import("@/lib/recalls/notices")).emailRecallNotice(data),
};

/** A published campaign's fan-out: one email job for each owner whose notice is not emailed yet. */
export const RECALL_OWNERS_QUEUE: QueueDefinition<{ campaignId: string }> = {
  name: "recall.notify-owners",
  options: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 },
  handle: async (data) => (await import("@/lib/recalls/notices")).queueCampaignEmails(data.campaignId),
};

export const QUEUES = [EMAIL_QUEUE, RECALL_NOTICE_EMAIL_QUEUE, RECALL_OWNERS_QUEUE] as const satisfies readonly QueueDefinition<never>[];

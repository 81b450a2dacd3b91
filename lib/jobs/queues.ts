import "server-only";
import type PgBoss from "pg-boss";
import { handleEmailJob, type EmailJob } from "./email";

/**
 * Every queue with its handler and retry policy, in one table: the worker registers each, and
 * senders name queues from here. Retries back off exponentially (pg-boss `retryBackoff`).
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

export const QUEUES = [EMAIL_QUEUE] as const satisfies readonly QueueDefinition<never>[];

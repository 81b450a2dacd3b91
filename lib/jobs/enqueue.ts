import "server-only";
import type PgBoss from "pg-boss";
import { getBoss } from "./boss";
import { sealEmailJob, type EmailInput } from "./email";
import { EMAIL_QUEUE, type QueueDefinition } from "./queues";
import { ensureQueue, localWorkerId } from "./worker";

/**
 * Put work on a queue: the request only writes the job (one insert), so how long it takes does not
 * depend on SMTP or on how many recipients there are (conventions: Work that can wait).
 * Returns the job id, or null when the queue's policy dropped it as a duplicate (`singletonKey`).
 */
export async function enqueue<T extends object>(
  queue: QueueDefinition<T>,
  data: T,
  options: Pick<PgBoss.SendOptions, "singletonKey" | "startAfter"> = {},
): Promise<string | null> {
  const boss = await getBoss();
  await ensureQueue(boss, queue as QueueDefinition<never>);
  const id = await boss.send(queue.name, data, options);
  wakeLocalWorker(boss, queue.name);
  return id;
}

/** Many jobs in one insert per batch (a fan-out over thousands of recipients). */
export async function enqueueMany<T extends object>(
  queue: QueueDefinition<T>,
  items: { data: T; singletonKey?: string; startAfter?: Date }[],
  batchSize = 500,
): Promise<void> {
  if (items.length === 0) return;
  const boss = await getBoss();
  await ensureQueue(boss, queue as QueueDefinition<never>);
  for (let i = 0; i < items.length; i += batchSize) {
    await boss.insert(
      items
        .slice(i, i + batchSize)
        .map((item) => ({ name: queue.name, data: item.data, singletonKey: item.singletonKey, startAfter: item.startAfter })),
    );
  }
  wakeLocalWorker(boss, queue.name);
}

/**
 * Send an email from a job, in the recipient's language (`locale`, rendered by the worker). The
 * payload is sealed (lib/jobs/email.ts). Returns the job id.
 */
export async function enqueueEmail(input: EmailInput): Promise<string> {
  const id = await enqueue(EMAIL_QUEUE, sealEmailJob(input));
  if (!id) throw new Error("email job was not created");
  return id;
}

// A worker in this process picks the job up now instead of at its next poll.
function wakeLocalWorker(boss: PgBoss, queueName: string): void {
  const worker = localWorkerId(queueName);
  if (worker) boss.notifyWorker(worker);
}

import "server-only";
import type PgBoss from "pg-boss";
import { logger } from "@/lib/log";
import { getBoss, JOB_POLLING_SECONDS, stopBoss } from "./boss";
import { QUEUES, type QueueDefinition } from "./queues";

// Per process: queues known to exist, and the id of this process's worker per queue.
const globalForWorkers = globalThis as unknown as { jobQueues?: Set<string>; jobWorkers?: Map<string, string> };
const createdQueues = (globalForWorkers.jobQueues ??= new Set());
const workers = (globalForWorkers.jobWorkers ??= new Map());

/** Create the queue once per process (pg-boss's create_queue does nothing when it exists). */
export async function ensureQueue(boss: PgBoss, queue: QueueDefinition<never>): Promise<void> {
  if (createdQueues.has(queue.name)) return;
  await boss.createQueue(queue.name, { name: queue.name, ...queue.options });
  createdQueues.add(queue.name);
}

export function localWorkerId(queueName: string): string | undefined {
  return workers.get(queueName);
}

/**
 * Work every queue in this process. Called from instrumentation.ts when a Next server starts, so
 * every `next start` instance shares the work. A handler that throws fails the job, and pg-boss
 * retries it with backoff up to the queue's limit.
 */
export async function startJobWorkers(): Promise<void> {
  const boss = await getBoss();
  for (const queue of QUEUES as readonly QueueDefinition<never>[]) {
    if (workers.has(queue.name)) continue;
    await ensureQueue(boss, queue);
    const id = await boss.work<object>(queue.name, { pollingIntervalSeconds: JOB_POLLING_SECONDS, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) {
        try {
          await queue.handle(job.data as never);
        } catch (error) {
          logger.error({ err: error, queue: queue.name, jobId: job.id }, "job failed");
          throw error;
        }
      }
    });
    workers.set(queue.name, id);
  }
  logger.info({ queues: [...workers.keys()] }, "job workers started");
}

/** Graceful stop: running jobs finish, unfinished ones are picked up again by another instance. */
export async function stopJobWorkers(): Promise<void> {
  workers.clear();
  createdQueues.clear();
  await stopBoss();
}

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

/**
 * For a Next server (instrumentation.ts): work the queues, and keep trying to start with a growing
 * pause when the database is not reachable yet (a deploy racing its database) rather than serving
 * for the process's whole life without a worker; pages are served meanwhile and queued jobs wait in
 * their table. scripts/serve.ts awaits `portalBeforeExit` before it exits, so a job being sent
 * finishes instead of being cut off and sent again after its expiry.
 */
export async function runJobWorkersInThisServer(): Promise<void> {
  let attempt = 0;
  const start = async (): Promise<void> => {
    try {
      await startJobWorkers();
    } catch (error) {
      attempt++;
      const delayMs = Math.min(60_000, 1_000 * 2 ** Math.min(attempt, 6));
      logger.error({ err: error, attempt, retryInMs: delayMs }, "job workers did not start");
      setTimeout(() => void start(), delayMs).unref();
    }
  };
  await start();
  const stop = () => stopJobWorkers().catch((error: unknown) => logger.error({ err: error }, "job workers did not stop cleanly"));
  (globalThis as { portalBeforeExit?: () => Promise<void> }).portalBeforeExit = stop;
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stop());
}

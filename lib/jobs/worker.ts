import "server-only";
import type PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { getBoss, JOB_POLLING_SECONDS, stopBoss } from "./boss";
import { recordDeadJob } from "./dead-letters";
import { deadLetterQueueName, QUEUES, type QueueDefinition } from "./queues";

// Per process: queues known to exist, and the id of this process's worker per queue.
const globalForWorkers = globalThis as unknown as { jobQueues?: Set<string>; jobWorkers?: Map<string, string> };
const createdQueues = (globalForWorkers.jobQueues ??= new Set());
const workers = (globalForWorkers.jobWorkers ??= new Map());

/**
 * Create the queue (and its dead-letter queue first) once per process. pg-boss's create_queue
 * does nothing when the queue exists, so the table's current options are applied with an update:
 * a changed retry policy or a new dead-letter queue reaches queues created by an older release.
 */
export async function ensureQueue(boss: PgBoss, queue: QueueDefinition<never>): Promise<void> {
  if (createdQueues.has(queue.name)) return;
  const deadLetter = queue.deadLetter ? deadLetterQueueName(queue) : undefined;
  // Dead jobs are kept two weeks for a look, then deleted like any other.
  if (deadLetter) await boss.createQueue(deadLetter, { name: deadLetter, retryLimit: 0, retentionMinutes: 14 * 24 * 60 });
  const options = { name: queue.name, ...queue.options, ...(deadLetter ? { deadLetter } : {}) };
  await boss.createQueue(queue.name, options);
  await boss.updateQueue(queue.name, options);
  createdQueues.add(queue.name);
}

export function localWorkerId(queueName: string): string | undefined {
  return workers.get(queueName);
}

/**
 * Work every queue in this process (`queues`: the table; tests add their own). Called from
 * instrumentation.ts when a Next server starts (unless JOB_WORKERS=off) and by scripts/worker.ts.
 * A handler that throws fails the job, and pg-boss retries it with backoff up to the queue's limit;
 * then it moves to the dead-letter queue, worked here too. Cron schedules are (re)declared here.
 */
export async function startJobWorkers(queues: readonly QueueDefinition<never>[] = QUEUES): Promise<void> {
  const boss = await getBoss();
  for (const queue of queues) {
    if (workers.has(queue.name)) continue;
    await ensureQueue(boss, queue);
    if (queue.schedule) await boss.schedule(queue.name, queue.schedule.cron, undefined, { tz: queue.schedule.tz ?? "UTC" });
    const id = await boss.work<object | null>(queue.name, { pollingIntervalSeconds: JOB_POLLING_SECONDS, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) {
        try {
          // A scheduled job carries no data (null in pg-boss); its handler gets undefined.
          await queue.handle((job.data ?? undefined) as never, { id: job.id, name: job.name });
        } catch (error) {
          logger.error({ err: error, queue: queue.name, jobId: job.id }, "job failed");
          throw error;
        }
      }
    });
    workers.set(queue.name, id);
    if (queue.deadLetter) await workDeadLetters(boss, queue);
  }
  if (queues === QUEUES) await dropStaleSchedules(boss);
  logger.info({ queues: [...workers.keys()] }, "job workers started");
}

async function workDeadLetters(boss: PgBoss, queue: QueueDefinition<never>): Promise<void> {
  const name = deadLetterQueueName(queue);
  if (workers.has(name)) return;
  const options = { pollingIntervalSeconds: JOB_POLLING_SECONDS, batchSize: 1, includeMetadata: true } as const;
  workers.set(name, await boss.work(name, options, async (jobs) => Promise.all(jobs.map((job) => recordDeadJob(queue.name, job)))));
}

/** A schedule whose queue no longer declares one (removed from the table) stops firing. */
async function dropStaleSchedules(boss: PgBoss): Promise<void> {
  const declared = new Set(QUEUES.filter((queue: QueueDefinition<never>) => queue.schedule).map((queue) => queue.name));
  for (const schedule of await boss.getSchedules()) {
    if (!declared.has(schedule.name)) await boss.unschedule(schedule.name);
  }
}

/** Graceful stop: running jobs finish, unfinished ones are picked up again by another instance. */
export async function stopJobWorkers(): Promise<void> {
  workers.clear();
  createdQueues.clear();
  await stopBoss();
}

/**
 * Work the queues for this process's whole life: keep trying to start with a growing pause when
 * the database is not reachable yet (a deploy racing its database) rather than running without a
 * worker; queued jobs wait in their table meanwhile. Returns the graceful stop.
 */
export async function runJobWorkers(): Promise<() => Promise<void>> {
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
  const { listenForWebhookEvents } = await import("@/lib/webhooks/listener");
  const stopListening = listenForWebhookEvents();
  return async () => {
    await stopListening();
    await stopJobWorkers().catch((error: unknown) => logger.error({ err: error }, "job workers did not stop cleanly"));
  };
}

/**
 * For a Next server (instrumentation.ts): work the queues unless JOB_WORKERS=off (web-only
 * instances when `npm run worker` processes do the jobs). scripts/serve.ts awaits
 * `portalBeforeExit` before it exits, so a job being sent finishes instead of being cut off and
 * sent again after its expiry; with workers off it closes the sending connection pool.
 */
export async function runJobWorkersInThisServer(): Promise<void> {
  let stop: () => Promise<void> = () =>
    stopBoss().catch((error: unknown) => logger.error({ err: error }, "job runner did not stop cleanly"));
  if (env.JOB_WORKERS === "off") logger.info("JOB_WORKERS=off: this server enqueues jobs and leaves them to the workers");
  else stop = await runJobWorkers();
  (globalThis as { portalBeforeExit?: () => Promise<void> }).portalBeforeExit = stop;
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stop());
}

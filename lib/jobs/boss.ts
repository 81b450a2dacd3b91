import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

/**
 * The project's one job runner: pg-boss 10 on the application's own PostgreSQL, in its own schema
 * (`pgboss`), so jobs need nothing besides the database (docs/decisions/0006-jobs-on-pg-boss.md).
 * One instance per process, started on first use; `next start` also registers the workers from
 * instrumentation.ts, and any number of instances share the queue (jobs are fetched with
 * SKIP LOCKED, so each job runs once).
 */
export const JOB_POLLING_SECONDS = 1;

// Hot reload re-evaluates modules: keep one boss per process, as lib/db.ts keeps one client.
const globalForJobs = globalThis as unknown as { jobBoss?: Promise<PgBoss> };

export function getBoss(): Promise<PgBoss> {
  globalForJobs.jobBoss ??= startBoss().catch((error: unknown) => {
    globalForJobs.jobBoss = undefined; // try again on the next call rather than caching a failure
    throw error;
  });
  return globalForJobs.jobBoss;
}

async function startBoss(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: env.DATABASE_URL,
    max: 4,
    application_name: "portal-jobs",
    // Completed jobs (and their sealed payloads) are not kept longer than needed to look into a problem.
    archiveCompletedAfterSeconds: 60 * 60,
    deleteAfterDays: 7,
  });
  boss.on("error", (error) => logger.error({ err: error }, "job runner error"));
  await boss.start();
  return boss;
}

/** Stop taking new jobs, let running ones finish (up to `timeoutMs`), then close the pool. */
export async function stopBoss(timeoutMs = 10_000): Promise<void> {
  const pending = globalForJobs.jobBoss;
  if (!pending) return;
  globalForJobs.jobBoss = undefined;
  const boss = await pending.catch(() => null);
  await boss?.stop({ graceful: true, wait: true, timeout: timeoutMs });
}

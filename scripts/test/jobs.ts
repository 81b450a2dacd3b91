/**
 * For Vitest: emails and other follow-ups run as jobs (lib/jobs), so a test that checks their
 * effect first lets this process's workers finish every job that is due. No sleeps: it polls.
 * Jobs waiting for a retry (state `retry`, a later start) are not waited for; a job that failed
 * is reported with pg-boss's record of the error (once), so that a test does not go on to a
 * puzzling assertion about an effect that never came. Each test file has a database of its own
 * (scripts/test/vitest-worker-setup.ts): every failure found is this file's. Jobs of scheduled
 * queues are left out: a cron tick may fire during any test and work over every test's data.
 */
import { db } from "@/lib/db";
import { waitFor } from "@/lib/jobs/wait-for";
import { QUEUES } from "@/lib/jobs/queues";
import { startJobWorkers } from "@/lib/jobs/worker";

const SCHEDULED = QUEUES.filter((queue) => queue.schedule).map((queue) => queue.name);
const reported = new Set<string>();

export async function settleJobs(timeoutMs = 15_000): Promise<void> {
  await startJobWorkers();
  await waitFor(async () => {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'active') AND start_after <= now()`;
    return row!.n === 0;
  }, timeoutMs);
  const failed = (
    await db.$queryRaw<{ id: string; name: string; state: string; retry_count: number; output: unknown }[]>`
      SELECT id::text AS id, name, state::text AS state, retry_count, output FROM pgboss.job
      WHERE state IN ('retry', 'failed') AND name <> ALL(${SCHEDULED}::text[])`
  ).filter((job) => !reported.has(job.id));
  for (const job of failed) reported.add(job.id);
  if (failed.length > 0) throw new Error(`settleJobs: ${failed.length} job(s) failed: ${JSON.stringify(failed)}`);
}

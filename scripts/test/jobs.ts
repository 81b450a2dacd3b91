/**
 * For Vitest: emails and other follow-ups run as jobs (lib/jobs), so a test that checks their
 * effect first lets this process's workers finish every job that is due. No sleeps: it polls.
 * Jobs waiting for a retry (state `retry`, a later start) are not waited for; a job that failed
 * while it settled is reported with pg-boss's record of the error, so that a test does not go
 * on to a puzzling assertion about an effect that never came. Jobs of scheduled queues are left out: a cron tick may
 * fire during any test and work over every test's data.
 */
import { db } from "@/lib/db";
import { waitFor } from "@/lib/jobs/wait-for";
import { QUEUES } from "@/lib/jobs/queues";
import { startJobWorkers } from "@/lib/jobs/worker";

const SCHEDULED = QUEUES.filter((queue) => queue.schedule).map((queue) => queue.name);

export async function settleJobs(timeoutMs = 15_000): Promise<void> {
  const [{ since }] = (await db.$queryRaw<[{ since: Date }]>`SELECT now() AS since`) as [{ since: Date }];
  await startJobWorkers();
  await waitFor(async () => {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'active') AND start_after <= now()`;
    return row!.n === 0;
  }, timeoutMs);
  const failed = await db.$queryRaw<{ name: string; state: string; retry_count: number; output: unknown }[]>`
    SELECT name, state::text AS state, retry_count, output FROM pgboss.job
    WHERE state IN ('retry', 'failed') AND started_on >= ${since} AND name <> ALL(${SCHEDULED})`;
  if (failed.length > 0) throw new Error(`settleJobs: ${failed.length} job(s) failed while settling: ${JSON.stringify(failed)}`);
}

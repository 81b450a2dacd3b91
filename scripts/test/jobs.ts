/**
 * For Vitest: emails and other follow-ups run as jobs (lib/jobs), so a test that checks their
 * effect first lets this process's workers finish every job that is due. No sleeps: it polls.
 * Jobs waiting for a retry (state `retry`, a later start) are not waited for.
 */
import { db } from "@/lib/db";
import { waitFor } from "@/lib/jobs/wait-for";
import { startJobWorkers } from "@/lib/jobs/worker";

export async function settleJobs(timeoutMs = 15_000): Promise<void> {
  await startJobWorkers();
  await waitFor(async () => {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'active') AND start_after <= now()`;
    return row!.n === 0;
  }, timeoutMs);
}

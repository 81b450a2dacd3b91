/**
 * Runs once when a Next server starts (`next start`, `next dev`). Every server instance works the
 * job queues (docs/decisions/0006-jobs-on-pg-boss.md). NEXT_RUNTIME and NEXT_PHASE are set by Next
 * itself, not configuration, hence read here rather than through lib/env.ts.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobWorkers, stopJobWorkers } = await import("./lib/jobs/worker");
  const { logger } = await import("./lib/log");
  try {
    await startJobWorkers();
  } catch (error) {
    // The site still serves pages without the worker; queued jobs wait in the table for one.
    logger.error({ err: error }, "job workers did not start");
    return;
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void stopJobWorkers().catch((error: unknown) => logger.error({ err: error }, "job workers did not stop cleanly")));
  }
}

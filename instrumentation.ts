/**
 * Runs once when a Next server starts (`scripts/serve.ts`, `next dev`). Every server instance works
 * the job queues (docs/decisions/0006-jobs-on-pg-boss.md). NEXT_RUNTIME and NEXT_PHASE are set by
 * Next itself, not configuration, hence read here rather than through lib/env.ts.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobWorkers, stopJobWorkers } = await import("./lib/jobs/worker");
  const { logger } = await import("./lib/log");

  // The database may not be reachable yet (a deploy racing its database): keep trying, with a
  // growing pause, rather than serving for the process's whole life without a worker. Pages are
  // served meanwhile; queued jobs wait in their table.
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

  // scripts/serve.ts awaits this before it exits, so a job being sent finishes instead of being cut
  // off and sent again after its expiry.
  const stop = () => stopJobWorkers().catch((error: unknown) => logger.error({ err: error }, "job workers did not stop cleanly"));
  (globalThis as { portalBeforeExit?: () => Promise<void> }).portalBeforeExit = stop;
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stop());
}

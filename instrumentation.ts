/**
 * Runs once when a Next server starts (`scripts/serve.ts`, `next dev`). Every server instance works
 * the job queues unless JOB_WORKERS=off (docs/decisions/0006-jobs-on-pg-boss.md). NEXT_RUNTIME and NEXT_PHASE are set by
 * Next itself, not configuration, hence read here rather than through lib/env.ts. Everything
 * Node-only lives in lib/jobs/worker.ts: Next also compiles this file for the Edge runtime.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { runJobWorkersInThisServer } = await import("./lib/jobs/worker");
  await runJobWorkersInThisServer();
  const { startOidcProvider } = await import("./lib/oidc/start");
  await startOidcProvider();
}

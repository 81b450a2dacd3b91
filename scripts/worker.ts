/**
 * `npm run worker`: the job workers alone (lib/jobs), no web server, against the configured
 * DATABASE_URL (with AUTH_SECRET, which opens sealed payloads, and AUTH_URL, for links in emails:
 * the same values as the app servers). Run one or more beside app servers started with
 * JOB_WORKERS=off when scaling out (README: Scaling out; docs/decisions/0006-jobs-on-pg-boss.md).
 *
 * Started with Node's `react-server` condition, so the `server-only` guard of the lib modules
 * resolves as it does in Next's server bundle. SIGTERM/SIGINT: running jobs finish (up to 10 s),
 * then the process exits; an unfinished job expires and another worker retries it.
 */
import { db } from "../lib/db.ts";
import { runJobWorkers } from "../lib/jobs/worker.ts";

// The signal handlers come first: a worker can send its first job before every queue is set up,
// and a SIGTERM in that moment must still stop it gracefully rather than kill it.
const started = runJobWorkers();
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    void started
      .then((stop) => stop())
      .then(() => db.$disconnect())
      .finally(() => process.exit(0));
  });
}
await started;

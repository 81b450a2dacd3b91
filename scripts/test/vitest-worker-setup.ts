/**
 * Runs in each test worker before any test module is imported: points the app's one env parser
 * at this worker's own fresh database, so lib/db.ts connects there.
 */
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { cloneDatabase } from "./test-database.ts";

const { adminUrl, template } = inject("testDatabase");

// Cloned once per worker process (setup files run again for each test file in the same process);
// test files sharing a worker each make their own data.
if (!process.env.PORTAL_WORKER_DATABASE_URL) {
  const name = `${template}_w${process.env.VITEST_POOL_ID ?? "0"}`;
  process.env.PORTAL_WORKER_DATABASE_URL = await cloneDatabase(adminUrl, template, name);
}

Object.assign(process.env, {
  DATABASE_URL: process.env.PORTAL_WORKER_DATABASE_URL,
  AUTH_SECRET: "test-secret-test-secret-test-secret-0123456789",
  AUTH_URL: "http://localhost:3999",
  LOG_LEVEL: "silent",
  // Uploads of each worker go to a temporary folder, never into the project.
  UPLOADS_DIR: path.join(tmpdir(), `portal-test-uploads-${process.pid}`),
  I18N_STRICT: "true",
});

/**
 * Runs in each test worker before any test module is imported: points the app's one env parser
 * at this worker's own fresh database, so lib/db.ts connects there.
 */
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { cloneDatabase, dropDatabasesStartingWith } from "./test-database.ts";

const { adminUrl, template } = inject("testDatabase");

// Each test file runs in a process of its own, which gets its own copy. Vitest hands the pool slot
// to the next file's process without waiting for the last one to exit: a copy named by the slot
// alone was dropped and made again under the same name while the last process, still exiting,
// could reconnect to it with its job workers running. So the copy is named by the process too,
// and the slot's earlier copies are dropped first (which also cuts off a process still exiting).
if (!process.env.PORTAL_WORKER_DATABASE_URL) {
  const slot = `${template}_w${process.env.VITEST_POOL_ID ?? "0"}_`;
  await dropDatabasesStartingWith(adminUrl, slot);
  process.env.PORTAL_WORKER_DATABASE_URL = await cloneDatabase(adminUrl, template, `${slot}${process.pid}`);
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

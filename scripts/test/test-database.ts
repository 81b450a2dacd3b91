/**
 * Databases for tests: never the demo database. With TEST_DATABASE_URL (any PostgreSQL you may
 * create databases on) the tests use that server; otherwise an embedded PostgreSQL of their own in
 * .data/postgres-test. Each run migrates one template database; each Vitest worker and the e2e
 * server get a fresh copy of it.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, dropDatabase, dropDatabasesStartingWith, withDatabase } from "../lib/database-url.ts";
import { startEmbeddedPostgres } from "../lib/embedded-postgres.ts";
import { applyMigrations } from "../lib/schema-engine.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export type TestServer = { adminUrl: string; stop: () => Promise<void> };

export async function startTestServer(): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL?.trim();
  if (external) return { adminUrl: external, stop: async () => {} };
  const server = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, ".data", "postgres-test"),
    preferredPort: 54339,
    log: () => {},
  });
  return { adminUrl: server.url("postgres"), stop: server.stop };
}

/** Creates `name` and applies every migration to it. */
export async function createMigratedDatabase(adminUrl: string, name: string): Promise<string> {
  await dropDatabase(adminUrl, name);
  await createDatabase(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  await applyMigrations(url, path.join(ROOT, "prisma", "migrations"));
  return url;
}

/** A fresh copy of the migrated template (fast: a file-level clone). */
export async function cloneDatabase(adminUrl: string, template: string, name: string): Promise<string> {
  await dropDatabase(adminUrl, name);
  for (let attempt = 1; ; attempt++) {
    try {
      await createDatabase(adminUrl, name, { template });
      return withDatabase(adminUrl, name);
    } catch (error) {
      // Another worker cloning the same template at this instant: wait and retry.
      if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

export { dropDatabase, dropDatabasesStartingWith, withDatabase };

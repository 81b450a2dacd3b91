/**
 * The pieces the load harness and the scale-out tests share: a bench PostgreSQL, databases with a
 * data set (made once, kept while its shape is current), the production build, portal processes
 * on ports of their own, sessions made straight in the database, and server-action ids from the build.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { generateToken, hashToken } from "../../lib/auth/token-hash.ts";
import { buildFingerprint, isBuildCurrent, markBuild } from "../lib/build-fingerprint.ts";
import { createDatabase, dropDatabase, withDatabase } from "../lib/database-url.ts";
import { startEmbeddedPostgres } from "../lib/embedded-postgres.ts";
import { stopProcess } from "../lib/processes.ts";
import { applyMigrations } from "../lib/schema-engine.ts";
import { DATA_SET_VERSION, generateDataSet, type DataSetSize } from "./data-set.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BENCH_AUTH_SECRET = "bench-auth-secret-for-localhost-only-0123456789abcdef";

/** The bench's own embedded PostgreSQL (.data/postgres-bench), or BENCH_DATABASE_URL's server. */
export async function startBenchServer(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  const external = process.env.BENCH_DATABASE_URL?.trim();
  if (external) return { adminUrl: external, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: path.join(ROOT, ".data", "postgres-bench"), preferredPort: 54359, log: () => {} });
  return { adminUrl: server.url("postgres"), stop: server.stop };
}

async function keptDataSet(url: string, set: DataSetSize): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ version: number; customers: number }>(`SELECT version, customers FROM bench_data_set`);
    return rows[0]?.version === DATA_SET_VERSION && rows[0]?.customers === set.customers;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The database of a data set: `portal_bench_<name>`, migrated, seeded with the demo data and filled
 * by the generator. Kept between runs (the large one takes minutes); made again when its shape
 * version or size changed, or with `fresh`.
 */
export async function ensureDataSet(
  adminUrl: string,
  set: DataSetSize,
  options: { fresh?: boolean; log?: (line: string) => void } = {},
): Promise<string> {
  const log = options.log ?? console.log;
  const name = `portal_bench_${set.name}`;
  const url = withDatabase(adminUrl, name);
  if (!options.fresh && (await keptDataSet(url, set))) {
    await applyMigrations(url, path.join(ROOT, "prisma", "migrations"));
    log(`data set ${set.name}: kept (${set.customers.toLocaleString("en")} customers)`);
    return url;
  }
  const started = Date.now();
  log(`data set ${set.name}: generating ${set.customers.toLocaleString("en")} customers...`);
  await dropDatabase(adminUrl, name);
  await createDatabase(adminUrl, name);
  await applyMigrations(url, path.join(ROOT, "prisma", "migrations"));
  const { seed } = await import("../../prisma/seed.ts");
  await seed(url, { authSecret: BENCH_AUTH_SECRET });
  await generateDataSet(url, set.customers, { log });
  const seconds = Math.round((Date.now() - started) / 1000);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `CREATE TABLE bench_data_set (version int NOT NULL, customers int NOT NULL, seconds int NOT NULL, made_at timestamptz NOT NULL DEFAULT now())`,
  );
  await client.query(`INSERT INTO bench_data_set (version, customers, seconds) VALUES ($1, $2, $3)`, [
    DATA_SET_VERSION,
    set.customers,
    seconds,
  ]);
  await client.end();
  log(`data set ${set.name}: made in ${seconds} s`);
  return url;
}

/** `next build` unless the last build is still current (as `npm start` does). */
export function ensureBuild(log: (line: string) => void = console.log): void {
  const fingerprint = buildFingerprint(ROOT, "production");
  if (isBuildCurrent(ROOT, fingerprint)) return;
  log("building (next build)...");
  const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed");
  markBuild(ROOT, fingerprint);
}

export type PortalProcess = { url: string; child: ChildProcess; stop: () => Promise<void> };

/** The portal's production server (scripts/serve.ts) on `port`, ready when its health answers. */
export async function startPortal(options: {
  databaseUrl: string;
  port: number;
  /** The address users reach (a load balancer in front); the server's own by default. */
  publicUrl?: string;
  env?: Record<string, string>;
  /** Extra node options, e.g. `--cpu-prof` to see where a page's time goes. */
  nodeArgs?: string[];
}): Promise<PortalProcess> {
  const url = `http://localhost:${options.port}`;
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), "--import", "tsx", path.join(ROOT, "scripts", "serve.ts"), "-p", String(options.port)],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: options.databaseUrl,
        AUTH_URL: options.publicUrl ?? url,
        AUTH_SECRET: BENCH_AUTH_SECRET,
        DEMO_MODE: "false",
        // The harness plays the load balancer: each request's X-Forwarded-For is its client.
        TRUSTED_PROXY_HOPS: "1",
        BENCH_FLOOR_PAGES: "on",
        LOG_LEVEL: "warn",
        NEXT_TELEMETRY_DISABLED: "1",
        ...options.env,
      },
    },
  );
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The portal on port ${options.port} exited: ${stderr}`);
    const ok = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      // Not left holding the port for the next try.
      if (child.pid) await stopProcess(child.pid, "SIGKILL", 5_000);
      throw new Error(`The portal on port ${options.port} did not answer in 60 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode === null && child.pid) await stopProcess(child.pid, "SIGTERM", 15_000);
    },
  };
}

/** A signed-in session for `userId`, made in the database as a sign-in would (strong: second factor done). */
export async function createSessionCookie(databaseUrl: string, userId: string, options: { strong?: boolean } = {}): Promise<string> {
  const token = generateToken();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Session" (id, "sessionToken", "userId", expires, method, strong) VALUES ($1, $2, $3, now() + interval '8 hours', 'password', $4)`,
      [`bs-${token.slice(0, 16)}`, hashToken(token), userId, options.strong ?? false],
    );
  } finally {
    await client.end();
  }
  return `portal.session-token=${token}`;
}

/** A server action's id in the current build (Next's server-reference manifest). */
export function actionId(file: string, exportedName: string): string {
  const manifestPath = path.join(ROOT, ".next", "server", "server-reference-manifest.json");
  if (!existsSync(manifestPath)) throw new Error("No production build: run `npm run build` first.");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} in ${file} in this build.`);
  return found[0];
}

export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  await dropDatabase(adminUrl, name);
  await createDatabase(adminUrl, name);
  return withDatabase(adminUrl, name);
}

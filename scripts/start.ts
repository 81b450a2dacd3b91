/**
 * `npm start` (production build) and `npm run dev` (hot reload), with zero setup:
 *
 * 1. DATABASE_URL unset → start the embedded PostgreSQL (.data/postgres); set → use it, start nothing.
 * 2. Apply pending migrations.
 * 3. Demo mode (embedded database, or DEMO_MODE=true): seed the demo data once.
 * 4. `next build` unless the last build is still current; then scripts/serve.ts (Next behind our own
 *    node:http server, production or `--dev`).
 * Ctrl-C stops Next and then PostgreSQL. Running it again keeps the data and skips done work.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../lib/demo/accounts.ts";
import { parseEnv } from "../lib/env-schema.ts";
import { buildFingerprint, isBuildCurrent, markBuild } from "./lib/build-fingerprint.ts";
import { resolveDatabase } from "./lib/database-url.ts";
import { applyMigrations } from "./lib/schema-engine.ts";
import { isAlive, isPortFree, stopProcess } from "./lib/processes.ts";
import { loadOrCreateAuthSecret } from "./lib/secrets.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[portal] ${line}`);

async function hasAnyUser(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query('SELECT EXISTS (SELECT 1 FROM "User") AS found');
    return Boolean(result.rows[0]?.found);
  } finally {
    await client.end();
  }
}

/** The Next server of this checkout, recorded so that a run killed with SIGKILL can be cleaned up. */
/** One file per port: a second instance (`PORT=3001 npm start`) leaves the first one's server alone. */
const serverPidFile = (port: number) => path.join(ROOT, ".data", `next-server-${port}.pid`);

/** Stop a Next server left running by a killed run of this script on this port (it would hold the port). */
async function stopLeftoverServer(port: number): Promise<void> {
  const SERVER_PID_FILE = serverPidFile(port);
  if (!existsSync(SERVER_PID_FILE)) return;
  const pid = Number.parseInt(readFileSync(SERVER_PID_FILE, "utf8"), 10);
  rmSync(SERVER_PID_FILE, { force: true });
  if (!Number.isInteger(pid) || !isAlive(pid)) return;
  const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, "utf8") : "";
  if (!/next|serve\.ts/.test(cmdline)) return; // the pid was reused by something else: leave it alone
  log(`Stopping a Next server (pid ${pid}) left running by an earlier run...`);
  await stopProcess(pid, "SIGTERM", 5_000);
}

function nextBin(): string {
  return path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
}

async function main(): Promise<void> {
  const port = Number.parseInt(process.env.PORT ?? "3000", 10);
  const database = await resolveDatabase({ log });
  let child: ChildProcess | undefined;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child!.once("exit", resolve));
    }
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    log(`Database: ${database.embedded ? "embedded PostgreSQL (.data/postgres)" : "DATABASE_URL"}`);
    const applied = await applyMigrations(database.url, path.join(ROOT, "prisma", "migrations"));
    log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Migrations: up to date");

    const demo = process.env.DEMO_MODE ? process.env.DEMO_MODE === "true" : database.embedded;
    const authSecret = process.env.AUTH_SECRET ?? (database.embedded ? loadOrCreateAuthSecret(path.join(ROOT, ".data")) : undefined);
    if (!authSecret) throw new Error("AUTH_SECRET is required when DATABASE_URL is set (e.g. `openssl rand -base64 48`).");
    if (demo && !(await hasAnyUser(database.url))) {
      log("Seeding demo data (first run only)...");
      const { seed } = await import("../prisma/seed.ts");
      await seed(database.url, { authSecret });
    }

    const authUrl = process.env.AUTH_URL ?? `http://localhost:${port}`;
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_URL: authUrl,
      AUTH_SECRET: authSecret,
      DEMO_MODE: String(demo),
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
    };
    const publicHost = !["localhost", "127.0.0.1", "[::1]"].includes(new URL(authUrl).hostname);
    if (demo && publicHost) {
      throw new Error(
        `Demo mode shows its accounts and passwords on the sign-in page; it runs on localhost only (AUTH_URL is ${authUrl}). Set DEMO_MODE=false.`,
      );
    }
    // The app's own schema, checked before building: a bad variable is named now, not after a build.
    parseEnv(childEnv);

    await stopLeftoverServer(port);
    if (!(await isPortFree(port))) {
      throw new Error(
        `Port ${port} is in use by another program. Stop it, or start the portal on another port: PORT=${port + 1} npm start`,
      );
    }

    if (!dev) {
      const fingerprint = buildFingerprint(ROOT, "production");
      if (isBuildCurrent(ROOT, fingerprint)) {
        log("Build: up to date");
      } else {
        log("Building (next build)...");
        const build = spawnSync(process.execPath, [nextBin(), "build"], { cwd: ROOT, env: childEnv, stdio: "inherit" });
        if (build.status !== 0) throw new Error("next build failed");
        markBuild(ROOT, fingerprint);
      }
    }

    // Demo accounts must not be reachable from the network: listen on loopback only.
    const hostArgs = demo ? ["-H", "127.0.0.1"] : [];
    // Our own server around Next (scripts/serve.ts): the client address comes from the connection.
    const serveArgs = ["--import", "tsx", path.join(ROOT, "scripts", "serve.ts"), ...(dev ? ["--dev"] : [])];
    child = spawn(process.execPath, [...serveArgs, "-p", String(port), ...hostArgs], {
      cwd: ROOT,
      env: childEnv,
      stdio: ["ignore", "inherit", "inherit"],
    });
    mkdirSync(path.dirname(serverPidFile(port)), { recursive: true });
    writeFileSync(serverPidFile(port), String(child.pid));
    child.once("exit", (code) => {
      rmSync(serverPidFile(port), { force: true });
      void shutdown(code ?? 0);
    });

    log(
      `Portal: ${authUrl}  (Ctrl-C stops the portal${
        database.shared ? "; the PostgreSQL of the first instance keeps running" : database.embedded ? " and its PostgreSQL" : ""
      })`,
    );
    if (demo) {
      log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
      for (const account of DEMO_ACCOUNTS) log(`  ${account.role.padEnd(14)} ${account.email}`);
      log(`Staff, admin and dealer accounts use two-step verification: TOTP secret ${DEMO_TOTP_SECRET}`);
      log(`  (the sign-in page shows the current code). Emails: ${authUrl}/ja/dev/outbox`);
    }
  } catch (error) {
    console.error(`[portal] ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

void main();

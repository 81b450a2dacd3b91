/**
 * `npm test`: everything CI checks, in order, stopping at the first failure.
 *   1. types (next typegen + tsc)   2. lint (eslint)   3. unit + integration (vitest, real PostgreSQL)
 *   4. e2e (Playwright on Debian Chromium against scripts/serve.ts, a production build, on a fresh, seeded database)
 * `--only static|unit|e2e` runs one part. Chromium is installed with apt when missing.
 * Databases: TEST_DATABASE_URL if set, else an embedded PostgreSQL in .data/postgres-test.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildFingerprint, isBuildCurrent, markBuild } from "./lib/build-fingerprint.ts";
import { E2E_AUTH_SECRET } from "./test/e2e-env.ts";
import { createMigratedDatabase, dropDatabase, startTestServer } from "./test/test-database.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Extra arguments go to the runner of an `--only` run, e.g. `npm run test:e2e -- e2e/identity.spec.ts`.
const { values, positionals: extra } = parseArgs({ options: { only: { type: "string" } }, allowPositionals: true });
const only = values.only;
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

/**
 * Run one stage and wait for it without blocking this process: the embedded test PostgreSQL is this
 * process's child, and its log output must keep being read. (With spawnSync nothing read it while a
 * stage ran; once its pipe filled, PostgreSQL stopped mid-write and the suite hung.)
 */
async function run(title: string, command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  const status = await new Promise<number | null>((resolve) => {
    child.on("error", () => resolve(null));
    child.on("exit", (code) => resolve(code));
  });
  // Thrown, not process.exit(): the finally below must still stop the test PostgreSQL.
  if (status !== 0) throw new Error(`✗ ${title} failed`);
  console.log(`✓ ${title} (${Math.round((Date.now() - started) / 1000)} s)`);
}

function ensureChromium(): string {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(chromium)) return chromium;
  // Playwright cannot download its browser offline; Debian's chromium works (see README).
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (args: string[]) =>
    spawnSync(sudo[0] ?? "apt-get", [...(sudo.length ? ["apt-get"] : []), ...args], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  console.log("Installing Debian chromium for the browser tests...");
  if (apt(["install", "-y", "--no-install-recommends", "chromium"]).status !== 0) {
    apt(["update"]);
    if (apt(["install", "-y", "--no-install-recommends", "chromium"]).status !== 0)
      throw new Error("Could not install chromium with apt-get.");
  }
  return chromium;
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!only || only === "static") {
    await run("types", process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "typegen"]);
    await run("types", bin("tsc"), ["--noEmit"]);
    await run("lint", bin("eslint"), ["--max-warnings=0", "."]);
    await run("format (prettier; npm run format fixes it)", bin("prettier"), ["--check", "."]);
  }

  const needsDatabase = !only || only === "unit" || only === "e2e";
  if (!needsDatabase) return;
  const server = await startTestServer();
  const e2eDatabase = `portal_e2e_${process.pid}`;
  try {
    if (!only || only === "unit") await run("unit + integration (vitest)", bin("vitest"), ["run", ...(only ? extra : [])]);

    if (!only || only === "e2e") {
      const chromium = ensureChromium();
      const url = await createMigratedDatabase(server.adminUrl, e2eDatabase);
      const { seed } = await import("../prisma/seed.ts");
      await seed(url, { authSecret: E2E_AUTH_SECRET }); // the demo accounts exist, as after `npm start`

      const fingerprint = buildFingerprint(ROOT, "production");
      if (isBuildCurrent(ROOT, fingerprint)) {
        console.log("\n=== build: up to date ===");
      } else {
        await run("build", process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"]);
        markBuild(ROOT, fingerprint);
      }
      await run("e2e (playwright)", bin("playwright"), ["test", "-c", "e2e/playwright.config.ts", ...(only ? extra : [])], {
        E2E_DATABASE_URL: url,
        CHROMIUM_PATH: chromium,
      });
    }
  } finally {
    await dropDatabase(server.adminUrl, e2eDatabase).catch(() => {});
    await server.stop();
  }
  console.log(`\nAll tests passed in ${Math.round((Date.now() - started) / 1000)} s.`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

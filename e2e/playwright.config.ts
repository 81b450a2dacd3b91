import path from "node:path";
import { defineConfig } from "@playwright/test";
import { E2E_AUTH_SECRET } from "../scripts/test/e2e-env.ts";

/**
 * E2E against a production build (`next start`) on a database of its own. `npm test` (or
 * `npm run test:e2e`) prepares that database and the build, then runs this config.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const databaseUrl = process.env.E2E_DATABASE_URL ?? "";

// The suite creates and signs in users directly in the database: refuse anything but a local one.
const host = databaseUrl ? new URL(databaseUrl).hostname : "";
if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
  throw new Error("E2E_DATABASE_URL must point at a local test database (run the suite with `npm run test:e2e`).");
}

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: path.join(ROOT, "test-results"),
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${PORT}`,
    cwd: ROOT,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: databaseUrl,
      AUTH_URL: baseURL,
      AUTH_SECRET: E2E_AUTH_SECRET,
      DEMO_MODE: "true",
      I18N_STRICT: "true",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});

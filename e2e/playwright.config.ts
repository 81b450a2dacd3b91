import path from "node:path";
import { defineConfig } from "@playwright/test";
import {
  E2E_APP_PORT,
  E2E_AUTH_SECRET,
  E2E_MAIL_API_PORT,
  E2E_OIDC_CLIENTS,
  E2E_OIDC_PORT,
  E2E_SMTP_PORT,
} from "../scripts/test/e2e-env.ts";

/**
 * E2E against a production build (`next start`) on a database of its own. `npm test` (or
 * `npm run test:e2e`) prepares that database and the build, then runs this config.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = E2E_APP_PORT;
const baseURL = `http://localhost:${PORT}`;
const databaseUrl = process.env.E2E_DATABASE_URL ?? "";
const HEAVY_SPECS = /\/(scale-out|faults)\.spec\.ts$/;

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
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // The scale-out and fault specs start servers and a data set of their own, enough work to hold
  // up the main server's jobs for tens of seconds on 2 cores (a claim's email once missed its 20 s
  // wait beside them): they run after the rest of the suite, side by side with each other only
  // (alone: `npm run test:e2e -- -- e2e/faults.spec.ts --no-deps`).
  projects: [
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: HEAVY_SPECS },
    { name: "heavy", use: { browserName: "chromium" }, testMatch: HEAVY_SPECS, dependencies: ["chromium"] },
  ],
  webServer: [
    {
      // Real SMTP to a local catcher: tests read the emails the portal sends (fixtures.ts readEmail).
      command: "node --import tsx scripts/test/mail-catcher.ts",
      cwd: ROOT,
      url: `http://127.0.0.1:${E2E_MAIL_API_PORT}/health`,
      reuseExistingServer: false,
      env: { E2E_SMTP_PORT: String(E2E_SMTP_PORT), E2E_MAIL_API_PORT: String(E2E_MAIL_API_PORT) },
    },
    {
      // Stands in for Google / LINE / a company's OpenID provider.
      command: "node --import tsx scripts/test/oidc-provider.ts",
      cwd: ROOT,
      url: `http://localhost:${E2E_OIDC_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "ignore",
      env: { E2E_APP_URL: baseURL },
    },
    {
      // The same server as `npm start`: it takes the client address from the connection.
      command: `node --import tsx scripts/serve.ts -p ${PORT}`,
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
        // The test runner plays the load balancer: each test's X-Forwarded-For is the address it
        // connects from, so per-address limits do not collide across tests. hardening.spec.ts runs
        // a second server with npm start's default (0) to show a forged header is ignored there.
        TRUSTED_PROXY_HOPS: "1",
        // The load harness's floor pages answer here too, so the access matrix proves their guards.
        BENCH_FLOOR_PAGES: "on",
        LOG_LEVEL: "warn",
        NEXT_TELEMETRY_DISABLED: "1",
        SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
        MAIL_FROM: "Owners Portal <no-reply@e2e.example>",
        SUPPORT_PHONE: "0120-000-111",
        SUPPORT_EMAIL: "support@e2e.example",
        AUTH_OIDC_ISSUER: `http://localhost:${E2E_OIDC_PORT}`,
        AUTH_OIDC_ID: E2E_OIDC_CLIENTS.oidc.id,
        AUTH_OIDC_SECRET: E2E_OIDC_CLIENTS.oidc.secret,
        AUTH_OIDC_NAME: "Company SSO",
        AUTH_GOOGLE_ISSUER: `http://localhost:${E2E_OIDC_PORT}`,
        AUTH_GOOGLE_ID: E2E_OIDC_CLIENTS.google.id,
        AUTH_GOOGLE_SECRET: E2E_OIDC_CLIENTS.google.secret,
        AUTH_LINE_ISSUER: `http://localhost:${E2E_OIDC_PORT}`,
        AUTH_LINE_ID: E2E_OIDC_CLIENTS.line.id,
        AUTH_LINE_SECRET: E2E_OIDC_CLIENTS.line.secret,
        // Webhooks: a failing receiver is tried three times, 1 s and 2 s apart, and one failed delivery disables it.
        WEBHOOK_MAX_ATTEMPTS: "3",
        WEBHOOK_RETRY_BASE_SECONDS: "1",
        WEBHOOK_DISABLE_AFTER: "1",
      },
    },
  ],
});

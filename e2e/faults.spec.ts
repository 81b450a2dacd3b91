import path from "node:path";
import pg from "pg";
import type { Page } from "@playwright/test";
import { BENCH_STAFF, generateDataSet } from "../scripts/bench/data-set";
import { load } from "../scripts/bench/http";
import { BENCH_AUTH_SECRET, createSessionCookie, startPortal, type PortalProcess } from "../scripts/bench/portal";
import { startEmbeddedPostgres, type EmbeddedServer } from "../scripts/lib/embedded-postgres";
import { E2E_APP_PORT, E2E_SMTP_PORT, E2E_SPEC_PORTS } from "../scripts/test/e2e-env";
import { createMigratedDatabase } from "../scripts/test/test-database";
import { expect, readEmail, SESSION_COOKIE, test } from "./fixtures";
import { REQUEST_FORM } from "./repair-data";

/**
 * Issue 17, faults: the portal's PostgreSQL is stopped while the portal is under load, and started
 * again. While it is down, health answers 503 and pages show the friendly error; afterwards the
 * same app process serves again without a restart, its jobs run, the chat streams reconnect and
 * catch up, and every write acknowledged before the stop (a points redemption, a repair request,
 * chat messages) is there. The test runs its own embedded PostgreSQL, which it can stop.
 */

const root = path.resolve(import.meta.dirname, "..");
const appPort = E2E_SPEC_PORTS.faultsApp;
const appUrl = `http://localhost:${appPort}`;
const CUSTOMER = "u77"; // a customer of the generated data set: 170 points, three products

test.describe("PostgreSQL stopped under load", () => {
  test.describe.configure({ mode: "serial", timeout: 300_000 });
  let postgres: EmbeddedServer;
  let portal: PortalProcess | undefined;
  let databaseUrl: string;
  const dataDir = path.join(root, ".data", `postgres-faults-${E2E_APP_PORT}`);
  const startDatabase = () => startEmbeddedPostgres({ dataDir, preferredPort: E2E_SPEC_PORTS.faultsDatabase, log: () => {} });

  test.beforeAll(async () => {
    postgres = await startDatabase();
    databaseUrl = await createMigratedDatabase(postgres.url("postgres"), "portal");
    const { seed } = await import("../prisma/seed");
    await seed(databaseUrl, { authSecret: BENCH_AUTH_SECRET });
    await generateDataSet(databaseUrl, 200);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(
      `INSERT INTO "Reward" (id, kind, "nameJa", "nameEn", "descriptionJa", "descriptionEn", cost, stock, "updatedAt")
       VALUES ('fault-reward', 'GOODS', '障害テストの特典', 'Fault test reward', '—', '—', 50, 10, now())`,
    );
    await client.end();
    portal = await startPortal({
      databaseUrl,
      port: appPort,
      env: { JOB_WORKERS: "on", SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`, MAIL_FROM: "Owners Portal <no-reply@e2e.example>" },
    });
  });

  test.afterAll(async () => {
    await portal?.stop();
    await postgres?.stop();
  });

  const rows = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };

  async function signedIn(userId: string, strong = false) {
    const cookie = await createSessionCookie(databaseUrl, userId, { strong });
    return cookie.split("=")[1]!;
  }

  const messages = (page: Page) => page.getByTestId("chat-message");
  async function send(page: Page, text: string) {
    await page.getByRole("textbox", { name: "Message" }).fill(text);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByTestId("chat-pending")).toHaveCount(0);
    await expect(messages(page).last()).toContainText(text);
  }

  test("health 503 and a friendly page while it is down; afterwards the same process serves, jobs run, chat catches up, nothing acknowledged is lost", async ({
    browser,
  }) => {
    const customerContext = await browser.newContext({ baseURL: appUrl });
    await customerContext.addCookies([
      { name: SESSION_COOKIE, value: await signedIn(CUSTOMER), url: appUrl, httpOnly: true, sameSite: "Lax" },
    ]);
    const agentContext = await browser.newContext({ baseURL: appUrl });
    await agentContext.addCookies([
      { name: SESSION_COOKIE, value: await signedIn(BENCH_STAFF.agent.id, true), url: appUrl, httpOnly: true, sameSite: "Lax" },
    ]);
    const customer = await customerContext.newPage();
    const agent = await agentContext.newPage();

    // Acknowledged writes before the stop: a redemption, a repair request, an inquiry with messages.
    await customer.goto("/en/mypage/points/rewards/fault-reward");
    await customer.getByRole("button", { name: "Exchange" }).click();
    await customer.getByRole("dialog").getByRole("button", { name: "Exchange" }).click();
    await expect(customer.getByText(/You exchanged your points for “Fault test reward”/)).toBeVisible();

    const [product] = await rows<{ id: string }>(`SELECT id FROM "Ownership" WHERE "userId" = $1 ORDER BY "registeredAt" LIMIT 1`, [
      CUSTOMER,
    ]);
    await customer.goto(`/en/mypage/repairs/new?product=${product!.id}`);
    await customer.getByLabel(REQUEST_FORM.en.symptom, { exact: true }).selectOption({ index: 1 });
    await customer.getByLabel(REQUEST_FORM.en.description).fill("It stopped working before the database did.");
    await customer.getByRole("radio", { name: REQUEST_FORM.en.sendIn }).check();
    await customer.getByRole("button", { name: REQUEST_FORM.en.submit }).click();
    await expect(customer).toHaveURL(/\/en\/mypage\/repairs\/[^/?]+\?sent=1$/);

    await customer.goto("/en/mypage/inquiries/new");
    await customer.getByLabel("Subject").fill("Before the outage");
    await customer.getByLabel("Message").fill("First message, acknowledged");
    await customer.getByRole("button", { name: "Send and start the conversation" }).click();
    await customer.waitForURL(/\/en\/mypage\/inquiries\/(?!new$)[^/]+$/);
    const conversation = customer.url().split("/").pop()!;
    await send(customer, "Second message, acknowledged");
    await agent.goto(`/en/admin/inbox/${conversation}`);
    await expect(messages(agent)).toHaveCount(2);
    for (const page of [customer, agent]) await expect(page.locator("html")).toHaveAttribute("data-chat-stream", "open");

    // Under load (20 connections on My Page), the database stops.
    const cookie = `${SESSION_COOKIE}=${await signedIn(CUSTOMER)}`;
    const underLoad = load(
      appUrl,
      { request: () => ({ path: "/en/mypage", headers: { cookie } }) },
      { connections: 20, seconds: 12, expect: () => true },
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await postgres.stop();

    await expect.poll(async () => (await fetch(`${appUrl}/api/health`)).status, { timeout: 15_000 }).toBe(503);
    // The customer's chat page stays open through the outage; another tab meets the error page.
    const probe = await customerContext.newPage();
    const down = await probe.goto("/en/mypage/points");
    expect(down!.status()).toBeGreaterThanOrEqual(500);
    await expect(probe.getByRole("heading", { level: 1 })).toHaveText("Something went wrong");
    await expect(probe.locator("body")).not.toContainText(/ECONNREFUSED|postgres|prisma|stack/i);

    // Started again: the same app process serves, without a restart.
    postgres = await startDatabase();
    const load12s = await underLoad;
    expect(portal!.child.exitCode).toBeNull();
    expect(load12s.requests).toBeGreaterThan(0);
    await expect.poll(async () => (await fetch(`${appUrl}/api/health`)).status, { timeout: 30_000 }).toBe(200);
    await probe.goto("/en/mypage/points");
    await expect(probe.getByRole("heading", { level: 1 })).toHaveText("Points");

    // The chat catches up: a message sent as soon as the database is back (before the process has
    // listened again, its notification is gone) reaches the customer's page, which was never
    // reloaded; then the live path works both ways.
    await send(agent, "Back after the outage");
    await expect(messages(customer).last()).toContainText("Back after the outage", { timeout: 20_000 });
    await expect(customer.locator("html")).toHaveAttribute("data-chat-stream", "open");
    await send(customer, "Live again");
    await expect(messages(agent).last()).toContainText("Live again");

    // Jobs resume: an email enqueued now is sent by the same process's workers.
    const resetPage = await (await browser.newContext({ baseURL: appUrl })).newPage();
    await resetPage.goto("/en/forgot-password");
    await resetPage.getByLabel("Email address").fill("c77@bench.example");
    await resetPage.getByRole("button", { name: "Send reset link" }).click();
    await expect(resetPage.getByText("Check your inbox")).toBeVisible();
    await readEmail("c77@bench.example");

    // Nothing acknowledged before the stop is lost.
    expect(await rows(`SELECT 1 FROM "Redemption" WHERE "userId" = $1 AND "rewardId" = 'fault-reward'`, [CUSTOMER])).toHaveLength(1);
    expect(
      await rows(`SELECT 1 FROM "RepairTicket" WHERE "customerId" = $1 AND description LIKE 'It stopped working%'`, [CUSTOMER]),
    ).toHaveLength(1);
    const chat = await rows<{ body: string }>(`SELECT body FROM "ChatMessage" WHERE "conversationId" = $1 ORDER BY seq`, [conversation]);
    expect(chat.map((message) => message.body)).toEqual([
      "First message, acknowledged",
      "Second message, acknowledged",
      "Back after the outage",
      "Live again",
    ]);
    await customerContext.close();
    await agentContext.close();
  });
});

import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Page } from "@playwright/test";
import { startBalancer } from "../scripts/balancer";
import { BENCH_PASSWORD, BENCH_STAFF, benchCustomerEmail, DATA_SETS, generateDataSet } from "../scripts/bench/data-set";
import { BENCH_AUTH_SECRET, createSessionCookie, startPortal, type PortalProcess } from "../scripts/bench/portal";
import { E2E_MAIL_API_PORT, E2E_SMTP_PORT, E2E_SPEC_PORTS } from "../scripts/test/e2e-env";
import { createMigratedDatabase, dropDatabase, withDatabase } from "../scripts/test/test-database";
import { expect, readEmail, SESSION_COOKIE, signInThroughForm, test } from "./fixtures";

/**
 * Issue 17, scaling out (README "Performance and scaling"): two app processes that work no jobs
 * (JOB_WORKERS=off) and one `npm run worker`, on one PostgreSQL of their own with the small data
 * set (10,000 customers), behind scripts/balancer.ts, which sends each request to the next
 * process. A customer signs in and moves between pages served by both; a customer and an agent
 * chat live whichever process holds each one's stream; an email enqueued by an app process is
 * sent by the worker alone; and when one app process stops, the other serves everyone.
 */

const root = path.resolve(import.meta.dirname, "..");
const [balancerPort, portA, portB] = [E2E_SPEC_PORTS.balancer, E2E_SPEC_PORTS.scaleOutA, E2E_SPEC_PORTS.scaleOutB];
const balancerUrl = `http://localhost:${balancerPort}`;

test.describe("two app processes and a worker behind a load balancer", () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 });
  const adminUrl = withDatabase(process.env.E2E_DATABASE_URL!, "postgres");
  const database = `portal_scale_${process.pid}`;
  const databaseUrl = withDatabase(adminUrl, database);
  const apps: PortalProcess[] = [];
  let worker: ChildProcess | undefined;
  let balancer: Awaited<ReturnType<typeof startBalancer>> | undefined;
  const served = new Map<number, number>();

  const appEnv = {
    JOB_WORKERS: "off",
    SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    MAIL_FROM: "Owners Portal <no-reply@e2e.example>",
    I18N_STRICT: "true",
  };

  test.beforeAll(async () => {
    await createMigratedDatabase(adminUrl, database);
    const { seed } = await import("../prisma/seed");
    await seed(databaseUrl, { authSecret: BENCH_AUTH_SECRET });
    await generateDataSet(databaseUrl, DATA_SETS.small.customers);
    // Each process is kept as it comes up, so afterAll stops it even if the other fails to start.
    const started = await Promise.allSettled(
      [portA, portB].map((port) =>
        startPortal({ databaseUrl, port, publicUrl: balancerUrl, env: appEnv }).then((app) => {
          apps.push(app);
          return app;
        }),
      ),
    );
    for (const result of started) if (result.status === "rejected") throw result.reason;
    apps.sort((a, b) => a.url.localeCompare(b.url));
    balancer = await startBalancer(
      balancerPort,
      [portA, portB].map((port) => new URL(`http://127.0.0.1:${port}`)),
      "127.0.0.1",
      (upstream) => served.set(Number(upstream.port), (served.get(Number(upstream.port)) ?? 0) + 1),
    );
  });

  test.afterAll(async () => {
    await balancer?.close();
    if (worker && worker.exitCode === null) {
      worker.kill("SIGTERM");
      await new Promise((resolve) => worker!.once("exit", resolve));
    }
    await Promise.all(apps.map((app) => app.stop()));
    await dropDatabase(adminUrl, database).catch(() => {});
  });

  function startWorker(): ChildProcess {
    mkdirSync(path.join(root, "test-results"), { recursive: true });
    const log = openSync(path.join(root, "test-results", "scale-out-worker.log"), "a");
    return spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/lib/server-only.ts", "scripts/worker.ts"], {
      cwd: root,
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        ...appEnv,
        DATABASE_URL: databaseUrl,
        AUTH_URL: balancerUrl,
        AUTH_SECRET: BENCH_AUTH_SECRET,
        LOG_LEVEL: "warn",
      },
    });
  }

  const messages = (page: Page) => page.getByTestId("chat-message");

  test("sessions, chat and jobs work across the processes, and one stopping leaves the other serving", async ({ browser }) => {
    // Sessions: the sign-in is answered by one process, every following page alternates.
    const customerEmail = benchCustomerEmail(4242);
    const customerContext = await browser.newContext({ baseURL: balancerUrl, locale: "en-US" });
    const customer = await customerContext.newPage();
    await customer.goto("/en/signin");
    await signInThroughForm(customer, "en", customerEmail, BENCH_PASSWORD);
    await expect(customer).toHaveURL(/\/en\/mypage$/);
    served.clear();
    for (const path of ["/en/mypage/products", "/en/mypage/repairs", "/en/mypage/points", "/en/mypage"]) {
      await customer.goto(path);
      await expect(customer.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(customer).toHaveURL(new RegExp(`${path}$`));
    }
    expect(served.get(portA), "requests served by process A").toBeGreaterThan(0);
    expect(served.get(portB), "requests served by process B").toBeGreaterThan(0);

    // Chat: each side's stream sits on whichever process took it; every message arrives live.
    await customer.goto("/en/mypage/inquiries/new");
    await customer.getByLabel("Subject").fill("Scaled out");
    await customer.getByLabel("Message").fill("Hello from one process");
    await customer.getByRole("button", { name: "Send and start the conversation" }).click();
    await customer.waitForURL(/\/en\/mypage\/inquiries\/(?!new$)[^/]+$/);
    const conversation = customer.url().split("/").pop()!;
    const agentContext = await browser.newContext({ baseURL: balancerUrl, locale: "en-US" });
    const agentCookie = await createSessionCookie(databaseUrl, BENCH_STAFF.agent.id, { strong: true });
    await agentContext.addCookies([
      { name: SESSION_COOKIE, value: agentCookie.split("=")[1]!, url: balancerUrl, httpOnly: true, sameSite: "Lax" },
    ]);
    const agent = await agentContext.newPage();
    await agent.goto(`/en/admin/inbox/${conversation}`);
    await expect(messages(agent)).toHaveCount(1);
    for (const page of [customer, agent]) await expect(page.locator("html")).toHaveAttribute("data-chat-stream", "open");
    for (let round = 1; round <= 3; round++) {
      for (const [from, to] of [
        [agent, customer],
        [customer, agent],
      ] as const) {
        const text = `Round ${round} from ${from === agent ? "support" : "the customer"}`;
        await from.getByRole("textbox", { name: "Message" }).fill(text);
        await from.getByRole("button", { name: "Send", exact: true }).click();
        await expect(messages(to).last()).toContainText(text);
      }
    }

    // Jobs: the app processes enqueue; only the worker sends. Without it, no email comes.
    const resetPage = await (await browser.newContext({ baseURL: balancerUrl })).newPage();
    await resetPage.goto("/en/forgot-password");
    await resetPage.getByLabel("Email address").fill(customerEmail);
    await resetPage.getByRole("button", { name: "Send reset link" }).click();
    await expect(resetPage.getByText("Check your inbox")).toBeVisible();
    // The email is a job no app process works: it waits, unsent, until a worker runs.
    const emailJobs = async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ waiting: number; done: number }>(
          `SELECT count(*) FILTER (WHERE state = 'created')::int AS waiting, count(*) FILTER (WHERE state <> 'created')::int AS done
           FROM pgboss.job WHERE name = 'email.send'`,
        );
        return rows[0]!;
      } finally {
        await client.end();
      }
    };
    await expect.poll(async () => (await emailJobs()).waiting).toBeGreaterThan(0);
    for (let check = 0; check < 6; check++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await emailJobs()).done, "no app process works the email queue").toBe(0);
    }
    const outbox = await fetch(`http://127.0.0.1:${E2E_MAIL_API_PORT}/messages?to=${encodeURIComponent(customerEmail)}`).then((r) =>
      r.json(),
    );
    expect(outbox).toEqual([]);
    worker = startWorker();
    const mail = await readEmail(customerEmail, /パスワードの再設定|Reset your password/);
    expect(mail.link).toContain(`${balancerUrl}/`);

    // One process stops: the balancer sends everything to the other; the session holds.
    await apps[0]!.stop();
    served.clear();
    for (const path of ["/en/mypage/products", "/en/mypage"]) {
      await customer.goto(path);
      await expect(customer).toHaveURL(new RegExp(`${path}$`));
      await expect(customer.getByRole("heading", { level: 1 })).toBeVisible();
    }
    expect(served.get(portB)).toBeGreaterThan(0);
    await customerContext.close();
    await agentContext.close();
  });
});

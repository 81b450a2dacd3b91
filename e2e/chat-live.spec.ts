import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { E2E_AUTH_SECRET, E2E_SMTP_PORT, E2E_SPEC_PORTS } from "../scripts/test/e2e-env";
import { createConversation } from "./chat-data";
import { createUser, expect, newContextAs, query, test, type TestUser } from "./fixtures";
import { receiptPhoto } from "./images";

/**
 * Issue 11, done when: a customer and an agent chat in real time in two browsers (messages appear
 * without a reload in under a second), an image is sent and previewed, read receipts update on both
 * sides, and a restart of the server mid-chat loses nothing; the same with the two people on two
 * different server processes on one database (fan-out through LISTEN/NOTIFY).
 */

const LIVE = { timeout: 1_000 };

async function startInquiry(page: Page, subject: string, body: string): Promise<string> {
  await page.goto("/en/mypage/inquiries/new");
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Message").fill(body);
  await page.getByRole("button", { name: "Send and start the conversation" }).click();
  await page.waitForURL(/\/en\/mypage\/inquiries\/(?!new$)[^/]+$/);
  return page.url().split("/").pop()!;
}

/** Send and wait until the server has stored it (the sender's page shows the stored message): the clock for "live" starts there. */
async function send(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByTestId("chat-pending")).toHaveCount(0);
  await expect(page.getByTestId("chat-message").last()).toContainText(text.slice(0, 20));
}

const messages = (page: Page) => page.getByTestId("chat-message");

/** The tab's chat stream is open (what is sent from now on arrives live). */
async function streamOpen(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("data-chat-stream", "open");
}

test("a customer and an agent chat in real time: messages, typing, an image, links as text, and read receipts on both sides", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const [customer, agent] = [await createUser("CUSTOMER"), await createUser("SUPPORT_AGENT")];
  const customerContext = await newContextAs(browser, baseURL!, customer.id);
  const agentContext = await newContextAs(browser, baseURL!, agent.id);
  const customerPage = await customerContext.newPage();
  const agentPage = await agentContext.newPage();

  const id = await startInquiry(customerPage, "Timer question", "How do I set the timer?");
  await expect(messages(customerPage)).toHaveCount(1);

  await agentPage.goto(`/en/admin/inbox?view=unassigned`);
  await agentPage.getByRole("link", { name: "Timer question" }).click();
  await expect(agentPage).toHaveURL(new RegExp(`/en/admin/inbox/${id}$`));
  await expect(messages(agentPage)).toHaveCount(1);
  // The agent has the conversation open: the customer's message shows as read.
  await expect(customerPage.getByTestId("chat-receipt")).toHaveText(/Read/, { timeout: 5_000 });

  // Typing shows on the other side.
  await agentPage.getByRole("textbox", { name: "Message" }).fill("Let me check");
  await expect(customerPage.getByText("Support is typing…")).toBeVisible({ timeout: 3_000 });

  // A message with a link and markup: the link is clickable, the markup stays text.
  await send(agentPage, "See https://example.com/manual <b>page 12</b>.");
  const received = messages(customerPage).nth(1);
  await expect(received).toContainText("<b>page 12</b>", LIVE);
  await expect(received.getByRole("link", { name: "https://example.com/manual" })).toHaveAttribute("rel", /noopener/);
  expect(await received.locator("b").count()).toBe(0);
  // The customer's page is open and in view: the agent sees "Read".
  await expect(agentPage.getByTestId("chat-receipt")).toHaveText(/Read/, { timeout: 5_000 });

  // An image: uploaded with progress, previewed, sent, shown on the other side.
  await customerPage.getByTestId("chat-attach").setInputFiles({ name: "unit.jpg", mimeType: "image/jpeg", buffer: await receiptPhoto() });
  await expect(customerPage.getByText("Photo uploaded. Location and camera details were removed.")).toBeVisible();
  await send(customerPage, "This is the display");
  const image = agentPage.getByTestId("chat-image");
  await expect(image).toBeVisible({ timeout: 2_000 });
  await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

  // Unread badge: a new message while the customer is elsewhere.
  await customerPage.goto("/en/mypage");
  await send(agentPage, "Anything else?");
  await expect(customerPage.getByTestId("unread-badge")).toContainText("1", { timeout: 2_000 });

  await customerContext.close();
  await agentContext.close();
});

test("[8.2.2] another customer, a dealer and a made-up id get 404 for a conversation, its messages and its images", async ({
  browser,
  baseURL,
  page,
  login,
}) => {
  const owner = await createUser("CUSTOMER");
  const ownerContext = await newContextAs(browser, baseURL!, owner.id);
  const ownerPage = await ownerContext.newPage();
  const id = await startInquiry(ownerPage, "Private", "Only mine");
  await ownerPage.getByTestId("chat-attach").setInputFiles({ name: "p.jpg", mimeType: "image/jpeg", buffer: await receiptPhoto() });
  await expect(ownerPage.getByText("Photo uploaded. Location and camera details were removed.")).toBeVisible();
  await send(ownerPage, "photo");
  await expect(ownerPage.getByTestId("chat-image")).toBeVisible();
  const rows = await query<{ fileId: string }>(`SELECT "fileId" FROM "ChatMessage" WHERE "conversationId" = $1 AND "fileId" IS NOT NULL`, [
    id,
  ]);
  const fileId = rows[0]!.fileId;
  await ownerContext.close();

  await login("CUSTOMER");
  for (const url of [`/en/mypage/inquiries/${id}`, "/en/mypage/inquiries/made-up-id"]) {
    expect((await page.goto(url))!.status(), url).toBe(404);
  }
  for (const url of [`/api/chat/conversations/${id}/messages?after=0`, `/api/files/${fileId}`, `/api/files/${fileId}?variant=thumb`]) {
    expect((await page.request.get(url)).status(), url).toBe(404);
  }
  const post = await page.request.post(`/api/chat/conversations/${id}/messages`, { data: { body: "hi", idempotencyKey: "k-12345678" } });
  expect(post.status()).toBe(404);

  const dealer = await createUser("DEALER_STAFF");
  const dealerContext = await newContextAs(browser, baseURL!, dealer.id);
  for (const url of [`/api/chat/conversations/${id}/messages?after=0`, `/api/files/${fileId}`]) {
    expect((await dealerContext.request.get(url)).status(), url).toBe(404);
  }
  expect((await dealerContext.request.get(`/en/admin/inbox/${id}`)).status()).toBe(404);
  await dealerContext.close();
});

test("an agent who allowed notifications is notified of customers' messages in conversations assigned to them, and only those", async ({
  browser,
  baseURL,
}) => {
  const agent = await createUser("SUPPORT_AGENT");
  const mine = await createConversation();
  const unassigned = await createConversation();
  await query(`UPDATE "Conversation" SET "assigneeId" = $1 WHERE id = $2`, [agent.id, mine.id]);
  const agentContext = await newContextAs(browser, baseURL!, agent.id);
  // The browser's Notification, as after the agent allowed it: records what would be shown.
  await agentContext.addInitScript(() => {
    const shown: { title: string; body?: string }[] = [];
    (window as unknown as { shown: typeof shown }).shown = shown;
    class RecordedNotification {
      static permission = "granted";
      static requestPermission = async () => "granted";
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body });
      }
      close() {}
    }
    (window as unknown as { Notification: unknown }).Notification = RecordedNotification;
  });
  const agentPage = await agentContext.newPage();
  await agentPage.goto("/en/admin/inbox");
  await expect(agentPage.getByText("Browser notifications are on for your conversations.")).toBeVisible();
  await streamOpen(agentPage);

  for (const [conversation, text] of [
    [unassigned, "Nobody holds this one"],
    [mine, "Is anyone there?"],
  ] as const) {
    const context = await newContextAs(browser, baseURL!, conversation.customer.id);
    const page = await context.newPage();
    await page.goto(`/en/mypage/inquiries/${conversation.id}`);
    await send(page, text);
    await context.close();
  }
  await expect
    .poll(() => agentPage.evaluate(() => (window as unknown as { shown: unknown[] }).shown), { timeout: 5_000 })
    .toEqual([{ title: "New message from a customer", body: "Is anyone there?" }]);
  await agentContext.close();
});

// --- two app server processes on one database -----------------------------------------------------

const root = path.resolve(import.meta.dirname, "..");

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

function startServer(port: number, name: string): ChildProcess {
  mkdirSync(path.join(root, "test-results"), { recursive: true });
  const log = openSync(path.join(root, "test-results", `serve-${name}.log`), "a");
  return spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "-p", String(port)], {
    cwd: root,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      AUTH_URL: `http://localhost:${port}`,
      AUTH_SECRET: E2E_AUTH_SECRET,
      DEMO_MODE: "true",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      TRUSTED_PROXY_HOPS: "1",
    },
  });
}

/** Up and answering; fails at once if the server process has exited. */
async function healthy(server: ChildProcess, port: number): Promise<void> {
  await expect
    .poll(
      async () => {
        if (server.exitCode !== null)
          throw new Error(`the server on port ${port} exited (${server.exitCode}); see test-results/serve-chat-*.log`);
        return (await fetch(`http://localhost:${port}/api/health`).catch(() => null))?.status ?? 0;
      },
      { timeout: 120_000, intervals: [250] },
    )
    .toBe(200);
}

async function stop(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null) return;
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
}

test.describe("two server processes", () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 });
  const [portA, portB] = [E2E_SPEC_PORTS.chatLiveA, E2E_SPEC_PORTS.chatLiveB];
  const servers: Record<string, ChildProcess | undefined> = {};

  test.beforeAll(async () => {
    // A server left over from a killed run would answer instead of ours.
    for (const port of [portA, portB]) expect(await portFree(port), `port ${port} is in use`).toBe(true);
    servers.a = startServer(portA, "chat-a");
    servers.b = startServer(portB, "chat-b");
    await Promise.all([healthy(servers.a, portA), healthy(servers.b, portB)]);
  });

  test.afterAll(async () => {
    await Promise.all([stop(servers.a), stop(servers.b)]);
  });

  test("a customer on one process and an agent on another chat live, and a restart of the customer's server loses nothing", async ({
    browser,
  }) => {
    const customer: TestUser = await createUser("CUSTOMER");
    const agent: TestUser = await createUser("SUPPORT_AGENT");
    const contexts: BrowserContext[] = [
      await newContextAs(browser, `http://localhost:${portA}`, customer.id),
      await newContextAs(browser, `http://localhost:${portB}`, agent.id),
    ];
    const customerPage = await contexts[0]!.newPage();
    const agentPage = await contexts[1]!.newPage();
    await customerPage.goto(`http://localhost:${portA}/en/mypage`);
    const id = await (async () => {
      await customerPage.goto(`http://localhost:${portA}/en/mypage/inquiries/new`);
      await customerPage.getByLabel("Subject").fill("Two servers");
      await customerPage.getByLabel("Message").fill("Hello from server A");
      await customerPage.getByRole("button", { name: "Send and start the conversation" }).click();
      await customerPage.waitForURL(/\/en\/mypage\/inquiries\/(?!new$)[^/]+$/);
      return customerPage.url().split("/").pop()!;
    })();
    await agentPage.goto(`http://localhost:${portB}/en/admin/inbox/${id}`);
    await expect(messages(agentPage)).toHaveCount(1);
    await Promise.all([streamOpen(customerPage), streamOpen(agentPage)]);

    await send(agentPage, "Hello from server B");
    await expect(messages(customerPage).nth(1)).toContainText("Hello from server B", LIVE);
    await send(customerPage, "Got it on A");
    await expect(messages(agentPage).nth(2)).toContainText("Got it on A", LIVE);
    await expect(agentPage.getByTestId("chat-receipt")).toHaveText(/Read/, { timeout: 5_000 });

    // The customer's server goes away; the agent writes meanwhile (stored through B).
    await stop(servers.a);
    await expect(customerPage.getByText(/Reconnecting/)).toBeVisible({ timeout: 10_000 });
    await send(agentPage, "Sent while A was down");
    await expect(agentPage.getByTestId("chat-message")).toHaveCount(4);
    expect(await portFree(portA)).toBe(true);
    servers.a = startServer(portA, "chat-a");
    await healthy(servers.a, portA);
    // The browser reconnects by itself and catches up from its last message: once, in order.
    await expect(messages(customerPage).nth(3)).toContainText("Sent while A was down", { timeout: 15_000 });
    await expect(customerPage.getByText(/Reconnecting/)).toBeHidden();
    await send(customerPage, "Back again");
    await expect(messages(agentPage).nth(4)).toContainText("Back again", LIVE);
    await expect(messages(customerPage)).toHaveCount(5);
    const seqs = await messages(customerPage).evaluateAll((items) => items.map((item) => Number(item.getAttribute("data-seq"))));
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
    for (const context of contexts) await context.close();
  });
});

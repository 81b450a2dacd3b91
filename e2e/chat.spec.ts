import { createSession, createUser, expect, SESSION_COOKIE, test } from "./fixtures";

/** Issue 11, so far: the chat event stream through the real server (production build, our own node:http server). */

test("a customer's chat stream opens at once as Server-Sent Events, unbuffered", async ({ page, login }) => {
  await login("CUSTOMER");
  await page.goto("/en/mypage");
  const first = await page.evaluate(async () => {
    const controller = new AbortController();
    const response = await fetch("/api/chat/events", { signal: controller.signal });
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    controller.abort();
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      cache: response.headers.get("cache-control"),
      text: new TextDecoder().decode(value),
    };
  });
  expect(first.status).toBe(200);
  expect(first.type).toContain("text/event-stream");
  expect(first.cache).toContain("no-transform");
  expect(first.text).toContain("event: ready");
});

test("[8.2.1] the chat stream: signed out 401, a dealer 404, staff without a strong session 403", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/chat/events")).status()).toBe(401);
  await anonymous.dispose();
  const cases = [
    { who: "a dealer", token: await createSession((await createUser("DEALER_STAFF")).id), status: 404 },
    { who: "an agent, weak session", token: await createSession((await createUser("SUPPORT_AGENT")).id, { strong: false }), status: 403 },
  ];
  for (const item of cases) {
    const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${item.token}` } });
    const response = await context.get("/api/chat/events");
    expect(response.status(), item.who).toBe(item.status);
    expect(response.headers()["content-type"], item.who).toContain("application/json");
    await context.dispose();
  }
});

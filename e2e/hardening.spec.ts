import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, openSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import type { Page } from "@playwright/test";
import { hashToken } from "../lib/auth/token-hash";
import { E2E_AUTH_SECRET, E2E_SMTP_PORT, E2E_SPEC_PORTS } from "../scripts/test/e2e-env";
import {
  createModelWithUnits,
  createSession,
  createUser,
  expect,
  giveUnit,
  query,
  randomClientAddress,
  SESSION_COOKIE,
  signInThroughForm,
  test,
  uploadPhotoAs,
} from "./fixtures";
import { receiptPhoto } from "./images";

/** Issue 9 hardening: client address, input screening, display isolation, headers. */

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": randomClientAddress() });
});

const CONTROL_MESSAGE = {
  ja: "制御文字（NUL やエスケープ文字など）は保存できません",
  en: "Remove control characters (such as NUL or escape codes)",
};

/**
 * Let the browser send its server actions, but change their bodies on the way (an attacker's client);
 * resolves with the status and body of the first answer.
 */
async function tamperNextAction(
  page: Page,
  rewrite: (body: string) => string,
): Promise<{ answer: Promise<{ status: number; body: string }> }> {
  let answered: (value: { status: number; body: string }) => void;
  const answer = new Promise<{ status: number; body: string }>((resolve) => (answered = resolve));
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    const response = await route.fetch({ postData: rewrite(request.postData() ?? "") });
    const body = await response.text();
    answered({ status: response.status(), body });
    await route.fulfill({ response, body });
  });
  return { answer }; // wrapped: an async function would otherwise wait for the answer itself
}

test.describe("[2.2.1] control characters and oversized bodies get a clear 4xx, never a 500", () => {
  test("[2.2.1] NUL in the file id route and in a page's query answers 400 with a message", async ({ request, login }) => {
    await login("CUSTOMER");
    const file = await request.get("/api/files/abc%00def");
    expect(file.status()).toBe(400);
    expect((await file.json()).error.message).toContain("制御文字");

    const page = await request.get("/en/mypage/products/register?serial=AC26%00");
    expect(page.status()).toBe(400);
    expect(await page.text()).toContain("control characters");
  });

  test("[2.2.1] NUL in the serial look-up is refused by the server with the field's message", async ({ page, login }) => {
    await login("CUSTOMER");
    const { serials } = await createModelWithUnits(1);
    await page.goto("/en/mypage/products/register");
    const { answer } = await tamperNextAction(page, (body) => body.replace(serials[0]!, `${serials[0]}\\u0000`));
    await page.getByLabel("Serial number").fill(serials[0]!);
    const { status, body } = await answer;
    expect(status).toBeLessThan(500);
    expect(body).toContain(CONTROL_MESSAGE.en);
  });

  test("[2.2.1] NUL in the profile name is refused by the server next to the field, and what was typed stays", async ({ page, login }) => {
    await login("CUSTOMER");
    await page.goto("/ja/account");
    const { answer } = await tamperNextAction(page, (body) => body.replace("Zed Example", "Zed\\u0000Example"));
    await page.getByLabel("氏名", { exact: true }).fill("Zed Example");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    expect((await answer).status).toBeLessThan(500);
    await expect(page.getByText(CONTROL_MESSAGE.ja)).toBeVisible();
    await expect(page.getByLabel("氏名", { exact: true })).toHaveValue("Zed Example");
  });

  test("[2.2.1] names with text-direction or zero-width characters are refused with a message", async ({ page, login }) => {
    await login("CUSTOMER");
    await page.goto("/en/account");
    await page.getByLabel("Name", { exact: true }).fill("Eve\u202Egnp.exe");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Remove invisible characters")).toBeVisible();
  });

  test("[2.2.1] a server-action body over the size limit answers 413", async ({ page, login }) => {
    await login("CUSTOMER");
    await page.goto("/en/account");
    const { answer } = await tamperNextAction(page, (body) => body.replace("Big Body", `Big Body${"x".repeat(1_200_000)}`));
    await page.getByLabel("Name", { exact: true }).fill("Big Body");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const { status, body } = await answer;
    expect(status).toBe(413);
    expect(body).toContain("What you sent is too large");
  });

  test("[2.2.1] a server-action body that declares no length (chunked) answers 411, not a 500", async ({ baseURL }) => {
    const url = new URL("/en/account", baseURL);
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        url,
        {
          method: "POST",
          headers: {
            "next-action": "0".repeat(42),
            origin: url.origin,
            "content-type": "text/plain;charset=UTF-8",
            "transfer-encoding": "chunked",
          },
        },
        (response) => {
          let text = "";
          response.on("data", (chunk) => (text += chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
        },
      );
      request.on("error", reject);
      request.write("x".repeat(10_000));
      request.end();
    });
    expect(status).toBe(411);
    expect(body).toContain("did not say how large it is");
  });
});

test.describe("[3.4.1] headers", () => {
  test("[3.4.1] API answers and dotted page paths carry a CSP that forbids framing too", async ({ request }) => {
    for (const path of ["/api/health", "/api/auth/session", "/api/files/not-a-file", "/ja/mypage/products/x.y"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.headers()["content-security-policy"] ?? "", path).toContain("frame-ancestors 'none'");
    }
    expect((await request.get("/api/health")).headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  test("[3.4.1] pages carry a nonce-based CSP with 'strict-dynamic', a new nonce per request, no inline scripts allowed", async ({
    request,
  }) => {
    const nonces = new Set<string>();
    for (const path of ["/ja", "/ja", "/en/signin"]) {
      const csp = (await request.get(path)).headers()["content-security-policy"] ?? "";
      const scriptSrc =
        csp
          .split(";")
          .map((part) => part.trim())
          .find((part) => part.startsWith("script-src")) ?? "";
      expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(scriptSrc, path).toContain("'strict-dynamic'");
      expect(scriptSrc, path).not.toContain("'unsafe-inline'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      nonces.add(/'nonce-([^']+)'/.exec(scriptSrc)![1]!);
    }
    expect(nonces.size).toBe(3);
  });

  test("[3.4.1] pages work under the CSP: scripts run and the browser reports no violation", async ({ page, login }) => {
    test.setTimeout(90_000); // several pages, each rendered for this request
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) =>
        console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await page.goto("/en/signin");
    // A client component answers (hydrated): the sign-in form's own validation message.
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await login("SUPPORT_LEAD");
    for (const path of ["/ja/admin/claims", "/en/admin/audit"]) await page.goto(path);
    await login("CUSTOMER");
    for (const path of ["/ja/mypage", "/en/account"]) await page.goto(path);
    await page.goto("/en/mypage/products/register");
    // The live serial check is client code calling a server action.
    await page.getByLabel("Serial number").fill("ZZ");
    await expect(page.getByTestId("serial-status")).not.toBeEmpty();
    expect(violations).toEqual([]);
  });

  test("[5.3.1] a private file keeps its own sandbox CSP and is never cached", async ({ page, login }) => {
    await login("CUSTOMER");
    const id = await uploadPhotoAs(page, "proof_of_purchase", await receiptPhoto());
    const response = await page.request.get(`/api/files/${id}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test("[2.2.1] staff see a customer's message isolated, so direction characters cannot reorder the page", async ({ page, login }) => {
  const customer = await createUser("CUSTOMER");
  const owner = await createUser("CUSTOMER");
  const { unitIds } = await createModelWithUnits(1);
  await giveUnit(owner.id, unitIds[0]!);
  const message = `Bought it used \u202Eterces a si siht\u202C really ${randomUUID().slice(0, 8)}`;
  await query(`INSERT INTO "OwnershipClaim" (id, "unitId", "claimantId", message) VALUES ($1, $2, $3, $4)`, [
    randomUUID(),
    unitIds[0],
    customer.id,
    message,
  ]);
  await login("SUPPORT_LEAD");
  await page.goto("/en/admin/claims");
  const shown = page.getByText(message.slice(-8), { exact: false }).first();
  await expect(shown).toBeVisible();
  expect(await shown.evaluate((element) => getComputedStyle(element).unicodeBidi)).toBe("isolate");
});

/**
 * `npm start`'s default, TRUSTED_PROXY_HOPS=0, on a second server of the same build: the client
 * address must come from the connection. A small TCP relay connects from an address of this test
 * alone (127.0.0.x), so the throttle rows it seeds touch no other test. The main e2e server trusts
 * one hop (the test runner plays the load balancer, so tests get addresses of their own).
 */
test.describe("[6.3.1] the client address comes from the connection, not from X-Forwarded-For", () => {
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  const appPort = E2E_SPEC_PORTS.hardeningApp;
  const relayPort = E2E_SPEC_PORTS.hardeningRelay;
  const origin = `http://localhost:${relayPort}`;
  const loopback = `127.0.0.${Math.floor(Math.random() * 200) + 20}`;
  let server: ChildProcess | undefined;
  let relay: net.Server | undefined;

  test.beforeAll(async () => {
    const root = path.resolve(import.meta.dirname, "..");
    mkdirSync(path.join(root, "test-results"), { recursive: true });
    const log = openSync(path.join(root, "test-results", "serve-hops0.log"), "w");
    server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "-p", String(appPort)], {
      cwd: root,
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        DATABASE_URL: process.env.E2E_DATABASE_URL,
        AUTH_URL: origin,
        AUTH_SECRET: E2E_AUTH_SECRET,
        DEMO_MODE: "true",
        LOG_LEVEL: "warn",
        NEXT_TELEMETRY_DISABLED: "1",
        SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
        TRUSTED_PROXY_HOPS: "0",
      },
    });
    relay = net.createServer((client) => {
      const upstream = net.connect({ port: appPort, host: "127.0.0.1", localAddress: loopback });
      client.pipe(upstream).pipe(client);
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on("error", close);
      upstream.on("error", close);
    });
    await new Promise<void>((resolve) => relay!.listen(relayPort, "127.0.0.1", resolve));
    await expect
      .poll(
        async () =>
          await fetch(`${origin}/api/health`)
            .then((r) => r.status)
            .catch(() => 0),
        { timeout: 150_000, intervals: [250] },
      )
      .toBe(200);
  });

  test.afterAll(async () => {
    relay?.close();
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await query(`DELETE FROM "LoginThrottle" WHERE key = $1`, [`lookup:${hashToken(`ip:${loopback}`).slice(0, 40)}`]);
  });

  test("[6.3.1] a blocked address stays blocked for serial look-ups however X-Forwarded-For is rotated", async ({ browser }) => {
    const user = await createUser("CUSTOMER");
    const { serials } = await createModelWithUnits(1);
    await query(
      `INSERT INTO "LoginThrottle" (key, failures, "lastFailureAt", "blockedUntil") VALUES ($1, 60, now(), now() + interval '10 minutes')
       ON CONFLICT (key) DO UPDATE SET failures = 60, "blockedUntil" = now() + interval '10 minutes'`,
      [`lookup:${hashToken(`ip:${loopback}`).slice(0, 40)}`],
    );
    const context = await browser.newContext({ baseURL: origin });
    await context.addCookies([{ name: SESSION_COOKIE, value: await createSession(user.id), url: origin, httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    await page.goto("/en/mypage/products/register");
    // Each look-up claims a new address; the server must keep seeing the connection's.
    for (const forged of [randomClientAddress(), randomClientAddress()]) {
      await context.setExtraHTTPHeaders({ "x-forwarded-for": forged });
      await page.getByLabel("Serial number").fill("");
      await page.getByLabel("Serial number").fill(serials[0]!);
      await expect(page.getByTestId("serial-status")).toHaveText("Too many serial number checks. Please wait a few minutes.");
    }
    await context.close();
  });

  test("[16.2.1] the audit log records the connection's address, not the forged one", async ({ browser }) => {
    const user = await createUser("CUSTOMER");
    const forged = randomClientAddress();
    const context = await browser.newContext({ baseURL: origin, extraHTTPHeaders: { "x-forwarded-for": forged } });
    const page = await context.newPage();
    await page.goto("/en/signin");
    await signInThroughForm(page, "en", user.email, "not the password at all");
    await expect(page.getByText("The email address or password is incorrect.")).toBeVisible();
    const [event] = await query<{ ipAddress: string | null }>(
      `SELECT "ipAddress" FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'auth.sign_in' ORDER BY id DESC LIMIT 1`,
      [user.id],
    );
    expect(event?.ipAddress).toBe(loopback);
    await context.close();
  });
});

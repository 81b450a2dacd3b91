import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import * as oidc from "openid-client";
import { Webhook } from "standardwebhooks";
import { keyedHasher } from "../lib/auth/secret-box";
import { E2E_AUTH_SECRET, E2E_SPEC_PORTS } from "../scripts/test/e2e-env";
import { createUser, expect, expectAccessible, newContextAs, query, signInThroughForm, test } from "./fixtures";
import { createRepairTicket, ownRepairableProduct } from "./repair-data";

/**
 * Issue 16's "done when": the portal as the brand's OpenID provider, its API and its webhooks.
 * Every client, customer and receiver is made for its test.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const hashSecret = (secret: string) => keyedHasher(E2E_AUTH_SECRET)(`oidc:client-secret:${secret}`);

async function createClient(kind: "WEB" | "AGENT", fields: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const id = `e2e_${randomUUID().slice(0, 12)}`;
  const secret = randomBytes(24).toString("base64url");
  const columns = {
    id,
    name: `E2E ${kind === "WEB" ? "site" : "agent"} ${id.slice(4, 8)}`,
    kind,
    secretHash: hashSecret(secret),
    ...fields,
  };
  const names = Object.keys(columns);
  await query(
    `INSERT INTO "OidcClient" (${names.map((name) => `"${name}"`).join(", ")}, "updatedAt") VALUES (${names.map((name, index) => `$${index + 1}${name === "kind" ? '::"OidcClientKind"' : ""}`).join(", ")}, now())`,
    Object.values(columns),
  );
  return { id, secret };
}

/** The second site (scripts/demo-site.ts) for one test, on a port of its own. */
async function startDemoSite(baseURL: string, client: { id: string; secret: string }, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/demo-site.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORTAL_URL: baseURL,
      DEMO_SITE_PORT: String(port),
      DEMO_SITE_CLIENT_ID: client.id,
      DEMO_SITE_CLIENT_SECRET: client.secret,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await expect
    .poll(
      () =>
        fetch(`http://localhost:${port}/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 15_000 },
    )
    .toBe(200);
  return child;
}

test("[issue 16 done-when] a second site signs a customer in through the portal, shows their products through the API, signs out by back-channel logout, and signs in again without a password", async ({
  page,
  baseURL,
}) => {
  const customer = await createUser("CUSTOMER", { password: `pw-${randomUUID()}` });
  const product = await ownRepairableProduct(customer.id);
  const port = E2E_SPEC_PORTS.demoSite + test.info().parallelIndex;
  const site = `http://localhost:${port}`;
  const client = await createClient("WEB", {
    redirectUris: [`${site}/callback`],
    postLogoutRedirectUris: [`${site}/`],
    backchannelLogoutUri: `${site}/backchannel-logout`,
    scopes: ["openid", "profile", "email", "products:read"],
    firstParty: true,
  });
  const demo = await startDemoSite(baseURL!, client, port);
  const logs: string[] = [];
  demo.stdout!.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
  try {
    await page.goto(`${site}/`);
    await expect(page.locator("#state")).toHaveText("Signed out");
    await page.getByRole("link", { name: "Sign in with the portal" }).click();
    // The portal's own sign-in page is the login.
    await expect(page).toHaveURL(/\/ja\/signin\?callbackUrl=/);
    await signInThroughForm(page, "ja", customer.email, customer.password);
    await expect(page).toHaveURL(`${site}/`);
    await expect(page.locator("#name")).toHaveText(customer.name);
    await expect(page.locator("#products")).toContainText(product.serial);

    // RP-initiated logout: the portal asks, the app alone is signed out, and tells the app by back channel.
    await page.getByRole("link", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "サインアウトしますか？" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "このアプリだけサインアウト" }).click();
    await expect(page).toHaveURL(`${site}/`);
    await expect(page.locator("#state")).toHaveText("Signed out");
    expect(logs.join("")).toContain("back-channel logout for sid");

    // The portal session still holds: a second sign-in needs no password.
    await page.getByRole("link", { name: "Sign in with the portal" }).click();
    await expect(page).toHaveURL(`${site}/`);
    await expect(page.locator("#name")).toHaveText(customer.name);

    // Signing out of the portal itself tells the app as well; the next sign-in asks for the password.
    await page.goto("/ja/mypage");
    await page.getByRole("button", { name: "ログアウト" }).click();
    await expect(page).toHaveURL(/\/ja\/signin\?signedOut=1/);
    await page.goto(`${site}/`);
    await expect(page.locator("#state")).toHaveText("Signed out");
    await page.getByRole("link", { name: "Sign in with the portal" }).click();
    await expect(page).toHaveURL(/\/ja\/signin\?callbackUrl=/);
  } finally {
    demo.kill();
  }
});

test("[issue 16] an app that is not the brand's own asks for consent (a refusal reaches the app), and prompt=login asks the customer to prove it is them again", async ({
  page,
  baseURL,
}) => {
  const customer = await createUser("CUSTOMER", { password: `pw-${randomUUID()}` });
  await ownRepairableProduct(customer.id);
  const port = E2E_SPEC_PORTS.demoSite + test.info().parallelIndex;
  const site = `http://localhost:${port}`;
  const client = await createClient("WEB", {
    redirectUris: [`${site}/callback`],
    postLogoutRedirectUris: [`${site}/`],
    scopes: ["openid", "profile", "products:read"],
    firstParty: false,
  });
  const demo = await startDemoSite(baseURL!, client, port);
  try {
    await page.goto(`${site}/login?scope=${encodeURIComponent("openid profile products:read")}`);
    await signInThroughForm(page, "ja", customer.email, customer.password);
    const consent = page.getByRole("heading", { name: /にアクセスを許可しますか/ });
    await expect(consent).toBeVisible();
    await expect(page.getByText("登録製品の閲覧")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "許可しない" }).click();
    await expect(page.locator("#error")).toHaveText("access_denied");

    await page.goto(`${site}/login?scope=${encodeURIComponent("openid profile products:read")}`);
    await expect(consent).toBeVisible();
    await page.getByRole("button", { name: "許可する", exact: true }).click();
    await expect(page.locator("#name")).toHaveText(customer.name);

    // The app asks for a fresh sign-in: the portal session is not enough, the password is asked again.
    await page.goto(`${site}/login?prompt=login&scope=${encodeURIComponent("openid profile products:read")}`);
    await expect(page.getByRole("heading", { name: "本人確認" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "確認する" }).click();
    await page.getByRole("dialog").getByLabel("パスワード").fill(customer.password);
    await page.getByRole("dialog").getByRole("button", { name: "確認", exact: true }).click();
    await expect(page).toHaveURL(`${site}/`);
    await expect(page.locator("#name")).toHaveText(customer.name);
  } finally {
    demo.kill();
  }
});

test("[issue 16 done-when] an agent gets a 7-day grant the customer approved, opens a repair request through the API, is seen in Connected apps, and loses access when revoked", async ({
  browser,
  baseURL,
  request,
}) => {
  const customer = await createUser("CUSTOMER");
  const product = await ownRepairableProduct(customer.id);
  const [symptom] = await query<{ id: string }>(
    `SELECT id FROM "SymptomCategory" WHERE "productCategory" = 'air-conditioner' AND code = 'noise'`,
  );
  const agent = await createClient("AGENT", { scopes: ["products:read", "warranty:read", "repairs:read", "repairs:write", "points:read"] });
  const config = await oidc.discovery(new URL(`${baseURL}/oidc`), agent.id, agent.secret, undefined, {
    execute: [oidc.allowInsecureRequests],
  });
  const device = await oidc.initiateDeviceAuthorization(config, { scope: "openid offline_access products:read repairs:write points:read" });

  // The customer opens the agent's link (the code filled in), confirms the code, and chooses.
  const context = await newContextAs(browser, baseURL!, customer.id);
  const page = await context.newPage();
  await page.goto(device.verification_uri_complete!);
  await expect(page.getByText(device.user_code)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "合っています" }).click();
  await expect(page.getByRole("heading", { name: /あなたの代わりの操作を許可しますか/ })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /登録製品の閲覧/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /修理の依頼/ })).toBeChecked();
  await page.getByRole("checkbox", { name: /ポイントの閲覧/ }).uncheck();
  await expect(page.getByLabel("期間")).toHaveValue("7");
  await expectAccessible(page);
  await page.getByRole("button", { name: "許可する", exact: true }).click();
  await expect(page.getByRole("heading", { name: "接続しました" })).toBeVisible();

  const tokens = await oidc.pollDeviceAuthorizationGrant(config, device);
  expect(tokens.scope?.split(" ").toSorted()).toEqual(["offline_access", "openid", "products:read", "repairs:write"]);
  const headers = { authorization: `Bearer ${tokens.access_token}` };
  const created = await request.post("/api/v1/repairs", {
    headers: { ...headers, "idempotency-key": randomUUID() },
    data: {
      productId: product.ownershipId,
      symptomCategoryId: symptom!.id,
      description: "運転中にカタカタと音がします。",
      delivery: "SEND_IN",
      contactPreference: "EMAIL",
    },
  });
  expect(created.status()).toBe(201);
  const repair = await created.json();
  expect(repair).toMatchObject({ status: "RECEIVED", serialNumber: product.serial });
  // Not allowed by the grant: reading repairs.
  expect((await request.get("/api/v1/repairs", { headers })).status()).toBe(403);

  // Connected apps: the grant with its end in 7 days, and the call.
  await page.goto("/ja/mypage/privacy/apps");
  const app = page.getByTestId("connected-app");
  await expect(app).toContainText(agent.id.slice(4, 8));
  await expect(app).toContainText("修理の依頼");
  const [grant] = await query<{ expiresAt: Date }>(
    `SELECT "expiresAt" FROM "OidcArtifact" WHERE kind = 'Grant' AND "accountId" = $1 AND "clientId" = $2`,
    [customer.id, agent.id],
  );
  expect(Math.round((grant!.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(7);
  await expect(page.getByTestId("app-activity")).toContainText("POST /api/v1/repairs 201");
  await expectAccessible(page);
  await page.goto(`/ja/mypage/repairs/${repair.id}`);
  await expect(page.getByText(repair.number).first()).toBeVisible();

  await page.goto("/ja/mypage/privacy/apps");
  await page.getByRole("button", { name: "許可を取り消す" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "取り消す" }).click();
  await expect(page.getByText("連携中のアプリはありません。")).toBeVisible();
  const after = await request.get("/api/v1/products", { headers });
  expect(after.status()).toBe(401);
  expect(after.headers()["www-authenticate"]).toContain('error="invalid_token"');
  await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toThrow();
  await context.close();
});

type Received = { headers: IncomingHttpHeaders; body: string };

function receiver(status: number): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer(async (incoming, response) => {
    let body = "";
    for await (const chunk of incoming) body += chunk;
    received.push({ headers: incoming.headers, body });
    response.writeHead(status).end();
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://localhost:${(server.address() as AddressInfo).port}/hook`, received }),
    ),
  );
}

async function addWebhook(page: import("@playwright/test").Page, name: string, url: string): Promise<string> {
  await page.goto("/ja/admin/apps/webhooks/new");
  await page.getByLabel("名前", { exact: true }).fill(name);
  await page.getByLabel("送信先 URL").fill(url);
  await page.getByRole("checkbox", { name: /修理の状況の変化/ }).check();
  await page.getByRole("button", { name: "保存" }).click();
  const secret = (await page.getByTestId("secret").textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);
  return secret;
}

test("[issue 16 done-when] a receiver gets a signed repair.status_changed event; a failing receiver is retried and then disabled", async ({
  page,
  login,
}) => {
  const [ok, failing] = await Promise.all([receiver(204), receiver(500)]);
  try {
    await login("ADMIN");
    const tag = randomUUID().slice(0, 8);
    const secret = await addWebhook(page, `CRM ${tag}`, ok.url);
    await expectAccessible(page);
    await addWebhook(page, `Broken ${tag}`, failing.url);

    // A new repair request (its creation is a status change: none → received); the desk's moves write the same event.
    const { id: repairId, customer } = await createRepairTicket();

    let event: { type: string; data: { repairId: string; to: string; customer: { id: string } } } | undefined;
    await expect
      .poll(
        () => {
          const hit = ok.received.find((entry) => entry.body.includes(repairId));
          if (hit) event = new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>) as typeof event;
          return event?.type;
        },
        { timeout: 20_000 },
      )
      .toBe("repair.status_changed");
    expect(event!.data).toMatchObject({ repairId, to: "RECEIVED", customer: { id: customer.id } });
    expect(JSON.stringify(event)).not.toContain(customer.email);

    // The failing receiver: tried WEBHOOK_MAX_ATTEMPTS times (1 s, 2 s apart in the tests), then the subscription is disabled.
    await page.goto("/ja/admin/apps/webhooks");
    await page.getByRole("link", { name: `Broken ${tag}` }).click();
    await expect(page.getByRole("heading", { name: `Broken ${tag}` })).toBeVisible();
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByText("無効（失敗が続いたため自動）").first().isVisible();
        },
        { timeout: 30_000, intervals: [1000] },
      )
      .toBe(true);
    // Other tests' events reach this subscription too: whichever came first was tried three
    // times under one webhook-id (the retries), and its third failure disabled the subscription.
    expect(failing.received.some((entry) => entry.body.includes(repairId))).toBe(true);
    const triesPerEvent = new Map<string, number>();
    for (const entry of failing.received)
      triesPerEvent.set(String(entry.headers["webhook-id"]), (triesPerEvent.get(String(entry.headers["webhook-id"])) ?? 0) + 1);
    expect(Math.max(...triesPerEvent.values())).toBe(3);
    const triedThrice = page
      .getByRole("row")
      .filter({ hasText: "失敗" })
      .filter({ has: page.getByRole("cell", { name: "3", exact: true }) });
    await expect(triedThrice.first()).toContainText("repair.status_changed");
    await expect(triedThrice.first()).toContainText("500");
    await expectAccessible(page);
  } finally {
    // Later tests' events must not pile up for receivers that are gone.
    await query(`UPDATE "WebhookSubscription" SET "disabledAt" = now() WHERE url IN ($1, $2)`, [ok.url, failing.url]);
    ok.server.close();
    failing.server.close();
  }
});

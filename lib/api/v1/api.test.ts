import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("@/scripts/test/intl")).nextIntlServer);

const { db } = await import("@/lib/db");
const { ENDPOINTS } = await import("./endpoints");
type Endpoint = import("./endpoints").Endpoint;
const { customerWithRepairs } = await import("@/scripts/test/repair-factories");
const { testAccessToken, testClient, testServiceToken } = await import("@/scripts/test/oidc-factories");
const { revokeConnectedApp } = await import("@/lib/oidc/grants");

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = Record<string, Handler>;

/** Each endpoint's route module (the OpenAPI test checks that the table and the files agree). */
const ROUTES: Record<string, () => Promise<unknown>> = {
  "/products": () => import("@/app/api/v1/products/route"),
  "/products/{id}": () => import("@/app/api/v1/products/[id]/route"),
  "/products/{id}/warranty": () => import("@/app/api/v1/products/[id]/warranty/route"),
  "/products/{id}/symptoms": () => import("@/app/api/v1/products/[id]/symptoms/route"),
  "/repairs": () => import("@/app/api/v1/repairs/route"),
  "/repairs/{id}": () => import("@/app/api/v1/repairs/[id]/route"),
  "/repairs/{id}/messages": () => import("@/app/api/v1/repairs/[id]/messages/route"),
  "/points": () => import("@/app/api/v1/points/route"),
  "/points/history": () => import("@/app/api/v1/points/history/route"),
  "/points/rewards": () => import("@/app/api/v1/points/rewards/route"),
  "/points/redemptions": () => import("@/app/api/v1/points/redemptions/route"),
  "/staff/customers/{id}/products": () => import("@/app/api/v1/staff/customers/[id]/products/route"),
  "/staff/customers/{id}/points": () => import("@/app/api/v1/staff/customers/[id]/points/route"),
  "/staff/repairs": () => import("@/app/api/v1/staff/repairs/route"),
};

async function call(
  endpoint: { method: string; path: string },
  options: { token?: string; id?: string; body?: unknown; headers?: Record<string, string>; query?: string } = {},
): Promise<Response> {
  const route = (await ROUTES[endpoint.path]!()) as Module;
  const handler = route[endpoint.method.toUpperCase()]!;
  const path = endpoint.path.replace("{id}", options.id ?? "none");
  const request = new Request(`http://localhost:3999/api/v1${path}${options.query ?? ""}`, {
    method: endpoint.method.toUpperCase(),
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body ? { "content-type": "application/json" } : {}),
      ...options.headers,
    },
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  return handler(request, { params: Promise.resolve(options.id ? { id: options.id } : ({} as Record<string, string>)) });
}

const ALL = "products:read warranty:read repairs:read repairs:write points:read points:redeem";

describe("API v1: every endpoint through the token's scopes and customer", () => {
  let a: Awaited<ReturnType<typeof customerWithRepairs>>;
  let b: Awaited<ReturnType<typeof customerWithRepairs>>;
  let clientId: string;
  beforeAll(async () => {
    [a, b] = await Promise.all([customerWithRepairs(1), customerWithRepairs(1)]);
    clientId = (await testClient("AGENT")).id;
    // B's ticket waits for the customer, so a message to it would be accepted were it A's.
    await db.repairTicket.update({ where: { id: b.ticket.id }, data: { status: "WAITING_FOR_CUSTOMER" } });
  });

  const recordOf = (path: string, who: typeof a) =>
    path.startsWith("/repairs/") ? who.ticket.id : path.startsWith("/products/") ? who.ownership.id : undefined;

  for (const [name, endpoint] of Object.entries(ENDPOINTS) as [string, Endpoint][]) {
    if (endpoint.audience === "staff") {
      it(`[8.2.1] ${endpoint.method.toUpperCase()} ${endpoint.path}: a service token with its scope only; 404 for a customer token and an unknown customer`, async () => {
        const id = endpoint.path.includes("{id}") ? a.customer.id : undefined;
        expect((await call(endpoint, { id })).status, name).toBe(401);
        const service = await testClient("SERVICE", { scopes: ["staff:products:read", "staff:repairs:read", "staff:points:read"] });
        const others = ["staff:products:read", "staff:repairs:read", "staff:points:read"].filter(
          (scope) => !(endpoint.scopes as readonly string[]).includes(scope),
        );
        expect((await call(endpoint, { id, token: await testServiceToken(service.id, others.join(" ")) })).status, name).toBe(403);
        const token = await testServiceToken(service.id, endpoint.scopes.join(" "));
        expect((await call(endpoint, { id, token })).status, name).toBe(200);
        const { token: customerToken } = await testAccessToken(a.customer.id, clientId, ALL);
        expect((await call(endpoint, { id, token: customerToken })).status, name).toBe(404);
        if (id) {
          expect((await call(endpoint, { id: "nobody", token })).status, name).toBe(404);
          const staff = await db.user.create({ data: { email: `s-${randomUUID()}@test.example`, role: "SUPPORT_AGENT" } });
          expect((await call(endpoint, { id: staff.id, token })).status, name).toBe(404);
          expect(
            await db.auditEvent.count({ where: { action: "api.call", targetId: service.id, subjectIds: { has: a.customer.id } } }),
          ).toBeGreaterThan(0);
        }
      });
      continue;
    }
    it(`[8.2.2] ${endpoint.method.toUpperCase()} ${endpoint.path}: 401 without a token, 403 without its scope${endpoint.path.includes("{id}") ? ", 404 for another customer's record" : ""}`, async () => {
      const id = recordOf(endpoint.path, b);
      const none = await call(endpoint, { id });
      expect(none.status, name).toBe(401);
      expect(none.headers.get("content-type")).toContain("application/problem+json");
      expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);

      const others = ALL.split(" ").filter((scope) => !(endpoint.scopes as readonly string[]).includes(scope));
      const { token: narrow } = await testAccessToken(a.customer.id, clientId, others.join(" "));
      const refused = await call(endpoint, {
        token: narrow,
        id,
        body: endpoint.body ? {} : undefined,
        headers: { "idempotency-key": randomUUID() },
      });
      expect(refused.status, name).toBe(403);
      expect(refused.headers.get("www-authenticate")).toContain('error="insufficient_scope"');

      if (id) {
        const { token } = await testAccessToken(a.customer.id, clientId, ALL);
        const body = endpoint.path.endsWith("/messages") ? { message: "どうぞ" } : undefined;
        const hidden = await call(endpoint, { token, id, body });
        expect(hidden.status, name).toBe(404);
        const own = await call(endpoint, { token, id: recordOf(endpoint.path, a), body });
        // A's own record is reached (A's ticket does not wait for the customer: a message is a conflict, not a 404).
        expect([200, 204, 409], name).toContain(own.status);
      }
    });
  }

  it("lists only the customer's products and repairs, paged by cursor", async () => {
    const { token } = await testAccessToken(a.customer.id, clientId, ALL);
    const products = await (await call(ENDPOINTS.listProducts, { token })).json();
    expect(products.data.map((product: { id: string }) => product.id)).toEqual([a.ownership.id]);
    expect(products.data[0].warranty.explanation).toBeTruthy();
    const repairs = await (await call(ENDPOINTS.listRepairs, { token, query: "?limit=1" })).json();
    expect(repairs.data.map((repair: { id: string }) => repair.id)).toEqual([a.ticket.id]);
    expect(repairs.nextCursor).toBeNull();
    const bad = await call(ENDPOINTS.listRepairs, { token, query: "?limit=500" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].pointer).toBe("#/limit");
  });

  it("creates one repair request per Idempotency-Key, names every problem of a bad body, and audits the agent's calls", async () => {
    const { token } = await testAccessToken(a.customer.id, clientId, "repairs:write repairs:read");
    const missing = await call(ENDPOINTS.createRepair, { token, body: { productId: a.ownership.id } });
    expect(missing.status).toBe(422);
    const key = randomUUID();
    const body = {
      productId: a.ownership.id,
      symptomCategoryId: a.symptom.id,
      description: "異音がします。昨日からずっとです。",
      delivery: "SEND_IN",
      contactPreference: "EMAIL",
    };
    const invalid = await call(ENDPOINTS.createRepair, {
      token,
      body: { ...body, description: "short", delivery: "TELEPORT" },
      headers: { "idempotency-key": key },
    });
    expect(invalid.status).toBe(422);
    const pointers = (await invalid.json()).errors.map((error: { pointer: string }) => error.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["#/description", "#/delivery"]));
    const first = await call(ENDPOINTS.createRepair, { token, body, headers: { "idempotency-key": key } });
    const again = await call(ENDPOINTS.createRepair, { token, body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    expect((await again.json()).id).toBe((await first.json()).id);
    expect(await db.repairTicket.count({ where: { customerId: a.customer.id } })).toBe(2);
    const audited = await db.auditEvent.findMany({ where: { action: "api.call", subjectIds: { has: a.customer.id }, targetId: clientId } });
    expect(audited.some((event) => (event.details as { path?: string }).path === "/api/v1/repairs")).toBe(true);
  });

  it("refuses a token at once when its grant is revoked, its client disabled or its customer disabled", async () => {
    const client = await testClient("AGENT");
    const { token } = await testAccessToken(a.customer.id, client.id, "products:read");
    expect((await call(ENDPOINTS.listProducts, { token })).status).toBe(200);
    const grant = await db.oidcArtifact.findFirstOrThrow({ where: { kind: "Grant", accountId: a.customer.id, clientId: client.id } });
    await expect(revokeConnectedApp(b.customer.id, grant.key)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await revokeConnectedApp(a.customer.id, grant.key);
    expect((await call(ENDPOINTS.listProducts, { token })).status).toBe(401);

    const second = await testAccessToken(a.customer.id, client.id, "products:read");
    await db.oidcClient.update({ where: { id: client.id }, data: { disabledAt: new Date() } });
    expect((await call(ENDPOINTS.listProducts, { token: second.token })).status).toBe(401);

    const c = await customerWithRepairs(1);
    const third = await testAccessToken(c.customer.id, clientId, "products:read");
    await db.user.update({ where: { id: c.customer.id }, data: { disabledAt: new Date() } });
    expect((await call(ENDPOINTS.listProducts, { token: third.token })).status).toBe(401);
  });

  it("[2.2.1] answers 404 for a path id with a control character or half a surrogate pair, and audits the call without it", async () => {
    const { token } = await testAccessToken(a.customer.id, clientId, ALL);
    for (const id of ["a\u0000b", "\uD800"]) {
      const response = await call(ENDPOINTS.getRepair, { token, id });
      expect(response.status, JSON.stringify(id)).toBe(404);
    }
    const service = await testClient("SERVICE", { scopes: ["staff:points:read"] });
    const serviceToken = await testServiceToken(service.id, "staff:points:read");
    expect((await call(ENDPOINTS.staffCustomerPoints, { token: serviceToken, id: "x\uDC00y" })).status).toBe(404);
    // The audit entry is written (its subject left out), not lost to PostgreSQL refusing the id.
    expect(await db.auditEvent.count({ where: { action: "api.call", targetId: service.id } })).toBe(1);
  });

  it("answers 429 with RateLimit and Retry-After once the client's minute is used up", async () => {
    const client = await testClient("AGENT", { rateLimitPerMinute: 2 });
    const { token } = await testAccessToken(a.customer.id, client.id, "points:read");
    const first = await call(ENDPOINTS.getPoints, { token });
    expect(first.headers.get("ratelimit-policy")).toBe('"per-minute";q=2;w=60');
    expect(first.headers.get("ratelimit")).toMatch(/^"per-minute";r=1;t=\d+$/);
    await call(ENDPOINTS.getPoints, { token });
    const third = await call(ENDPOINTS.getPoints, { token });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("never lets a refreshed token spend points (the customer confirms each time)", async () => {
    const { token } = await testAccessToken(a.customer.id, clientId, "points:redeem points:read", "refresh_token");
    const refused = await call(ENDPOINTS.redeem, {
      token,
      body: { rewardId: "x", cost: 100 },
      headers: { "idempotency-key": randomUUID() },
    });
    expect(refused.status).toBe(403);
    expect((await call(ENDPOINTS.getPoints, { token })).status).toBe(200);
  });

  it("needs an Idempotency-Key to spend points, and a customer token for customer endpoints", async () => {
    const { token } = await testAccessToken(a.customer.id, clientId, "points:redeem");
    const noKey = await call(ENDPOINTS.redeem, { token, body: { rewardId: "x", cost: 100 } });
    expect(noKey.status).toBe(422);
    expect((await noKey.json()).errors[0].pointer).toBe("#/Idempotency-Key");
    const service = await testClient("SERVICE", { scopes: ["staff:products:read"] });
    const serviceToken = await testServiceToken(service.id, "staff:products:read");
    expect((await call(ENDPOINTS.listProducts, { token: serviceToken })).status).toBe(404);
  });
});

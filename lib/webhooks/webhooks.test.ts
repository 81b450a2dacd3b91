import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Two tries a delivery, two failed deliveries in a row disable (the defaults are 6 and 3).
vi.stubEnv("WEBHOOK_MAX_ATTEMPTS", "2");
vi.stubEnv("WEBHOOK_DISABLE_AFTER", "2");
vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { dispatchOutbox } = await import("./dispatch");
const { deliverWebhook, retryDelaySeconds } = await import("./deliver");
const { isBlockedAddress, postWebhook } = await import("./send");
const { redeliver, saveWebhook, setWebhookDisabled } = await import("./subscriptions");
const { customerWithRepairs } = await import("@/scripts/test/repair-factories");

type Received = { headers: IncomingMessage["headers"]; body: string };

function receiver(status: number): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    received.push({ headers: request.headers, body });
    response.writeHead(status).end(status < 300 ? "ok" : "receiver broke");
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://localhost:${(server.address() as AddressInfo).port}/hook`, received }),
    ),
  );
}

describe("webhooks", () => {
  let ok: Awaited<ReturnType<typeof receiver>>;
  let failing: Awaited<ReturnType<typeof receiver>>;
  let admin: { id: string };
  beforeAll(async () => {
    [ok, failing] = await Promise.all([receiver(204), receiver(500)]);
    admin = await db.user.create({ data: { email: `a-${crypto.randomUUID()}@test.example`, role: "ADMIN" } });
    // Deliveries of earlier test files' events must not be counted here.
    await dispatchOutbox();
  });
  afterAll(() => {
    ok.server.close();
    failing.server.close();
  });

  it("writes the event with the change and never for a change that rolled back", async () => {
    const { ticket, customer } = await customerWithRepairs(1);
    const created = await db.webhookOutbox.findMany({ where: { userId: customer.id, type: "repair.status_changed" } });
    expect(created.map((row) => row.data)).toEqual([
      { repairId: ticket.id, number: ticket.number, productId: expect.any(String), from: null, to: "RECEIVED" },
    ]);
    await expect(
      db.$transaction(async (tx) => {
        await tx.repairTicket.update({ where: { id: ticket.id }, data: { status: "DIAGNOSING" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.webhookOutbox.count({ where: { userId: customer.id, type: "repair.status_changed" } })).toBe(1);
    await db.repairTicket.update({ where: { id: ticket.id }, data: { status: "DIAGNOSING" } });
    expect(await db.webhookOutbox.count({ where: { userId: customer.id, type: "repair.status_changed" } })).toBe(2);
  });

  it("delivers a signed event to each subscriber with no more personal data than its scopes allow, now (not after an erasure)", async () => {
    const plain = await saveWebhook(admin.id, { name: "CRM", url: ok.url, events: ["repair.status_changed"], dataScopes: [] });
    const withEmail = await saveWebhook(admin.id, {
      name: "Mail tool",
      url: ok.url,
      events: ["repair.status_changed"],
      dataScopes: ["email"],
    });
    const pointsOnly = await saveWebhook(admin.id, { name: "Points", url: ok.url, events: ["points.moved"], dataScopes: [] });
    const off = await saveWebhook(admin.id, { name: "Off", url: ok.url, events: ["repair.status_changed"], dataScopes: [] });
    await setWebhookDisabled(admin.id, off.id, true);

    const { customer, ticket } = await customerWithRepairs(1);
    await dispatchOutbox();
    const deliveries = await db.webhookDelivery.findMany({
      where: { eventType: "repair.status_changed", payload: { path: ["data", "repairId"], equals: ticket.id } },
    });
    expect(deliveries.map((delivery) => delivery.subscriptionId).toSorted()).toEqual([plain.id, withEmail.id].toSorted());
    expect(await db.webhookDelivery.count({ where: { subscriptionId: { in: [pointsOnly.id, off.id] } } })).toBe(0);
    // Stored with the customer's id only; the email is added when sent, for the subscription that may have it.
    for (const delivery of deliveries)
      expect((delivery.payload as { data: { customer: object } }).data.customer).toEqual({ id: customer.id });
    // A second pass adds nothing.
    await dispatchOutbox();
    expect(await db.webhookDelivery.count({ where: { eventId: deliveries[0]!.eventId } })).toBe(2);

    const delivery = deliveries.find((row) => row.subscriptionId === plain.id)!;
    expect(await deliverWebhook(delivery.id)).toBe("succeeded");
    // Delivered: a second job for it sends nothing.
    expect(await deliverWebhook(delivery.id)).toBe("skipped");
    const request = ok.received.at(-1)!;
    const headers = request.headers as Record<string, string>;
    const verified = new Webhook(plain.secret!).verify(request.body, headers) as { type: string; id: string; data: { customer: object } };
    expect(verified).toMatchObject({ type: "repair.status_changed", id: delivery.eventId, data: { customer: { id: customer.id } } });
    expect(request.headers["webhook-id"]).toBe(delivery.eventId);
    // Another secret, or a body changed on the way, does not verify.
    expect(() => new Webhook(withEmail.secret!).verify(request.body, headers)).toThrow();
    expect(() => new Webhook(plain.secret!).verify(request.body.replace("RECEIVED", "COMPLETED"), headers)).toThrow();
    // A request signed an hour ago (a captured one, replayed) is refused although its signature is right.
    const hourAgo = new Date(Date.now() - 3_600_000);
    const replayed = {
      "webhook-id": delivery.eventId,
      "webhook-timestamp": String(Math.floor(hourAgo.getTime() / 1000)),
      "webhook-signature": new Webhook(plain.secret!).sign(delivery.eventId, hourAgo, request.body),
    };
    expect(() => new Webhook(plain.secret!).verify(request.body, replayed)).toThrow(/timestamp/i);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "SUCCEEDED",
      attempts: 1,
      responseStatus: 204,
    });

    const emailed = deliveries.find((row) => row.subscriptionId === withEmail.id)!;
    expect(await deliverWebhook(emailed.id)).toBe("succeeded");
    expect(JSON.parse(ok.received.at(-1)!.body).data.customer).toEqual({ id: customer.id, email: customer.email });

    // A redelivery is the same event again; after an erasure no name or email goes out, not even then.
    await db.user.update({ where: { id: customer.id }, data: { erasedAt: new Date() } });
    const copy = await redeliver(admin.id, emailed.id);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: copy.id } })).toMatchObject({
      eventId: emailed.eventId,
      status: "PENDING",
      attempts: 0,
    });
    expect(await deliverWebhook(copy.id)).toBe("succeeded");
    expect(ok.received.at(-1)!.headers["webhook-id"]).toBe(emailed.eventId);
    expect(JSON.parse(ok.received.at(-1)!.body).data.customer).toEqual({ id: customer.id });
    for (const id of [plain.id, withEmail.id, pointsOnly.id]) await setWebhookDisabled(admin.id, id, true);
  });

  it("retries with doubling delays, counts failed deliveries in a row (a success starts over), then disables the subscription", async () => {
    expect([retryDelaySeconds(1), retryDelaySeconds(2), retryDelaySeconds(3)]).toEqual([30, 60, 120]);
    const hook = await saveWebhook(admin.id, { name: "Broken", url: failing.url, events: ["repair.status_changed"], dataScopes: [] });
    const nextDelivery = async () => {
      await customerWithRepairs(1);
      await dispatchOutbox();
      return db.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: hook.id, status: "PENDING" } });
    };
    const failOnce = async () => {
      const delivery = await nextDelivery();
      expect(await deliverWebhook(delivery.id)).toBe("retry");
      expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
        status: "PENDING",
        attempts: 1,
        responseStatus: 500,
        responseBody: "receiver broke",
      });
      // The retry waits the first delay.
      const [job] = await db.$queryRaw<{ after: Date }[]>`
        SELECT start_after AS after FROM pgboss.job WHERE name = 'webhooks.deliver' AND data->>'deliveryId' = ${delivery.id}
        ORDER BY created_on DESC LIMIT 1`;
      expect(job!.after.getTime() - Date.now()).toBeGreaterThan(25_000);
      // Before its time a second job sends nothing; once the delay has passed it tries again.
      expect(await deliverWebhook(delivery.id)).toBe("skipped");
      expect(await deliverWebhook(delivery.id, new Date(Date.now() + 31_000))).toBe("failed");
      expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "FAILED", attempts: 2 });
    };
    const subscription = () => db.webhookSubscription.findUniqueOrThrow({ where: { id: hook.id } });

    await failOnce();
    expect(await subscription()).toMatchObject({ disabledAt: null, consecutiveFailures: 1 });
    // A success in between starts the count over.
    await db.webhookSubscription.update({ where: { id: hook.id }, data: { url: ok.url } });
    expect(await deliverWebhook((await nextDelivery()).id)).toBe("succeeded");
    expect(await subscription()).toMatchObject({ consecutiveFailures: 0 });
    await db.webhookSubscription.update({ where: { id: hook.id }, data: { url: failing.url } });
    await failOnce();
    expect(await subscription()).toMatchObject({ disabledAt: null, consecutiveFailures: 1 });
    await failOnce();
    expect(await subscription()).toMatchObject({ disabledReason: "failures", consecutiveFailures: 2 });
    expect(failing.received).toHaveLength(6);
    expect(await db.auditEvent.count({ where: { action: "webhook.disabled", targetId: hook.id } })).toBe(1);
    // Disabled: new events make no deliveries.
    const before = await db.webhookDelivery.count({ where: { subscriptionId: hook.id } });
    await customerWithRepairs(1);
    await dispatchOutbox();
    expect(await db.webhookDelivery.count({ where: { subscriptionId: hook.id } })).toBe(before);
  });

  it("never sends to a private or loopback address unless the portal itself is local, checked when connecting", async () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "169.254.169.254", "192.168.0.1", "::1", "fd00::1", "::ffff:127.0.0.1"]) {
      expect(isBlockedAddress(address), address).toBe(true);
    }
    expect(isBlockedAddress("93.184.216.34")).toBe(false);
    const before = ok.received.length;
    const refused = await postWebhook(ok.url, {}, "{}", { allowPrivate: false, timeoutMs: 2000, keep: 200 });
    expect(refused.status).toBeNull();
    expect(refused.body).toContain("refused address");
    expect(ok.received.length).toBe(before);
    expect(await postWebhook("https://169.254.169.254/latest", {}, "{}", { allowPrivate: false, timeoutMs: 2000, keep: 200 })).toEqual({
      status: null,
      body: "network error: refused address",
    });
    expect((await postWebhook(ok.url, {}, "{}", { allowPrivate: true, timeoutMs: 2000, keep: 200 })).status).toBe(204);
  });
});

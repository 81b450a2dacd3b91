import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Two tries a delivery, one failed delivery disables (the defaults are 6 and 3).
vi.stubEnv("WEBHOOK_MAX_ATTEMPTS", "2");
vi.stubEnv("WEBHOOK_DISABLE_AFTER", "1");
vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { dispatchOutbox } = await import("./dispatch");
const { deliverWebhook } = await import("./deliver");
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

  it("delivers a signed event to each subscriber with no more personal data than its scopes allow", async () => {
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
    const payloadOf = (id: string) =>
      deliveries.find((delivery) => delivery.subscriptionId === id)!.payload as { data: { customer: object } };
    expect(payloadOf(plain.id).data.customer).toEqual({ id: customer.id });
    expect(payloadOf(withEmail.id).data.customer).toEqual({ id: customer.id, email: customer.email });
    // A second pass adds nothing.
    await dispatchOutbox();
    expect(await db.webhookDelivery.count({ where: { eventId: deliveries[0]!.eventId } })).toBe(2);

    const delivery = deliveries.find((row) => row.subscriptionId === plain.id)!;
    expect(await deliverWebhook(delivery.id)).toBe("succeeded");
    const request = ok.received.at(-1)!;
    const verified = new Webhook(plain.secret!).verify(request.body, request.headers as Record<string, string>) as {
      type: string;
      id: string;
    };
    expect(verified).toMatchObject({ type: "repair.status_changed", id: delivery.eventId });
    expect(request.headers["webhook-id"]).toBe(delivery.eventId);
    // Another secret, or a body changed on the way, does not verify.
    expect(() => new Webhook(withEmail.secret!).verify(request.body, request.headers as Record<string, string>)).toThrow();
    expect(() =>
      new Webhook(plain.secret!).verify(request.body.replace("RECEIVED", "COMPLETED"), request.headers as Record<string, string>),
    ).toThrow();
    // An old timestamp is refused: a captured request cannot be replayed later.
    const stale = { ...(request.headers as Record<string, string>), "webhook-timestamp": String(Math.floor(Date.now() / 1000) - 3600) };
    expect(() => new Webhook(plain.secret!).verify(request.body, stale)).toThrow();
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "SUCCEEDED",
      attempts: 1,
      responseStatus: 204,
    });

    const copy = await redeliver(admin.id, delivery.id);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: copy.id } })).toMatchObject({
      eventId: delivery.eventId,
      status: "PENDING",
      attempts: 0,
    });
    for (const id of [plain.id, withEmail.id, pointsOnly.id]) await setWebhookDisabled(admin.id, id, true);
  });

  it("retries a failing receiver, then gives the delivery up and disables the subscription", async () => {
    const hook = await saveWebhook(admin.id, { name: "Broken", url: failing.url, events: ["repair.status_changed"], dataScopes: [] });
    await customerWithRepairs(1);
    await dispatchOutbox();
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: hook.id } });
    expect(await deliverWebhook(delivery.id)).toBe("retry");
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "PENDING",
      attempts: 1,
      responseStatus: 500,
      responseBody: "receiver broke",
    });
    expect(await deliverWebhook(delivery.id)).toBe("failed");
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "FAILED", attempts: 2 });
    expect(await db.webhookSubscription.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({
      disabledReason: "failures",
      consecutiveFailures: 1,
    });
    expect(failing.received).toHaveLength(2);
    expect(await db.auditEvent.count({ where: { action: "webhook.disabled", targetId: hook.id } })).toBe(1);
    // Disabled: new events make no deliveries, waiting ones are not sent.
    await customerWithRepairs(1);
    await dispatchOutbox();
    expect(await db.webhookDelivery.count({ where: { subscriptionId: hook.id } })).toBe(1);
  });
});

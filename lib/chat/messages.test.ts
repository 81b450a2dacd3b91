import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { testCustomer, testStaff } = await import("@/scripts/test/product-factories");
const { customerWithProduct } = await import("@/scripts/test/repair-factories");
const { listEarlierMessages, listMessages, markSeen, postMessage, startConversation, unreadCount } = await import("./messages");
const { ChatHub } = await import("@/lib/realtime/hub");

beforeEach(() => fakeRequest.reset());

const customerActor = (user: { id: string }) => ({ id: user.id, role: "CUSTOMER" as const, dealerId: null });
const staffActor = (user: { id: string; role: Role }) => ({ id: user.id, role: user.role, dealerId: null });
const key = () => randomUUID();

async function inquiry() {
  const customer = customerActor(await testCustomer());
  const { conversationId, message } = await startConversation(customer, {
    subject: "使い方について",
    ownershipId: "",
    body: "タイマーの設定方法を教えてください。",
    idempotencyKey: key(),
  });
  return { customer, conversationId, first: message };
}

// Two hubs stand for two app server processes on one database.
const hubs: InstanceType<typeof ChatHub>[] = [];
afterAll(async () => {
  await Promise.all(hubs.map((hub) => hub.close()));
});

type Heard = { kind: string; conversationId?: string; seq?: number };

function nextEvent(hub: InstanceType<typeof ChatHub>, match: (event: Heard) => boolean) {
  return new Promise<unknown>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no event within 5 s")), 5_000);
    const stop = hub.subscribe((event) => {
      if (!match(event as Heard)) return;
      clearTimeout(timer);
      stop();
      resolve(event);
    });
  });
}

describe("support conversations", () => {
  it("numbers messages 1, 2, 3… in their conversation, even when sent at once, and a retry stores nothing", async () => {
    const { customer, conversationId, first } = await inquiry();
    const agent = staffActor(await testStaff("SUPPORT_AGENT"));
    expect(first.seq).toBe(1);
    const sent = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        postMessage(index % 2 ? agent : customer, { conversationId, body: `メッセージ ${index}`, idempotencyKey: key() }),
      ),
    );
    expect(sent.map((message) => message.seq).toSorted((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const again = key();
    const [once, twice] = await Promise.all([
      postMessage(customer, { conversationId, body: "二重送信", idempotencyKey: again }),
      postMessage(customer, { conversationId, body: "二重送信", idempotencyKey: again }),
    ]);
    expect(twice).toEqual(once);
    expect(await db.chatMessage.count({ where: { conversationId } })).toBe(10);
    // Catch-up after seq 7 is exactly what came after.
    expect((await listMessages(customer, conversationId, 7)).map((message) => message.seq)).toEqual([8, 9, 10]);
  });

  it("[8.2.2] another customer and a dealer do not find the conversation; staff do", async () => {
    const { conversationId } = await inquiry();
    const stranger = customerActor(await testCustomer());
    const dealer = await db.user.create({ data: { email: `d-${key()}@test.example`, role: "DEALER_STAFF" } });
    for (const outsider of [stranger, { id: dealer.id, role: "DEALER_STAFF" as const, dealerId: null }]) {
      await expect(listMessages(outsider, conversationId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(postMessage(outsider, { conversationId, body: "のぞき見", idempotencyKey: key() })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    expect(await listMessages(staffActor(await testStaff("SUPPORT_AGENT")), conversationId)).toHaveLength(1);
  });

  it("never tells a customer which staff member wrote, in the catch-up either", async () => {
    const { customer, conversationId } = await inquiry();
    const agent = staffActor(await testStaff("SUPPORT_AGENT"));
    await postMessage(agent, { conversationId, body: "担当です。", idempotencyKey: key() });
    const seen = await listMessages(customer, conversationId);
    expect(seen.map((message) => message.senderId)).toEqual([customer.id, ""]);
    expect((await listMessages(agent, conversationId)).at(-1)!.senderId).toBe(agent.id);
  });

  it("reads earlier messages page by page, newest of them first in each page but in seq order", async () => {
    const { customer, conversationId } = await inquiry();
    for (let index = 2; index <= 5; index++) await postMessage(customer, { conversationId, body: `#${index}`, idempotencyKey: key() });
    expect((await listEarlierMessages(customer, conversationId, 4, 2)).map((message) => message.seq)).toEqual([2, 3]);
    expect((await listEarlierMessages(customer, conversationId, 2)).map((message) => message.seq)).toEqual([1]);
    await expect(listEarlierMessages(customerActor(await testCustomer()), conversationId, 4)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("starts one conversation for a double submit of the same inquiry", async () => {
    const customer = customerActor(await testCustomer());
    const input = { subject: "二重送信", ownershipId: "", body: "一度だけ", idempotencyKey: key() };
    const [first, second] = await Promise.all([startConversation(customer, input), startConversation(customer, input)]);
    expect(second.conversationId).toBe(first.conversationId);
    expect(await db.conversation.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("starts an inquiry about one of the customer's own products only", async () => {
    const { customer, ownership } = await customerWithProduct();
    const stranger = customerActor(await testCustomer());
    const input = { subject: "音がする", ownershipId: ownership.id, body: "運転中に音がします。", idempotencyKey: key() };
    await expect(startConversation(stranger, input)).rejects.toMatchObject({ code: "VALIDATION" });
    const { conversationId } = await startConversation(customerActor(customer), input);
    expect(await db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({ ownershipId: ownership.id });
  });

  it("keeps receipts as positions per side: delivered, read, unread counts, and a status that follows the turn", async () => {
    const { customer, conversationId } = await inquiry();
    const agent = staffActor(await testStaff("SUPPORT_AGENT"));
    expect(await db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({ status: "OPEN", staffReadSeq: 0 });
    await markSeen(agent, { conversationId, seq: 1, read: true });
    await postMessage(agent, { conversationId, body: "取扱説明書の12ページをご覧ください。", idempotencyKey: key() });
    await postMessage(agent, { conversationId, body: "画像もお送りします。", idempotencyKey: key() });
    expect(await db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({
      status: "WAITING_FOR_CUSTOMER",
      staffReadSeq: 3,
      customerDeliveredSeq: 1,
      customerReadSeq: 1,
    });
    expect(await unreadCount(customer)).toBe(2);
    await markSeen(customer, { conversationId, seq: 3, read: false });
    await markSeen(customer, { conversationId, seq: 2, read: true });
    // Positions never move back, and never past the last message.
    await markSeen(customer, { conversationId, seq: 99, read: false });
    expect(await db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({
      customerDeliveredSeq: 3,
      customerReadSeq: 2,
    });
    expect(await unreadCount(customer)).toBe(1);
    await postMessage(customer, { conversationId, body: "わかりました。", idempotencyKey: key() });
    expect(await db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({
      status: "OPEN",
      customerReadSeq: 4,
    });
    expect(await unreadCount(customer)).toBe(0);
  });

  it("refuses an empty message in the database too", async () => {
    const { conversationId } = await inquiry();
    await expect(
      db.$executeRaw`INSERT INTO "ChatMessage" (id, "conversationId", seq, "senderId", side, body, "idempotencyKey")
        SELECT ${key()}, id, 2, "customerId", 'CUSTOMER', '', ${key()} FROM "Conversation" WHERE id = ${conversationId}`,
    ).rejects.toThrow(/ChatMessage_not_empty/);
  });
});

describe("the fan-out between app processes (LISTEN/NOTIFY)", () => {
  it("announces a stored message to every process, and a receipt too, after the commit", async () => {
    const [a, b] = [new ChatHub(env.DATABASE_URL), new ChatHub(env.DATABASE_URL)];
    hubs.push(a, b);
    await Promise.all([a.ready(), b.ready()]);
    const { customer, conversationId } = await inquiry();
    // The inquiry's first message (seq 1) may still be on its way: wait for the next one.
    const isMessage = (event: Heard) => event.kind === "message" && event.conversationId === conversationId && event.seq === 2;
    const heard = Promise.all([nextEvent(a, isMessage), nextEvent(b, isMessage)]);
    const sent = await postMessage(customer, { conversationId, body: "届きますか?", idempotencyKey: key() });
    expect(await heard).toEqual([
      { kind: "message", conversationId, seq: sent.seq },
      { kind: "message", conversationId, seq: sent.seq },
    ]);
    const receipt = nextEvent(b, (event) => event.kind === "receipt" && event.conversationId === conversationId);
    await markSeen(staffActor(await testStaff("SUPPORT_AGENT")), { conversationId, seq: sent.seq, read: true });
    expect(await receipt).toEqual({ kind: "receipt", conversationId, side: "STAFF", deliveredSeq: sent.seq, readSeq: sent.seq });
  });

  it("reconnects after losing its connection and tells its subscribers to catch up", async () => {
    const hub = new ChatHub(env.DATABASE_URL);
    hubs.push(hub);
    await hub.ready();
    const resync = nextEvent(hub, (event) => event.kind === "resync");
    hub.dropConnectionForTest();
    await resync;
    // Listening again: a new message is heard.
    const { customer, conversationId } = await inquiry();
    const heard = nextEvent(hub, (event) => event.kind === "message" && event.conversationId === conversationId);
    await postMessage(customer, { conversationId, body: "再接続後", idempotencyKey: key() });
    await heard;
  });
});

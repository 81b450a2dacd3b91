import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { testCustomer, testStaff } = await import("@/scripts/test/product-factories");
const { customerWithProduct, repairRequestInput } = await import("@/scripts/test/repair-factories");
const { createRepairRequest } = await import("@/lib/repairs/requests");
const { settleJobs } = await import("@/scripts/test/jobs");
const { stopJobWorkers } = await import("@/lib/jobs/worker");
const { storedFileWhereFor } = await import("@/lib/auth/scopes");
const { CHAT_RATE_LIMIT, postMessage, startConversation, markSeen } = await import("./messages");
const {
  assignConversation,
  getConversation,
  listInbox,
  listOwnConversations,
  setConversationStatus,
  startConversationWithCustomer,
  ticketConversationId,
} = await import("./conversations");
const { emailUnreadReplies } = await import("./unread-email");
const { fillCannedReply, saveCannedReply } = await import("./canned-replies");
const { setEmailChoice } = await import("@/lib/notifications/choices");

afterAll(() => stopJobWorkers());

beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` } }));

const key = () => randomUUID();
const customerActor = (user: { id: string }) => ({ id: user.id, role: "CUSTOMER" as const, dealerId: null });
async function agent(role: "SUPPORT_AGENT" | "SUPPORT_LEAD" | "ADMIN" = "SUPPORT_AGENT", strong = true) {
  const user = await testStaff(role);
  return { id: user.id, role: user.role, dealerId: null, strong };
}
async function inquiry(locale = "ja") {
  const user = await testCustomer(locale);
  const customer = customerActor(user);
  const { conversationId } = await startConversation(customer, {
    subject: "使い方",
    ownershipId: "",
    body: "教えてください。",
    idempotencyKey: key(),
  });
  return { user, customer, conversationId };
}

describe("the conversation of a repair ticket", () => {
  it("is made once, however many pages open it at once, for the ticket's customer and the desk only", async () => {
    const { customer, ownership, symptom } = await customerWithProduct();
    const ticket = await createRepairRequest(customerActor(customer), repairRequestInput(ownership.id, symptom.id));
    const desk = await agent();
    const ids = await Promise.all([
      ticketConversationId(customerActor(customer), ticket.id),
      ticketConversationId(desk, ticket.id),
      ticketConversationId(customerActor(customer), ticket.id),
    ]);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toBeTruthy();
    expect(await db.conversation.count({ where: { ticketId: ticket.id } })).toBe(1);
    expect(await ticketConversationId(customerActor(await testCustomer()), ticket.id)).toBeNull();
    expect(await ticketConversationId(await agent("SUPPORT_AGENT", false), ticket.id)).toBeNull();
    // Not listed to the customer until someone writes in it.
    expect((await listOwnConversations(customerActor(customer))).map((item) => item.id)).not.toContain(ids[0]);
    await postMessage(desk, { conversationId: ids[0]!, body: "受け付けました。", idempotencyKey: key() });
    expect((await listOwnConversations(customerActor(customer))).map((item) => item.id)).toContain(ids[0]);
  });
});

describe("the staff inbox", () => {
  it("sorts conversations into unassigned, mine and all, and records assignment and status in the audit log", async () => {
    const { conversationId, user } = await inquiry();
    const [me, colleague] = [await agent(), await agent()];
    const ids = async (view: "unassigned" | "mine" | "all") => (await listInbox(me, { view, status: "ACTIVE" })).rows.map((row) => row.id);
    expect(await ids("unassigned")).toContain(conversationId);
    await assignConversation(me, { conversationId, assigneeId: me.id });
    expect(await ids("unassigned")).not.toContain(conversationId);
    expect(await ids("mine")).toContain(conversationId);
    await assignConversation(me, { conversationId, assigneeId: colleague.id });
    expect(await ids("mine")).not.toContain(conversationId);
    expect(await ids("all")).toContain(conversationId);
    await setConversationStatus(me, { conversationId, status: "CLOSED" });
    expect(await ids("all")).not.toContain(conversationId);
    expect((await listInbox(me, { view: "all", status: "CLOSED" })).rows.map((row) => row.id)).toContain(conversationId);
    const audit = await db.auditEvent.findMany({ where: { targetId: conversationId }, select: { action: true, subjectIds: true } });
    expect(audit.map((event) => event.action).toSorted()).toEqual(["chat.assigned", "chat.assigned", "chat.status_changed"]);
    expect(audit.every((event) => event.subjectIds.includes(user.id))).toBe(true);
    // A closed conversation stays readable, and the customer's message reopens it.
    await postMessage(customerActor(user), { conversationId, body: "もう一つ質問です。", idempotencyKey: key() });
    expect(await db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({ status: "OPEN" });
  });

  it("[8.2.1] customers cannot assign or change status, nor can staff without a strong session; only desk members can be assigned", async () => {
    const { customer, conversationId } = await inquiry();
    const weak = await agent("SUPPORT_AGENT", false);
    await expect(assignConversation(customer, { conversationId, assigneeId: customer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setConversationStatus(weak, { conversationId, status: "CLOSED" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getConversation(weak, conversationId)).toBeNull();
    await expect(assignConversation(await agent(), { conversationId, assigneeId: customer.id })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });

  it("lets staff start a conversation with a customer, once per key, assigned to them", async () => {
    const desk = await agent();
    const customer = await testCustomer();
    const input = {
      customerId: customer.id,
      subject: "ご登録ありがとうございます",
      body: "ご不明点はこちらへどうぞ。",
      idempotencyKey: key(),
    };
    const [first, again] = [await startConversationWithCustomer(desk, input), await startConversationWithCustomer(desk, input)];
    expect(again.conversationId).toBe(first.conversationId);
    expect(await db.conversation.findUniqueOrThrow({ where: { id: first.conversationId } })).toMatchObject({
      customerId: customer.id,
      assigneeId: desk.id,
      startedById: desk.id,
      status: "WAITING_FOR_CUSTOMER",
    });
    await expect(startConversationWithCustomer(customerActor(customer), { ...input, idempotencyKey: key() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("limits and attachments", () => {
  it("refuses messages over the per-minute limit with a clear error", async () => {
    const { customer, conversationId } = await inquiry();
    // The inquiry's first message counts.
    for (let index = 1; index < CHAT_RATE_LIMIT.perMinute; index++) {
      await postMessage(customer, { conversationId, body: `連投 ${index}`, idempotencyKey: key() });
    }
    await expect(postMessage(customer, { conversationId, body: "もう一通", idempotencyKey: key() })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      messageKey: "chat.tooFast",
    });
  });

  it("[8.2.2] attaches only the sender's own unsent chat image, which both sides of the conversation can read and nobody else", async () => {
    const { user, customer, conversationId } = await inquiry();
    const image = (ownerId: string) =>
      db.storedFile.create({
        data: {
          ownerId,
          storage: "LOCAL",
          key: `chat/${key()}`,
          contentType: "image/jpeg",
          byteSize: 10,
          width: 1,
          height: 1,
          purpose: "chat_image",
        },
      });
    const theirs = await image((await testCustomer()).id);
    await expect(postMessage(customer, { conversationId, body: "", fileId: theirs.id, idempotencyKey: key() })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    const mine = await image(user.id);
    await postMessage(customer, { conversationId, body: "", fileId: mine.id, idempotencyKey: key() });
    await expect(postMessage(customer, { conversationId, body: "もう一度", fileId: mine.id, idempotencyKey: key() })).rejects.toMatchObject(
      {
        code: "VALIDATION",
      },
    );
    const readable = async (actor: Parameters<typeof storedFileWhereFor>[0]) =>
      db.storedFile.count({ where: { AND: [storedFileWhereFor(actor), { id: mine.id }] } });
    expect(await readable(customer)).toBe(1);
    expect(await readable(await agent())).toBe(1);
    expect(await readable(await agent("SUPPORT_AGENT", false))).toBe(0);
    expect(await readable(customerActor(await testCustomer()))).toBe(0);
    const dealer = await db.user.create({ data: { email: `d-${key()}@test.example`, role: "DEALER_STAFF" } });
    expect(await readable({ id: dealer.id, role: "DEALER_STAFF", dealerId: null, strong: true })).toBe(0);
  });
});

describe("the unread-reply email", () => {
  // The conversation has been quiet for longer than the quiet period.
  const age = (conversationId: string) =>
    db.$executeRaw`UPDATE "ChatMessage" SET "createdAt" = "createdAt" - interval '11 minutes' WHERE "conversationId" = ${conversationId}`;

  it("mails the customer once for staff messages still unread, escaped, not what they read, and not when they opted out", async () => {
    const { user, customer, conversationId } = await inquiry();
    const desk = await agent();
    await postMessage(desk, { conversationId, body: "確認します。", idempotencyKey: key() });
    await postMessage(desk, { conversationId, body: "お待たせしました。<b>太字</b> https://example.com/manual", idempotencyKey: key() });
    await age(conversationId);
    await emailUnreadReplies({ conversationId });
    await emailUnreadReplies({ conversationId });
    await settleJobs();
    const mails = await db.outboxEmail.findMany({ where: { to: user.email, template: "chatUnread" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("お待たせしました。<b>太字</b>");
    expect(mails[0]!.html).toContain("&#60;b&#62;太字");
    expect(mails[0]!.html).not.toContain("<b>");

    // Read: nothing to mail.
    const third = await postMessage(desk, { conversationId, body: "他にございますか?", idempotencyKey: key() });
    await markSeen(customer, { conversationId, seq: third.seq, read: true });
    await age(conversationId);
    await emailUnreadReplies({ conversationId });
    // Opted out: nothing either.
    await setEmailChoice(user.id, "chat_reply", false);
    await postMessage(desk, { conversationId, body: "ご連絡ください。", idempotencyKey: key() });
    await age(conversationId);
    await emailUnreadReplies({ conversationId });
    await settleJobs();
    expect(await db.outboxEmail.count({ where: { to: user.email, template: "chatUnread" } })).toBe(1);
  });

  it("schedules one check per conversation for a burst of staff replies, and waits again while replies keep coming", async () => {
    const { user, conversationId } = await inquiry();
    const desk = await agent();
    for (let index = 0; index < 3; index++) await postMessage(desk, { conversationId, body: `返信 ${index}`, idempotencyKey: key() });
    const waiting = async () => {
      const [row] = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'chat.unread-email' AND singleton_key = ${conversationId} AND state = 'created'`;
      return row!.n;
    };
    expect(await waiting()).toBe(1);
    // A check that runs while the last reply is fresh sends nothing yet.
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'chat.unread-email' AND singleton_key = ${conversationId}`;
    await emailUnreadReplies({ conversationId });
    expect(await waiting()).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: user.email, template: "chatUnread" } })).toBe(0);
  });
});

describe("canned replies", () => {
  it("fills in the customer's name in their language, and only leads and admins may change them", async () => {
    const lead = await agent("SUPPORT_LEAD");
    const { id } = await saveCannedReply(lead, {
      id: "",
      titleJa: "挨拶",
      titleEn: "Greeting",
      bodyJa: "{name}様、お問い合わせありがとうございます。",
      bodyEn: "Hello {name}, thank you.",
    });
    const reply = await db.cannedReply.findUniqueOrThrow({ where: { id } });
    expect(fillCannedReply(reply, { locale: "ja", name: "山田 花子" }, "お客")).toBe("山田 花子様、お問い合わせありがとうございます。");
    expect(fillCannedReply(reply, { locale: "en", name: "Hanako" }, "customer")).toBe("Hello Hanako, thank you.");
    await expect(
      saveCannedReply(await agent("SUPPORT_AGENT"), { id, titleJa: "x", titleEn: "x", bodyJa: "x", bodyEn: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

import { randomUUID } from "node:crypto";
import { createUser, query, type TestUser } from "./fixtures";

/**
 * A support conversation of a test's own (issue 11), written straight to the database as the app
 * would store it: messages numbered 1, 2, 3… with the conversation's last seq and receipts.
 */
export async function createConversation(
  options: { customer?: TestUser; subject?: string; messages?: { side: "CUSTOMER" | "STAFF"; body: string }[] } = {},
): Promise<{ id: string; customer: TestUser; subject: string }> {
  const customer = options.customer ?? (await createUser("CUSTOMER"));
  const subject = options.subject ?? `お問い合わせ ${randomUUID().slice(0, 6)}`;
  const messages = options.messages ?? [
    { side: "CUSTOMER", body: "タイマーの設定方法を教えてください。" },
    { side: "STAFF", body: "取扱説明書の12ページをご覧ください。https://example.com/manual" },
  ];
  const staff = messages.some((message) => message.side === "STAFF") ? await createUser("SUPPORT_AGENT") : null;
  const id = randomUUID();
  await query(
    `INSERT INTO "Conversation" (id, "customerId", subject, status, "lastSeq", "lastMessageAt", "customerReadSeq", "customerDeliveredSeq", "staffReadSeq", "staffDeliveredSeq", "startedById", "updatedAt")
     VALUES ($1, $2, $3, 'OPEN', $4, now(), 1, 1, $4, $4, $2, now())`,
    [id, customer.id, subject, messages.length],
  );
  for (const [index, message] of messages.entries()) {
    await query(
      `INSERT INTO "ChatMessage" (id, "conversationId", seq, "senderId", side, body, "idempotencyKey", "createdAt")
       VALUES ($1, $2, $3, $4, $5::"ChatSide", $6, $7, now() - make_interval(mins => $8))`,
      [
        randomUUID(),
        id,
        index + 1,
        message.side === "STAFF" ? staff!.id : customer.id,
        message.side,
        message.body,
        randomUUID(),
        messages.length - index,
      ],
    );
  }
  return { id, customer, subject };
}

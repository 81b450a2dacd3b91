import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { conversationWhereFor, ownershipWhereFor } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChatSide } from "@/lib/generated/prisma/enums";
import { publishChatEvent } from "@/lib/realtime/publish";
import { scheduleUnreadEmail } from "./unread-email";
import type { z } from "zod";
import type { ZStartConversationSchema } from "./schemas";

/** Messages per user: a burst a person can type, a wall for a script (rate limit, issue 11). */
export const CHAT_RATE_LIMIT = { perMinute: 20, perHour: 300 } as const;

/**
 * Support conversations (issue 11, decision 0009). Each message takes the next sequence number of
 * its conversation inside the transaction that stores it (the conversation row's lock orders the
 * commits), so a client that has seen seq N catches up with exactly `seq > N`. Receipts are
 * positions per side. Every read goes through `conversationWhereFor(actor)`: a conversation outside
 * it is not found (404).
 */

export type ChatMessageView = {
  id: string;
  conversationId: string;
  seq: number;
  side: ChatSide;
  senderId: string;
  body: string;
  fileId: string | null;
  createdAt: Date;
};

export const MESSAGE_SELECT = {
  id: true,
  conversationId: true,
  seq: true,
  side: true,
  senderId: true,
  body: true,
  fileId: true,
  createdAt: true,
} satisfies Prisma.ChatMessageSelect;

/** What a reader is shown of a message: a customer is not told which staff member wrote. */
export function messageFor<T extends { side: ChatSide; senderId: string }>(actor: Actor, message: T): T {
  return sideOf(actor) === "CUSTOMER" && message.side === "STAFF" ? { ...message, senderId: "" } : message;
}

/** The side an actor writes and reads for: support staff, or the conversation's customer. */
export function sideOf(actor: Actor): ChatSide {
  return can(actor, "chat.work") ? "STAFF" : "CUSTOMER";
}

export async function conversationFor(actor: Actor, conversationId: string) {
  const conversation = await db.conversation.findFirst({
    where: { AND: [conversationWhereFor(actor), { id: conversationId }] },
    select: { id: true, customerId: true, status: true, lastSeq: true, assigneeId: true },
  });
  if (!conversation) throw new AppError("NOT_FOUND");
  return conversation;
}

/** Refuses a message over the per-user limits (counted from the stored messages, so every process agrees). */
async function checkRate(senderId: string): Promise<void> {
  const now = Date.now();
  const [minute, hour] = await Promise.all([
    db.chatMessage.count({ where: { senderId, createdAt: { gt: new Date(now - 60_000) } } }),
    db.chatMessage.count({ where: { senderId, createdAt: { gt: new Date(now - 3_600_000) } } }),
  ]);
  if (minute >= CHAT_RATE_LIMIT.perMinute || hour >= CHAT_RATE_LIMIT.perHour) {
    throw new AppError("RATE_LIMITED", { messageKey: "chat.tooFast" });
  }
}

/** An attached image must be the sender's own chat upload, not deleted and not sent before. */
async function checkAttachment(senderId: string, fileId: string): Promise<void> {
  const usable = await db.storedFile.count({
    where: { id: fileId, ownerId: senderId, purpose: "chat_image", deletedAt: null, chatMessage: { is: null } },
  });
  if (usable === 0) throw new AppError("VALIDATION", { cause: { fileId: "chat.imageInvalid" } });
}

type NewMessage = { conversationId: string; body: string; fileId?: string; idempotencyKey: string };

/**
 * The store itself, inside the caller's transaction: the next seq from the conversation row (its
 * lock orders the commits), the status that follows the turn (announced to open pages when it
 * changes), the writer's own receipts, then the row; the trigger announces it on commit.
 */
async function insertMessage(tx: Prisma.TransactionClient, actor: Actor, input: NewMessage): Promise<ChatMessageView> {
  const side = sideOf(actor);
  const status = side === "CUSTOMER" ? "OPEN" : "WAITING_FOR_CUSTOMER";
  const [before] = await tx.$queryRaw<{ status: string }[]>`
    SELECT status::text FROM "Conversation" WHERE id = ${input.conversationId} FOR UPDATE`;
  // Taken under the row lock, so times follow the seq order.
  const now = new Date();
  const { lastSeq: seq } = await tx.conversation.update({
    where: { id: input.conversationId },
    data: {
      lastSeq: { increment: 1 },
      lastMessageAt: now,
      status,
    },
    select: { lastSeq: true },
  });
  await tx.conversation.update({
    where: { id: input.conversationId },
    data: side === "CUSTOMER" ? { customerDeliveredSeq: seq, customerReadSeq: seq } : { staffDeliveredSeq: seq, staffReadSeq: seq },
  });
  if (before && before.status !== status) await publishChatEvent({ kind: "conversation", conversationId: input.conversationId }, tx);
  return tx.chatMessage.create({
    data: {
      conversationId: input.conversationId,
      seq,
      senderId: actor.id,
      side,
      body: input.body,
      fileId: input.fileId || null,
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
    },
    select: MESSAGE_SELECT,
  });
}

function findByKey(senderId: string, idempotencyKey: string) {
  return db.chatMessage.findUnique({ where: { senderId_idempotencyKey: { senderId, idempotencyKey } }, select: MESSAGE_SELECT });
}

/**
 * A unique violation while storing: the same key sent twice at once (the other submit's row is the
 * answer), or an image attached to two messages at once (refused like any used image).
 */
async function afterUniqueViolation(error: unknown, actor: Actor, idempotencyKey: string): Promise<ChatMessageView> {
  if (isUniqueViolation(error)) {
    const first = await findByKey(actor.id, idempotencyKey);
    if (first) return first;
    throw new AppError("VALIDATION", { cause: { fileId: "chat.imageInvalid" } });
  }
  throw error;
}

/**
 * Store a message and return it (the answer to the sender is the stored row). A retry with the same
 * idempotency key returns the first message and stores nothing. A customer's message reopens a
 * closed or waiting conversation; staff's message to a customer leaves it waiting for them.
 */
export async function postMessage(actor: Actor, input: NewMessage): Promise<ChatMessageView> {
  const existing = await findByKey(actor.id, input.idempotencyKey);
  if (existing) return existing;
  const conversation = await conversationFor(actor, input.conversationId);
  await checkRate(actor.id);
  if (input.fileId) await checkAttachment(actor.id, input.fileId);
  let message: ChatMessageView;
  try {
    message = await db.$transaction((tx) => insertMessage(tx, actor, { ...input, conversationId: conversation.id }));
  } catch (error) {
    return afterUniqueViolation(error, actor, input.idempotencyKey);
  }
  if (sideOf(actor) === "STAFF") await scheduleUnreadEmail(conversation.id);
  return message;
}

/**
 * A new conversation and its first message in one transaction, so a retry or a double submit (same
 * key) lands on one conversation and a refused message leaves no empty one behind.
 */
export async function createConversationWithMessage(
  actor: Actor,
  data: { customerId: string; subject: string; ownershipId?: string | null; assigneeId?: string | null },
  input: { body: string; idempotencyKey: string },
): Promise<{ conversationId: string; message: ChatMessageView; created: boolean }> {
  const retried = await findByKey(actor.id, input.idempotencyKey);
  if (retried) return { conversationId: retried.conversationId, message: retried, created: false };
  await checkRate(actor.id);
  try {
    const message = await db.$transaction(async (tx) => {
      const conversation = await tx.conversation.create({ data: { ...data, startedById: actor.id }, select: { id: true } });
      return insertMessage(tx, actor, { conversationId: conversation.id, body: input.body, idempotencyKey: input.idempotencyKey });
    });
    if (sideOf(actor) === "STAFF") await scheduleUnreadEmail(message.conversationId);
    return { conversationId: message.conversationId, message, created: true };
  } catch (error) {
    const first = await afterUniqueViolation(error, actor, input.idempotencyKey);
    return { conversationId: first.conversationId, message: first, created: false };
  }
}

/** A customer starts a general inquiry, optionally about one of their own products, with its first message. */
export async function startConversation(
  actor: Actor,
  input: z.output<typeof ZStartConversationSchema>,
): Promise<{ conversationId: string; message: ChatMessageView }> {
  if (!can(actor, "chat.own")) throw new AppError("FORBIDDEN");
  if (input.ownershipId) {
    const owned = await db.ownership.count({ where: { AND: [ownershipWhereFor(actor), { id: input.ownershipId }] } });
    if (owned === 0) throw new AppError("VALIDATION", { cause: { ownershipId: "chat.productInvalid" } });
  }
  const { conversationId, message } = await createConversationWithMessage(
    actor,
    { customerId: actor.id, subject: input.subject, ownershipId: input.ownershipId || null },
    input,
  );
  return { conversationId, message };
}

export type ConversationState = {
  status: "OPEN" | "WAITING_FOR_CUSTOMER" | "CLOSED";
  lastSeq: number;
  customerDeliveredSeq: number;
  customerReadSeq: number;
  staffDeliveredSeq: number;
  staffReadSeq: number;
  assigneeId: string | null;
};

/** Status, receipts and assignee of a conversation: what the chat page shows besides the messages. */
export async function conversationState(actor: Actor, conversationId: string): Promise<ConversationState> {
  const state = await db.conversation.findFirst({
    where: { AND: [conversationWhereFor(actor), { id: conversationId }] },
    select: {
      status: true,
      lastSeq: true,
      customerDeliveredSeq: true,
      customerReadSeq: true,
      staffDeliveredSeq: true,
      staffReadSeq: true,
      assigneeId: true,
    },
  });
  if (!state) throw new AppError("NOT_FOUND");
  // A customer is not told which staff member holds their conversation.
  return can(actor, "chat.work") ? state : { ...state, assigneeId: null };
}

/** The messages after `afterSeq` (catch-up after a reconnect, or the first page with 0), oldest first. */
export async function listMessages(actor: Actor, conversationId: string, afterSeq = 0, take = 200): Promise<ChatMessageView[]> {
  const conversation = await conversationFor(actor, conversationId);
  const messages = await db.chatMessage.findMany({
    where: { conversationId: conversation.id, seq: { gt: afterSeq } },
    select: MESSAGE_SELECT,
    orderBy: { seq: "asc" },
    take,
  });
  return messages.map((message) => messageFor(actor, message));
}

/** The messages before `beforeSeq`, the newest `take` of them, oldest first ("show earlier messages"). */
export async function listEarlierMessages(actor: Actor, conversationId: string, beforeSeq: number, take = 200): Promise<ChatMessageView[]> {
  const conversation = await conversationFor(actor, conversationId);
  const messages = await db.chatMessage.findMany({
    where: { conversationId: conversation.id, seq: { lt: beforeSeq } },
    select: MESSAGE_SELECT,
    orderBy: { seq: "desc" },
    take,
  });
  return messages.reverse().map((message) => messageFor(actor, message));
}

/**
 * Record that the actor's side has received (and, with `read`, seen) the messages up to `seq`.
 * Positions only move forward and never past the last message; the other side hears of it.
 */
export async function markSeen(actor: Actor, input: { conversationId: string; seq: number; read: boolean }): Promise<void> {
  const conversation = await conversationFor(actor, input.conversationId);
  const side = sideOf(actor);
  const seq = Math.min(Math.max(0, Math.floor(input.seq)), conversation.lastSeq);
  // Only a position that moves forward is written and announced (a page reports often).
  await db.$transaction(async (tx) => {
    const [row] =
      side === "CUSTOMER"
        ? await tx.$queryRaw<{ delivered: number; read: number }[]>`
            UPDATE "Conversation" SET "customerDeliveredSeq" = GREATEST("customerDeliveredSeq", ${seq}),
              "customerReadSeq" = CASE WHEN ${input.read} THEN GREATEST("customerReadSeq", ${seq}) ELSE "customerReadSeq" END
            WHERE id = ${conversation.id} AND ("customerDeliveredSeq" < ${seq} OR (${input.read} AND "customerReadSeq" < ${seq}))
            RETURNING "customerDeliveredSeq" AS delivered, "customerReadSeq" AS read`
        : await tx.$queryRaw<{ delivered: number; read: number }[]>`
            UPDATE "Conversation" SET "staffDeliveredSeq" = GREATEST("staffDeliveredSeq", ${seq}),
              "staffReadSeq" = CASE WHEN ${input.read} THEN GREATEST("staffReadSeq", ${seq}) ELSE "staffReadSeq" END
            WHERE id = ${conversation.id} AND ("staffDeliveredSeq" < ${seq} OR (${input.read} AND "staffReadSeq" < ${seq}))
            RETURNING "staffDeliveredSeq" AS delivered, "staffReadSeq" AS read`;
    if (row) {
      await publishChatEvent(
        { kind: "receipt", conversationId: conversation.id, side, deliveredSeq: row.delivered, readSeq: row.read },
        tx,
      );
    }
  });
}

/**
 * Messages from the other side the actor has not read (the nav badge). A writer has seen everything
 * up to their own message, so it is `lastSeq - readSeq` per conversation: one indexed sum. Staff
 * count the open conversations that are theirs or nobody's yet.
 */
export async function unreadCount(actor: Actor): Promise<number> {
  if (can(actor, "chat.work")) {
    const [row] = await db.$queryRaw<{ unread: bigint | null }[]>`
      SELECT sum("lastSeq" - "staffReadSeq") AS unread FROM "Conversation"
      WHERE status <> 'CLOSED' AND ("assigneeId" = ${actor.id} OR "assigneeId" IS NULL)`;
    return Number(row?.unread ?? 0);
  }
  if (!can(actor, "chat.own")) return 0;
  const [row] = await db.$queryRaw<{ unread: bigint | null }[]>`
    SELECT sum("lastSeq" - "customerReadSeq") AS unread FROM "Conversation" WHERE "customerId" = ${actor.id}`;
  return Number(row?.unread ?? 0);
}

/** The newest messages (up to 200) and the state, as the chat page starts with; dates as ISO text like the API's. */
export async function loadConversationData(actor: Actor, conversationId: string) {
  const state = await conversationState(actor, conversationId);
  const messages = await listMessages(actor, conversationId, Math.max(0, state.lastSeq - 200));
  return {
    state,
    messages: messages.map((message) => ({ ...message, createdAt: message.createdAt.toISOString() })),
  };
}

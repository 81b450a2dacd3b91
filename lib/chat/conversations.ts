import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { can, requiresSecondFactor, type Actor } from "@/lib/auth/permissions";
import { conversationWhereFor, ticketWhereFor } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ConversationStatus, Prisma } from "@/lib/generated/prisma/client";
import { publishChatEvent } from "@/lib/realtime/publish";
import { conversationFor, createConversationWithMessage, type ChatMessageView } from "./messages";

/**
 * Conversations as lists and pages (issue 11): a customer's own inquiries and ticket chats, the
 * staff inbox (unassigned / mine / all, by status), assignment and status, and conversations staff
 * start. Reads go through `conversationWhereFor(actor)`; staff reads need a strong session, like
 * every desk read of personal data.
 */
export type ChatActor = Actor & { strong?: boolean };

export const INBOX_VIEWS = ["unassigned", "mine", "all"] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];
export const CONVERSATION_STATUSES = ["OPEN", "WAITING_FOR_CUSTOMER", "CLOSED"] as const satisfies readonly ConversationStatus[];
const PAGE_SIZE = 50;

function mayWork(actor: ChatActor): boolean {
  return can(actor, "chat.work") && (!requiresSecondFactor(actor.role) || actor.strong === true);
}

const LIST_SELECT = {
  id: true,
  subject: true,
  status: true,
  lastSeq: true,
  lastMessageAt: true,
  createdAt: true,
  customerReadSeq: true,
  staffReadSeq: true,
  ticketId: true,
  ticket: { select: { number: true } },
  assignee: { select: { id: true, name: true, email: true } },
  customer: { select: { id: true, name: true } },
  ownership: { select: { unit: { select: { serial: true, model: { select: { code: true, nameJa: true, nameEn: true } } } } } },
} satisfies Prisma.ConversationSelect;

export type ConversationListItem = Prisma.ConversationGetPayload<{ select: typeof LIST_SELECT }> & { unread: number };

function withUnread(actor: Actor, rows: Prisma.ConversationGetPayload<{ select: typeof LIST_SELECT }>[]): ConversationListItem[] {
  const staff = can(actor, "chat.work");
  return rows.map((row) => ({ ...row, unread: row.lastSeq - (staff ? row.staffReadSeq : row.customerReadSeq) }));
}

/** A customer's conversations, newest activity first (inquiries and repair chats alike). */
export async function listOwnConversations(actor: Actor): Promise<ConversationListItem[]> {
  if (!can(actor, "chat.own")) return [];
  const rows = await db.conversation.findMany({
    where: { customerId: actor.id, lastSeq: { gt: 0 } },
    select: LIST_SELECT,
    orderBy: [{ lastMessageAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    take: 200,
  });
  return withUnread(actor, rows);
}

export type InboxFilter = { view: InboxView; status: ConversationStatus | "ACTIVE" };

/** The staff inbox: a view and a status ("ACTIVE" = open or waiting), newest activity first, 50 a page. */
export async function listInbox(actor: ChatActor, filter: InboxFilter, page = 0) {
  if (!mayWork(actor)) return { rows: [] as ConversationListItem[], total: 0, counts: { unassigned: 0, mine: 0, all: 0 } };
  const byStatus: Prisma.ConversationWhereInput =
    filter.status === "ACTIVE" ? { status: { in: ["OPEN", "WAITING_FOR_CUSTOMER"] } } : { status: filter.status };
  const byView = (view: InboxView): Prisma.ConversationWhereInput =>
    view === "unassigned" ? { assigneeId: null } : view === "mine" ? { assigneeId: actor.id } : {};
  const where = (view: InboxView): Prisma.ConversationWhereInput => ({
    AND: [conversationWhereFor(actor), byStatus, byView(view), { lastSeq: { gt: 0 } }],
  });
  const [rows, unassigned, mine, all] = await Promise.all([
    db.conversation.findMany({
      where: where(filter.view),
      select: LIST_SELECT,
      orderBy: [{ lastMessageAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      skip: page * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.conversation.count({ where: where("unassigned") }),
    db.conversation.count({ where: where("mine") }),
    db.conversation.count({ where: where("all") }),
  ]);
  return { rows: withUnread(actor, rows), total: { unassigned, mine, all }[filter.view], counts: { unassigned, mine, all } };
}

/** One conversation with what its page shows; null (404) outside the actor's scope. Staff views are audited. */
export async function getConversation(actor: ChatActor, conversationId: string) {
  if (can(actor, "chat.work") && !mayWork(actor)) return null;
  const conversation = await db.conversation.findFirst({
    where: { AND: [conversationWhereFor(actor), { id: conversationId.slice(0, 40) }] },
    select: {
      ...LIST_SELECT,
      customerId: true,
      customerDeliveredSeq: true,
      staffDeliveredSeq: true,
      startedById: true,
      customer: { select: { id: true, name: true, email: true, locale: true } },
      ownership: {
        select: { id: true, unit: { select: { serial: true, model: { select: { code: true, nameJa: true, nameEn: true } } } } },
      },
    },
  });
  if (!conversation) return null;
  if (can(actor, "chat.work")) {
    await recordAudit({
      action: "personal_data.viewed",
      outcome: "SUCCESS",
      actorId: actor.id,
      targetType: "Conversation",
      targetId: conversation.id,
      subjectIds: [conversation.customerId],
      details: { view: "conversation" },
    });
  }
  return conversation;
}
export type ConversationDetail = NonNullable<Awaited<ReturnType<typeof getConversation>>>;

/**
 * The conversation of a repair ticket, made the first time anyone opens the ticket's chat (every
 * ticket has one; tickets made before issue 11 get theirs then). Null when the actor may not see
 * the ticket.
 */
export async function ticketConversationId(actor: ChatActor, ticketId: string): Promise<string | null> {
  if (can(actor, "chat.work") && !mayWork(actor)) return null;
  const ticket = await db.repairTicket.findFirst({
    where: { AND: [ticketWhereFor(actor), { id: ticketId }] },
    select: { id: true, number: true, customerId: true, unitId: true, conversation: { select: { id: true } } },
  });
  if (!ticket) return null;
  if (ticket.conversation) return ticket.conversation.id;
  await db.$executeRaw`
    INSERT INTO "Conversation" (id, "customerId", "ticketId", subject, "startedById", "updatedAt")
    VALUES (${`cv${ticket.id}`.slice(0, 40)}, ${ticket.customerId}, ${ticket.id}, ${ticket.number}, ${ticket.customerId}, now())
    ON CONFLICT DO NOTHING`;
  const made = await db.conversation.findUnique({ where: { ticketId: ticket.id }, select: { id: true } });
  return made?.id ?? null;
}

/** Staff start a conversation with a customer, with its first message (retry-safe by the message's key), assigned to them. */
export async function startConversationWithCustomer(
  actor: ChatActor,
  input: { customerId: string; subject: string; body: string; idempotencyKey: string },
): Promise<{ conversationId: string; message: ChatMessageView }> {
  if (!mayWork(actor)) throw new AppError("NOT_FOUND");
  const customer = await db.user.findFirst({ where: { id: input.customerId, role: "CUSTOMER", disabledAt: null }, select: { id: true } });
  if (!customer) throw new AppError("NOT_FOUND");
  const { conversationId, message, created } = await createConversationWithMessage(
    actor,
    { customerId: customer.id, subject: input.subject, assigneeId: actor.id },
    input,
  );
  if (created) {
    await recordAudit({
      action: "chat.started_by_staff",
      outcome: "SUCCESS",
      actorId: actor.id,
      targetType: "Conversation",
      targetId: conversationId,
      subjectIds: [customer.id],
    });
  }
  return { conversationId, message };
}

/** Assign to a desk member (or to nobody); recorded in the audit log, announced to open pages. */
export async function assignConversation(actor: ChatActor, input: { conversationId: string; assigneeId: string }): Promise<void> {
  if (!mayWork(actor)) throw new AppError("NOT_FOUND");
  const conversation = await conversationFor(actor, input.conversationId);
  if (input.assigneeId) {
    const assignee = await db.user.findFirst({
      where: { id: input.assigneeId, disabledAt: null },
      select: { id: true, role: true, dealerId: true },
    });
    if (!assignee || !can(assignee, "chat.work")) throw new AppError("VALIDATION", { cause: { assigneeId: "chat.assigneeInvalid" } });
  }
  const assigneeId = input.assigneeId || null;
  if (conversation.assigneeId === assigneeId) return;
  await db.$transaction(async (tx) => {
    await tx.conversation.update({ where: { id: conversation.id }, data: { assigneeId } });
    await publishChatEvent({ kind: "conversation", conversationId: conversation.id }, tx);
  });
  await recordAudit({
    action: "chat.assigned",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "Conversation",
    targetId: conversation.id,
    subjectIds: [conversation.customerId],
    details: { from: conversation.assigneeId, to: assigneeId },
  });
}

/** Staff set the status; a customer's message reopens a closed conversation (postMessage). */
export async function setConversationStatus(
  actor: ChatActor,
  input: { conversationId: string; status: ConversationStatus },
): Promise<void> {
  if (!mayWork(actor)) throw new AppError("NOT_FOUND");
  const conversation = await conversationFor(actor, input.conversationId);
  if (conversation.status === input.status) return;
  // Only from the status this page saw: a customer's message that reopened it meanwhile wins.
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.conversation.updateMany({
      where: { id: conversation.id, status: conversation.status },
      data: { status: input.status },
    });
    if (count > 0) await publishChatEvent({ kind: "conversation", conversationId: conversation.id }, tx);
    return count > 0;
  });
  if (!changed) throw new AppError("CONFLICT", { messageKey: "chat.changedMeanwhile" });
  await recordAudit({
    action: "chat.status_changed",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "Conversation",
    targetId: conversation.id,
    subjectIds: [conversation.customerId],
    details: { from: conversation.status, to: input.status },
  });
}

/** Throttled per user and conversation in this process: a typing signal at most every 2 s. */
const lastTyping = new Map<string, number>();
export async function signalTyping(actor: Actor, conversationId: string): Promise<void> {
  const key = `${actor.id}:${conversationId}`;
  const now = Date.now();
  if (now - (lastTyping.get(key) ?? 0) < 2_000) return;
  await conversationFor(actor, conversationId);
  lastTyping.set(key, now);
  if (lastTyping.size > 10_000) for (const [old, at] of lastTyping) if (now - at > 10_000) lastTyping.delete(old);
  await publishChatEvent({ kind: "typing", conversationId, side: can(actor, "chat.work") ? "STAFF" : "CUSTOMER", userId: actor.id });
}

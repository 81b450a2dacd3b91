import { z } from "zod";
import { zMultilineText, zText } from "@/lib/validation/text";

/**
 * Chat forms, shared by the browser and the server (conventions: One action wrapper). Messages are
 * catalog keys (`validation.*`, or `chat.*` when they contain a dot).
 */
export const CHAT_MESSAGE_MAX_LENGTH = 2000;
export const CHAT_SUBJECT_MAX_LENGTH = 100;

const id = zText().trim().min(1, "invalid").max(40, "invalid");
/** Made once per message in the browser; a retry after a timeout sends the same key. */
const idempotencyKey = zText().trim().min(8, "invalid").max(64, "invalid");

export const ZChatMessageSchema = z
  .object({
    conversationId: id,
    body: zMultilineText().trim().max(CHAT_MESSAGE_MAX_LENGTH, "tooLong").default(""),
    fileId: zText().trim().max(40, "invalid").default(""),
    idempotencyKey,
  })
  .refine((value) => value.body !== "" || value.fileId !== "", { path: ["body"], message: "chat.messageEmpty" });
export type TChatMessage = z.input<typeof ZChatMessageSchema>;

export const ZStartConversationSchema = z.object({
  subject: zText().trim().min(1, "required").max(CHAT_SUBJECT_MAX_LENGTH, "tooLong"),
  /** Optional: one of the customer's own products. */
  ownershipId: zText().trim().max(40, "invalid").default(""),
  body: zMultilineText().trim().min(1, "required").max(CHAT_MESSAGE_MAX_LENGTH, "tooLong"),
  idempotencyKey,
});
export type TStartConversation = z.input<typeof ZStartConversationSchema>;

export const ZMarkReadSchema = z.object({
  conversationId: id,
  seq: z.coerce.number({ error: "invalid" }).int("invalid").min(0, "invalid"),
});

/** A message as the chat page posts it to its conversation (the id is in the URL). */
export const ZPostMessageSchema = z
  .object({
    body: zMultilineText().trim().max(CHAT_MESSAGE_MAX_LENGTH, "tooLong").default(""),
    fileId: zText().trim().max(40, "invalid").default(""),
    idempotencyKey,
  })
  .refine((value) => value.body !== "" || value.fileId !== "", { path: ["body"], message: "chat.messageEmpty" });

export const ZSeenSchema = z.object({
  seq: z.number({ error: "invalid" }).int("invalid").min(0, "invalid"),
  read: z.boolean({ error: "invalid" }),
});

export const ZAssignSchema = z.object({ conversationId: id, assigneeId: zText().trim().max(40, "invalid").default("") });

export const ZStatusSchema = z.object({
  conversationId: id,
  status: z.enum(["OPEN", "WAITING_FOR_CUSTOMER", "CLOSED"], { error: "invalid" }),
});

/** Staff start a conversation with a customer (from the customer panel). */
export const ZStaffStartSchema = z.object({
  customerId: id,
  subject: zText().trim().min(1, "required").max(CHAT_SUBJECT_MAX_LENGTH, "tooLong"),
  body: zMultilineText().trim().min(1, "required").max(CHAT_MESSAGE_MAX_LENGTH, "tooLong"),
  idempotencyKey,
});
export type TStaffStart = z.input<typeof ZStaffStartSchema>;

export const CANNED_TITLE_MAX_LENGTH = 60;
export const ZCannedReplySchema = z.object({
  id: zText().trim().max(40, "invalid").default(""),
  titleJa: zText().trim().min(1, "required").max(CANNED_TITLE_MAX_LENGTH, "tooLong"),
  titleEn: zText().trim().min(1, "required").max(CANNED_TITLE_MAX_LENGTH, "tooLong"),
  bodyJa: zMultilineText().trim().min(1, "required").max(CHAT_MESSAGE_MAX_LENGTH, "tooLong"),
  bodyEn: zMultilineText().trim().min(1, "required").max(CHAT_MESSAGE_MAX_LENGTH, "tooLong"),
});
export type TCannedReply = z.input<typeof ZCannedReplySchema>;

export const ZEmailChoiceSchema = z.object({ email: z.boolean({ error: "invalid" }) });

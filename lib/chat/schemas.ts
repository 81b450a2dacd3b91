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

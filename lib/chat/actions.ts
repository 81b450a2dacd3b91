"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { redirect } from "@/lib/i18n/navigation";
import { setEmailChoice } from "@/lib/notifications/choices";
import { zText } from "@/lib/validation/text";
import { deleteCannedReply, saveCannedReply } from "./canned-replies";
import { assignConversation, setConversationStatus, startConversationWithCustomer } from "./conversations";
import { startConversation } from "./messages";
import {
  ZAssignSchema,
  ZCannedReplySchema,
  ZEmailChoiceSchema,
  ZStaffStartSchema,
  ZStartConversationSchema,
  ZStatusSchema,
} from "./schemas";

/**
 * Chat actions that change a conversation rather than add to it (conventions: One action wrapper);
 * messages themselves go through the route handlers under app/api/chat, which the live page calls
 * without waiting behind other actions. Scope checks live in lib/chat.
 */
export const startInquiryAction = defineAction({ permission: "chat.own", schema: ZStartConversationSchema }, async (input, { user }) => {
  // Idempotent by the form's key: a double click lands on the same conversation.
  const { conversationId } = await startConversation(user, input);
  revalidatePath("/[locale]/mypage", "layout");
  redirect({ href: `/mypage/inquiries/${conversationId}`, locale: await getLocale() });
});

export const staffStartConversationAction = defineAction(
  { permission: "chat.work", schema: ZStaffStartSchema },
  async (input, { user }) => {
    const { conversationId } = await startConversationWithCustomer(user, input);
    redirect({ href: `/admin/inbox/${conversationId}`, locale: await getLocale() });
  },
);

export const assignConversationAction = defineAction({ permission: "chat.work", schema: ZAssignSchema }, async (input, { user }) => {
  await assignConversation(user, input);
  revalidatePath("/[locale]/admin/inbox", "layout");
});

export const conversationStatusAction = defineAction({ permission: "chat.work", schema: ZStatusSchema }, async (input, { user }) => {
  await setConversationStatus(user, input);
  revalidatePath("/[locale]/admin/inbox", "layout");
});

export const saveCannedReplyAction = defineAction(
  { permission: "chat.replies.manage", schema: ZCannedReplySchema },
  async (input, { user }) => {
    const saved = await saveCannedReply(user, input);
    revalidatePath("/[locale]/admin/inbox", "layout");
    return saved;
  },
);

export const deleteCannedReplyAction = defineAction(
  { permission: "chat.replies.manage", schema: z.object({ id: zText().trim().min(1, "invalid").max(40, "invalid") }) },
  async ({ id }, { user }) => {
    await deleteCannedReply(user, id);
    revalidatePath("/[locale]/admin/inbox", "layout");
  },
);

/** The customer's choice about "support replied" emails (issue 14's preference center will list it too). */
export const chatEmailChoiceAction = defineAction({ permission: "chat.own", schema: ZEmailChoiceSchema }, async ({ email }, { user }) => {
  await setEmailChoice(user.id, "chat_reply", email);
});

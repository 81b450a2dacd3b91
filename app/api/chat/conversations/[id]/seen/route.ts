import { markSeen } from "@/lib/chat/messages";
import { ZSeenSchema } from "@/lib/chat/schemas";
import { defineRoute, readJson } from "@/lib/route";

export const dynamic = "force-dynamic";

/** Delivered (the page received it) or read (the page showed it) up to `seq`: the other side's receipts. */
export const POST = defineRoute<{ id: string }>({ permission: "chat.stream", hideWhenDenied: true }, async (request, { user, params }) => {
  const input = await readJson(request, ZSeenSchema);
  await markSeen(user, { conversationId: params.id.slice(0, 40), ...input });
  return new Response(null, { status: 204 });
});

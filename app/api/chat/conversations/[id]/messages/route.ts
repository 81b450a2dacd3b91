import { z } from "zod";
import { conversationState, listMessages, postMessage } from "@/lib/chat/messages";
import { ZPostMessageSchema } from "@/lib/chat/schemas";
import { defineRoute, readJson } from "@/lib/route";

export const dynamic = "force-dynamic";

const ZAfter = z.coerce.number().int().min(0).catch(0);

/**
 * A conversation's messages after `?after=<seq>` (the catch-up after the stream opens or resyncs),
 * with its receipts and status. Outside the user's conversations: 404.
 */
export const GET = defineRoute<{ id: string }>({ permission: "chat.stream", hideWhenDenied: true }, async (request, { user, params }) => {
  const after = ZAfter.parse(new URL(request.url).searchParams.get("after") ?? 0);
  const id = params.id.slice(0, 40);
  const [messages, state] = await Promise.all([listMessages(user, id, after), conversationState(user, id)]);
  return Response.json({ messages, state }, { headers: { "Cache-Control": "no-store" } });
});

/** Send a message: stored (and numbered) before the answer, which is the stored message. A retry with the same key returns it again. */
export const POST = defineRoute<{ id: string }>({ permission: "chat.stream", hideWhenDenied: true }, async (request, { user, params }) => {
  const input = await readJson(request, ZPostMessageSchema);
  const message = await postMessage(user, { conversationId: params.id.slice(0, 40), ...input });
  return Response.json(message, { status: 201, headers: { "Cache-Control": "no-store" } });
});

import { z } from "zod";
import { conversationState, listEarlierMessages, listMessages, postMessage } from "@/lib/chat/messages";
import { ZPostMessageSchema } from "@/lib/chat/schemas";
import { defineRoute, readJson } from "@/lib/route";

export const dynamic = "force-dynamic";

const ZAfter = z.coerce.number().int().min(0).catch(0);

/**
 * A conversation's messages after `?after=<seq>` (the catch-up after the stream opens or resyncs),
 * or the 200 before `?before=<seq>` (older messages), with its receipts and status. Outside the
 * user's conversations: 404.
 */
export const GET = defineRoute<{ id: string }>({ permission: "chat.stream", hideWhenDenied: true }, async (request, { user, params }) => {
  const query = new URL(request.url).searchParams;
  const id = params.id.slice(0, 40);
  const before = query.get("before");
  const [messages, state] = await Promise.all([
    before === null ? listMessages(user, id, ZAfter.parse(query.get("after") ?? 0)) : listEarlierMessages(user, id, ZAfter.parse(before)),
    conversationState(user, id),
  ]);
  return Response.json({ messages, state }, { headers: { "Cache-Control": "no-store" } });
});

/** Send a message: stored (and numbered) before the answer, which is the stored message. A retry with the same key returns it again. */
export const POST = defineRoute<{ id: string }>({ permission: "chat.stream", hideWhenDenied: true }, async (request, { user, params }) => {
  const input = await readJson(request, ZPostMessageSchema);
  const message = await postMessage(user, { conversationId: params.id.slice(0, 40), ...input });
  return Response.json(message, { status: 201, headers: { "Cache-Control": "no-store" } });
});

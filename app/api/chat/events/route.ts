import { openChatStream } from "@/lib/chat/stream";
import { defineRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

/**
 * The chat event stream (Server-Sent Events, lib/chat/stream.ts) for customers and support staff.
 * Signed out: 401; staff without a strong session: 403; anyone else signed in (a dealer): 404.
 */
export const GET = defineRoute({ permission: "chat.stream", hideWhenDenied: true }, async (request, { user }) => {
  const body = await openChatStream(user, request.signal);
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: no proxy or compression middleware may buffer the stream.
      "Cache-Control": "no-cache, no-store, no-transform",
      "X-Accel-Buffering": "no",
      Connection: "keep-alive",
    },
  });
});

import { unreadCount } from "@/lib/chat/messages";
import { defineRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

/** The unread count of the nav badge, refreshed by the page when the stream brings news. */
export const GET = defineRoute({ permission: "chat.stream", hideWhenDenied: true }, async (_request, { user }) => {
  return Response.json({ count: await unreadCount(user) }, { headers: { "Cache-Control": "no-store" } });
});

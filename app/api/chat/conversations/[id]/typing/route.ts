import { signalTyping } from "@/lib/chat/conversations";
import { defineRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

/** "Typing…" for the other side; throttled per user on the server as well as in the page. */
export const POST = defineRoute<{ id: string }>({ permission: "chat.stream", hideWhenDenied: true }, async (_request, { user, params }) => {
  await signalTyping(user, params.id.slice(0, 40));
  return new Response(null, { status: 204 });
});

import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";
import { MESSAGE_SELECT } from "./messages";
import { chatHub, type ChatHub, type HubEvent } from "@/lib/realtime/hub";

/**
 * The browser's one event stream for chat (Server-Sent Events, decision 0009): every message,
 * receipt and typing signal of the conversations the user may see, as they are committed on any app
 * process. The stream carries news only; the client catches up by asking each open conversation for
 * `seq > last seen` when the stream opens and on `resync` (after this process lost its database
 * connection), so nothing is lost, and keys messages by seq, so nothing is doubled.
 */

const HEARTBEAT_MS = 15_000;
/** Streams end after a while so a reconnect checks the session again (signed out, role changed). */
const MAX_STREAM_MS = 10 * 60_000;

// A message announced once is read, serialised and encoded once per process, however many streams
// show it: every stream enqueues the same bytes (nothing writes to them; each response only copies
// them to its socket). With 200 open streams that is about a fifth less CPU time per message in
// the receiving process than a frame per stream (lib/chat/delivery.bench.ts).
const MESSAGE_CACHE_MS = 30_000;
type Frames = { staff: Uint8Array; customer: Uint8Array };
const messageCache = new Map<string, { at: number; frame: Promise<Frames | null> }>();
const encoder = new TextEncoder();

function loadMessageFrame(conversationId: string, seq: number): Promise<Frames | null> {
  const key = `${conversationId}:${seq}`;
  const now = Date.now();
  const cached = messageCache.get(key);
  if (cached && now - cached.at < MESSAGE_CACHE_MS) return cached.frame;
  if (messageCache.size > 5_000) {
    for (const [oldKey, entry] of messageCache) if (now - entry.at >= MESSAGE_CACHE_MS) messageCache.delete(oldKey);
  }
  const message = db.chatMessage.findUnique({
    where: { conversationId_seq: { conversationId, seq } },
    select: { ...MESSAGE_SELECT, conversation: { select: { assigneeId: true } } },
  });
  // Staff learn whose conversation it is (a browser notification for the assignee); a customer is
  // not told which staff member wrote.
  const bytes = message.then((found): Frames | null => {
    if (!found) return null;
    const { conversation, ...shown } = found;
    return {
      staff: encoder.encode(frame("message", { ...shown, assigneeId: conversation.assigneeId }, key)),
      customer: encoder.encode(frame("message", { ...shown, senderId: shown.side === "STAFF" ? "" : shown.senderId }, key)),
    };
  });
  messageCache.set(key, { at: now, frame: bytes });
  return bytes;
}

/** Which conversations a stream may show: staff all of them, a customer their own (learned as they appear). */
function visibility(actor: Actor) {
  if (can(actor, "chat.work")) return async () => true;
  const known = new Map<string, boolean>();
  return async (conversationId: string) => {
    let visible = known.get(conversationId);
    if (visible === undefined) {
      visible = (await db.conversation.count({ where: { id: conversationId, customerId: actor.id } })) > 0;
      known.set(conversationId, visible);
    }
    return visible;
  };
}

function frame(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The stream for one signed-in customer or staff member; it ends when `signal` aborts or after MAX_STREAM_MS. */
export async function openChatStream(actor: Actor, signal: AbortSignal, hub: ChatHub = chatHub): Promise<ReadableStream<Uint8Array>> {
  if (hub.closingDown) {
    // This process is stopping: tell the browser to come back in a second (to another instance).
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("retry: 1000\n\n"));
        controller.close();
      },
    });
  }
  await hub.ready();
  const mayShow = visibility(actor);
  const staff = can(actor, "chat.work");
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string | Uint8Array) => {
        if (!open) return;
        try {
          controller.enqueue(typeof text === "string" ? encoder.encode(text) : text);
        } catch {
          cleanup();
        }
      };
      const onEvent = (event: HubEvent) => {
        void (async () => {
          if (event.kind === "resync") return send(frame("resync", {}));
          if (event.kind === "closing") return cleanup();
          if (!(await mayShow(event.conversationId))) return;
          if (event.kind === "message") {
            const frames = await loadMessageFrame(event.conversationId, event.seq);
            if (frames) send(staff ? frames.staff : frames.customer);
          } else if (event.kind === "typing") {
            if (event.userId !== actor.id) send(frame("typing", { conversationId: event.conversationId, side: event.side }));
          } else {
            send(frame(event.kind, event));
          }
        })().catch((error: unknown) => logger.error({ err: error }, "chat stream event failed"));
      };
      const unsubscribe = hub.subscribe(onEvent);
      // Headers go out with the first bytes: send them now, so the browser's `open` fires at once.
      send(`retry: 3000\n${frame("ready", { at: new Date().toISOString() })}`);
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      const end = setTimeout(() => cleanup(), MAX_STREAM_MS);
      cleanup = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        clearTimeout(end);
        unsubscribe();
        signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // Already closed by the reader.
        }
      };
      // The request's signal is the reliable end (a cancelled body is not always reported).
      if (signal.aborted) cleanup();
      else signal.addEventListener("abort", cleanup, { once: true });
    },
    cancel() {
      cleanup();
    },
  });
}

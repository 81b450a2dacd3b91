/**
 * The receiving app process of the chat delivery bench (lib/chat/delivery.bench.ts): a plain
 * node:http server, in a process of its own, that serves
 *   GET /events?user=ID&role=ROLE  the real chat stream (openChatStream through this process's
 *                                  ChatHub), as Server-Sent Events, for that actor;
 *   GET /baseline                  the bare-library baseline: one plain `pg` LISTEN on
 *                                  BASELINE_CHANNEL whose payloads are written as SSE frames to
 *                                  every open /baseline response, with nothing of ours in between;
 *   GET /memory[?gc=1]             process.memoryUsage() (after global.gc() with ?gc=1), the CPU time
 *                                  used so far and the open streams.
 * It uses the DATABASE_URL (and the rest of the environment) it is started with; once it listens it
 * prints one line of JSON on stdout (port, database name, baseline channel), and exits on SIGTERM.
 *
 *   node --expose-gc --import tsx --import ./scripts/lib/server-only.ts scripts/test/chat-stream-server.ts
 */
import { createServer, type ServerResponse } from "node:http";
import pg from "pg";
import type { Actor } from "../../lib/auth/permissions.ts";
import { openChatStream } from "../../lib/chat/stream.ts";
import { db } from "../../lib/db.ts";
import { env } from "../../lib/env.ts";
import { chatHub } from "../../lib/realtime/hub.ts";

const BASELINE_CHANNEL = "bench_delivery_baseline";

const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-store, no-transform",
  Connection: "keep-alive",
};

const baselineClients = new Set<ServerResponse>();
const listener = new pg.Client({ connectionString: env.DATABASE_URL, application_name: "bench-baseline-listener" });
await listener.connect();
listener.on("notification", (message) => {
  if (message.channel !== BASELINE_CHANNEL || !message.payload) return;
  const { id } = JSON.parse(message.payload) as { id: string };
  const text = `id: ${id}\nevent: message\ndata: ${message.payload}\n\n`;
  for (const response of baselineClients) response.write(text);
});
await listener.query(`LISTEN ${BASELINE_CHANNEL}`);

let chatStreams = 0;

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (url.pathname === "/events") {
    const abort = new AbortController();
    response.on("close", () => abort.abort());
    const actor = {
      id: url.searchParams.get("user") ?? "",
      role: (url.searchParams.get("role") ?? "SUPPORT_AGENT") as Actor["role"],
      dealerId: null,
    };
    void (async () => {
      const stream = await openChatStream(actor, abort.signal, chatHub);
      response.writeHead(200, SSE_HEADERS);
      chatStreams++;
      const reader = stream.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          response.write(value);
        }
      } finally {
        chatStreams--;
        response.end();
      }
    })().catch((error: unknown) => {
      console.error("chat stream failed", error);
      response.destroy();
    });
  } else if (url.pathname === "/baseline") {
    response.writeHead(200, SSE_HEADERS);
    response.write(`retry: 3000\nevent: ready\ndata: {}\n\n`);
    baselineClients.add(response);
    response.on("close", () => baselineClients.delete(response));
  } else if (url.pathname === "/memory") {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (url.searchParams.has("gc") && gc) for (let i = 0; i < 3; i++) gc();
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(
      JSON.stringify({
        ...process.memoryUsage(),
        cpu: process.cpuUsage(),
        chatStreams,
        baselineStreams: baselineClients.size,
        hubSubscribers: chatHub.subscriberCount,
      }),
    );
  } else {
    response.writeHead(404).end();
  }
});

process.once("SIGTERM", () => {
  for (const response of baselineClients) response.destroy();
  server.closeAllConnections();
  server.close();
  void Promise.allSettled([chatHub.close(), listener.end(), db.$disconnect()]).finally(() => process.exit(0));
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  console.log(JSON.stringify({ port, database: new URL(env.DATABASE_URL).pathname.slice(1), baselineChannel: BASELINE_CHANNEL }));
});

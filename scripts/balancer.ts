/**
 * A small local load balancer for trying the portal scaled out (README "Performance and scaling"):
 * round-robin over app processes, each request to the next one that is up. It streams both ways
 * (Server-Sent Events pass through as they come), appends the client's address to X-Forwarded-For
 * (run the app servers with TRUSTED_PROXY_HOPS=1), and takes a process out of the rotation while
 * its connections fail, sending the request to the next one when the first cannot have acted on
 * it (connection refused, or a read). Sessions live in PostgreSQL, chat fans out
 * through LISTEN/NOTIFY and jobs through pg-boss, so no stickiness is needed.
 *
 *   node --import tsx scripts/balancer.ts -p 3000 --to http://127.0.0.1:3001,http://127.0.0.1:3002
 *
 * In production use your platform's load balancer (nginx, HAProxy, a cloud one); this is the
 * same idea in a few lines, for a laptop and for the scale-out test.
 */
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

/** `onForward` is told which process each request went to (the scale-out test counts them). */
export function startBalancer(port: number, upstreams: URL[], host = "127.0.0.1", onForward?: (upstream: URL) => void) {
  let turn = 0;
  const downUntil = new Map<string, number>();

  const pick = (skip: Set<string>): URL | undefined => {
    for (let tried = 0; tried < upstreams.length; tried++) {
      const upstream = upstreams[turn++ % upstreams.length]!;
      if (skip.has(upstream.host) || (downUntil.get(upstream.host) ?? 0) > Date.now()) continue;
      return upstream;
    }
    // Every process looks down: try any not yet tried for this request rather than refuse.
    return upstreams.find((upstream) => !skip.has(upstream.host));
  };

  const proxy = (client: IncomingMessage, answer: ServerResponse, body: Buffer, tried: Set<string>) => {
    const upstream = pick(tried);
    if (!upstream) {
      answer.writeHead(502, { "Content-Type": "text/plain", "Retry-After": "2" }).end("No app process is answering.");
      return;
    }
    tried.add(upstream.host);
    onForward?.(upstream);
    const forwardedFor = [client.headers["x-forwarded-for"], client.socket.remoteAddress].filter(Boolean).join(", ");
    const outgoing = forward(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: client.method,
        path: client.url,
        headers: { ...client.headers, "x-forwarded-for": forwardedFor },
      },
      (reply) => {
        answer.writeHead(reply.statusCode ?? 502, reply.headers);
        // A process that dies mid-answer (a chat stream) ends the client's connection too, so
        // the browser reconnects (to the other process) instead of waiting on a dead stream.
        pipeline(reply, answer).catch(() => answer.destroy());
      },
    );
    outgoing.on("error", (error: NodeJS.ErrnoException) => {
      downUntil.set(upstream.host, Date.now() + 2_000);
      // Another process gets the request only if this one cannot have acted on it: the connection
      // was refused, or the request only reads. A write cut off mid-way is not sent twice.
      const retry = error.code === "ECONNREFUSED" || client.method === "GET" || client.method === "HEAD";
      if (!answer.headersSent && retry) proxy(client, answer, body, tried);
      else if (!answer.headersSent) answer.writeHead(502, { "Content-Type": "text/plain" }).end("The app process stopped answering.");
      else answer.destroy();
    });
    answer.on("close", () => outgoing.destroy());
    outgoing.end(body);
  };

  const server = createServer((client, answer) => {
    // The body is read first, so a request can be sent again to another process if the first refuses it.
    const chunks: Buffer[] = [];
    client.on("data", (chunk: Buffer) => chunks.push(chunk));
    client.on("end", () => proxy(client, answer, Buffer.concat(chunks), new Set()));
  });
  server.keepAliveTimeout = 65_000;
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    server.listen(port, host, () =>
      resolve({
        url: `http://localhost:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    );
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { p: { type: "string", default: "3000" }, to: { type: "string" }, H: { type: "string" } } });
  if (!values.to) throw new Error("--to http://127.0.0.1:3001,http://127.0.0.1:3002 (the app processes)");
  const upstreams = values.to.split(",").map((address) => new URL(address.trim()));
  const balancer = await startBalancer(Number(values.p), upstreams, values.H);
  console.log(`[balancer] ${balancer.url} → ${upstreams.map((upstream) => upstream.host).join(", ")}`);
}

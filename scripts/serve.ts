/**
 * The portal's HTTP server: Next.js behind a few lines of node:http, so that the client's address
 * comes from the connection. Next's own server keeps an X-Forwarded-For the client sent (it only
 * fills the header when absent), and App Router code cannot see the socket; a forged header would
 * reset every per-address throttle and put a made-up address in the audit log. Here the address is
 * worked out from the socket and TRUSTED_PROXY_HOPS (lib/security/client-address.ts) and written
 * over the header before Next sees the request.
 *
 * Used by `npm start` / `npm run dev` (scripts/start.ts) and the e2e suite:
 *   node --import tsx scripts/serve.ts [--dev] [-p PORT] [-H HOST]
 */
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "../lib/env-schema.ts";
import { clientAddressFromHops, PROXY_SET_HEADERS } from "../lib/security/client-address.ts";
import { securityHeaders } from "../lib/security/headers.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);

const dev = args.includes("--dev");
const port = Number.parseInt(option("-p") ?? process.env.PORT ?? "3000", 10);
const hostname = option("-H");
// As `next start` / `next dev` do; set before Next.js (and React) are loaded.
(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";
const trustedHops = parseEnv(process.env).TRUSTED_PROXY_HOPS;
const oidcHeaders = securityHeaders(process.env.NODE_ENV === "production");

const { default: next } = await import("next");
const app = next({ dev, dir: ROOT, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  const address = clientAddressFromHops(request.headers["x-forwarded-for"], request.socket.remoteAddress, trustedHops);
  if (address) request.headers["x-forwarded-for"] = address;
  else delete request.headers["x-forwarded-for"];
  if (trustedHops === 0) for (const header of PROXY_SET_HEADERS) delete request.headers[header];
  // The OpenID provider (lib/oidc/provider.ts) answers under /oidc before Next: it needs Node's
  // request and response, which route handlers do not get. instrumentation.ts builds it.
  if (/^\/oidc(\/|\?|$)/.test(request.url ?? "")) {
    const oidc = (globalThis as { portalOidc?: { handle: (q: typeof request, s: typeof response) => void } }).portalOidc;
    // The headers every Next answer gets (next.config.ts); the provider's pages set their own CSP.
    for (const { key, value } of oidcHeaders) response.setHeader(key, value);
    if (oidc) return oidc.handle(request, response);
    response.writeHead(503, { "Retry-After": "5", "Cache-Control": "no-store" }).end();
    return;
  }
  void handle(request, response);
});
server.on("upgrade", (request, socket, head) => void app.getUpgradeHandler()(request, socket, head));

// Job workers run in this process too (instrumentation.ts): let them finish before exiting.
const beforeExit = () => (globalThis as { portalBeforeExit?: () => Promise<void> }).portalBeforeExit?.() ?? Promise.resolve();
const stop = () => {
  server.close(() => void Promise.allSettled([app.close(), beforeExit()]).finally(() => process.exit(0)));
  // Chat streams stay open for minutes: end them (the browsers reconnect elsewhere or after the
  // restart and catch up), then drop the connections they leave idle. A last resort after 10 s.
  (globalThis as { portalEndStreams?: () => void }).portalEndStreams?.();
  setTimeout(() => server.closeIdleConnections(), 100).unref();
  setTimeout(() => server.closeAllConnections(), 10_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

server.listen(port, hostname, () => {
  console.log(
    `[serve] ${dev ? "development" : "production"} server on http://${hostname ?? "localhost"}:${port} (trusted proxy hops: ${trustedHops})`,
  );
});

import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * The POST of one webhook delivery. The receiver's address is checked when the connection is made
 * (the lookup below, so a name cannot resolve to one address when checked and another when used):
 * loopback, private, link-local and shared addresses are refused, unless the portal itself runs on
 * this machine (development, the tests, the demo), where receivers are local.
 */
const BLOCKED = new BlockList();
for (const [address, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["192.0.0.0", 24],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  BLOCKED.addSubnet(address, prefix, "ipv4");
}
for (const [address, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
  ["2002::", 16],
] as const) {
  BLOCKED.addSubnet(address, prefix, "ipv6");
}

export function isBlockedAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return BLOCKED.check(mapped, "ipv4");
  const family = isIP(address);
  return family === 4 ? BLOCKED.check(address, "ipv4") : family === 6 ? BLOCKED.check(address, "ipv6") : true;
}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as LookupAddress[];
      const usable = allowPrivate ? list : list.filter((entry) => !isBlockedAddress(entry.address));
      if (usable.length === 0)
        return callback(Object.assign(new Error(`refused address for ${hostname}`), { code: "EADDRNOTALLOWED" }), "", 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      return callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

export type SendResult = { status: number | null; body: string };

export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { allowPrivate: boolean; timeoutMs: number; keep: number },
): Promise<SendResult> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const literal = target.hostname.replace(/^\[|\]$/g, "");
    if (!options.allowPrivate && isIP(literal) && isBlockedAddress(literal)) {
      resolve({ status: null, body: "network error: refused address" });
      return;
    }
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    const outgoing = send(
      target,
      {
        method: "POST",
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.allowPrivate),
        // A fresh connection each time: a pooled socket would skip the address check above.
        agent: false,
        timeout: options.timeoutMs,
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
          // Enough kept for the log: the rest is not waited for.
          if (text.length >= options.keep) response.destroy();
        });
        response.on("close", () => resolve({ status: response.statusCode ?? null, body: text.slice(0, options.keep) }));
        response.on("end", () => resolve({ status: response.statusCode ?? null, body: text.slice(0, options.keep) }));
        response.on("error", () => resolve({ status: response.statusCode ?? null, body: text.slice(0, options.keep) }));
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error("timed out")));
    // A receiver that trickles its answer is cut off at the deadline, whatever it sends.
    const deadline = setTimeout(() => outgoing.destroy(new Error("timed out")), options.timeoutMs);
    outgoing.on("close", () => clearTimeout(deadline));
    outgoing.on("error", (error) => resolve({ status: null, body: `network error: ${error.message}`.slice(0, options.keep) }));
    outgoing.end(body);
  });
}

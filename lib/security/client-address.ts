import { isIP } from "node:net";

/**
 * The client's address as the portal's own server (scripts/serve.ts) works it out, before Next.js
 * sees the request (ASVS 6.3.1 throttles and 16.2.1 audit entries key on it).
 *
 * The socket's peer is the only address nobody can forge. With no proxy in front
 * (TRUSTED_PROXY_HOPS=0, the default) it is the client, and any X-Forwarded-For the client sent
 * is ignored. Each trusted proxy in front appends the address it received the connection from, so
 * with N trusted hops the client is the N-th entry counted leftwards from the socket; entries
 * further left were written by the client and are never used. An entry that is not an IP address
 * (a misconfigured proxy) falls back to the socket's peer.
 */
export function clientAddressFromHops(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  trustedHops: number,
): string | undefined {
  const peer = normalizeAddress(socketAddress);
  if (!peer) return undefined;
  if (trustedHops <= 0) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    peer,
  ];
  // Fewer entries than trusted hops: the request did not come through all the proxies (or the
  // setting is wrong); only the peer is certain.
  if (chain.length - 1 < trustedHops) return peer;
  return normalizeAddress(chain[chain.length - 1 - trustedHops]) ?? peer;
}

/** "::ffff:203.0.113.7" → "203.0.113.7", "[2001:db8::1]:443" → "2001:db8::1"; null when not an address. */
export function normalizeAddress(value: string | undefined): string | null {
  if (!value) return null;
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(address)) address = address.replace(/:\d+$/, "");
  if (address.toLowerCase().startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) ? address.toLowerCase() : null;
}

/**
 * Headers only a trusted proxy may set. Without one (0 hops) whatever the client sent in them is
 * removed, so Next.js fills them from the connection instead of keeping the client's values.
 */
export const PROXY_SET_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"] as const;

import { describe, expect, it } from "vitest";
import { clientAddressFromHops, normalizeAddress } from "./client-address";

describe("clientAddressFromHops", () => {
  it("[6.3.1] without trusted proxies takes the connection's peer and ignores a forged X-Forwarded-For", () => {
    expect(clientAddressFromHops("6.6.6.6", "203.0.113.7", 0)).toBe("203.0.113.7");
    expect(clientAddressFromHops("6.6.6.6, 7.7.7.7", "::ffff:203.0.113.7", 0)).toBe("203.0.113.7");
    expect(clientAddressFromHops(undefined, "::1", 0)).toBe("::1");
  });

  it("[6.3.1] with N trusted proxies takes the N-th entry left of the peer, never one the client wrote further left", () => {
    // client 198.51.100.9 → load balancer 10.0.0.5 → app: the balancer appended the client's address.
    expect(clientAddressFromHops("198.51.100.9", "10.0.0.5", 1)).toBe("198.51.100.9");
    // The client forged an entry; the balancer appended the real one after it.
    expect(clientAddressFromHops("6.6.6.6, 198.51.100.9", "10.0.0.5", 1)).toBe("198.51.100.9");
    // CDN → balancer → app: two hops.
    expect(clientAddressFromHops("6.6.6.6, 198.51.100.9, 172.16.0.3", "10.0.0.5", 2)).toBe("198.51.100.9");
    expect(clientAddressFromHops(["6.6.6.6, 198.51.100.9", "172.16.0.3"], "10.0.0.5", 2)).toBe("198.51.100.9");
  });

  it("falls back to the peer when the chain is shorter than the trusted hops, or holds garbage", () => {
    // Fewer entries than proxies: the left-most one may be the client's own writing.
    expect(clientAddressFromHops("198.51.100.9", "10.0.0.5", 3)).toBe("10.0.0.5");
    expect(clientAddressFromHops(undefined, "10.0.0.5", 1)).toBe("10.0.0.5");
    expect(clientAddressFromHops("not-an-ip", "10.0.0.5", 1)).toBe("10.0.0.5");
    expect(clientAddressFromHops("6.6.6.6", undefined, 0)).toBeUndefined();
  });
});

describe("normalizeAddress", () => {
  it("strips ports, brackets and the IPv4-mapped prefix", () => {
    expect(normalizeAddress("203.0.113.7:5123")).toBe("203.0.113.7");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("evil\u0000")).toBeNull();
  });
});

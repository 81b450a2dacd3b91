import createMiddleware from "next-intl/middleware";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { routing } from "@/lib/i18n/routing";
import { API_CSP, contentSecurityPolicy, createNonce, localeCookieFor, withDefaultCsp } from "./headers";

describe("content security policy", () => {
  it("[3.4.1] allows scripts only with this request's nonce (and what they load), never inline ones", () => {
    const nonce = createNonce();
    const policy = contentSecurityPolicy(nonce, true);
    const scriptSrc = policy.split("; ").find((part) => part.startsWith("script-src"));
    expect(scriptSrc).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(createNonce()).not.toBe(nonce);
    expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("locale cookie", () => {
  const cookieSetBy = (origin: string) => {
    const middleware = createMiddleware({ ...routing, localeCookie: localeCookieFor(origin) });
    // Switching to /en with a Japanese cookie: next-intl writes the cookie anew.
    const response = middleware(new NextRequest(`${origin}/en`, { headers: { cookie: "NEXT_LOCALE=ja", "accept-language": "ja" } }));
    return response.headers.get("set-cookie") ?? "";
  };

  it("[3.3.1] is Secure when the portal is served over https", () => {
    expect(cookieSetBy("https://portal.example")).toMatch(/NEXT_LOCALE=en;.*Secure/i);
  });

  it("stays usable on http://localhost (a Secure cookie would be dropped there)", () => {
    const cookie = cookieSetBy("http://localhost:3000");
    expect(cookie).toMatch(/NEXT_LOCALE=en/);
    expect(cookie).not.toMatch(/secure/i);
  });
});

describe("withDefaultCsp", () => {
  it("[3.4.1] gives API answers without a policy the API one, keeps a route's own, and copes with immutable redirects", () => {
    expect(withDefaultCsp(Response.json({ ok: true })).headers.get("content-security-policy")).toBe(API_CSP);
    const sandboxed = new Response("x", { headers: { "content-security-policy": "default-src 'none'; sandbox" } });
    expect(withDefaultCsp(sandboxed).headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    const redirect = withDefaultCsp(Response.redirect("https://files.example/abc", 302));
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe("https://files.example/abc");
    expect(redirect.headers.get("content-security-policy")).toBe(API_CSP);
  });
});

import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, hasBadCharacters, isOversizedAction, isUnsizedAction } from "./request-screen";

const action = (headers: Record<string, string>) => new Headers({ "next-action": "abc123", ...headers });

describe("request screen (proxy.ts)", () => {
  it("[2.2.1] finds control characters and broken encoding in the path and the query", () => {
    expect(hasBadCharacters(new URL("http://portal.test/api/files/abc%00def"))).toBe(true);
    expect(hasBadCharacters(new URL("http://portal.test/ja/x?serial=AC26%00"))).toBe(true);
    expect(hasBadCharacters(new URL("http://portal.test/ja/%E0%A4%A"))).toBe(true);
    expect(hasBadCharacters(new URL("http://portal.test/ja/mypage?serial=AC26-000001-K&q=%E6%97%A5"))).toBe(false);
  });

  it("[2.2.1] an action body over the limit is oversized; one without a declared length is unsized", () => {
    expect(isOversizedAction("POST", action({ "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) }))).toBe(true);
    expect(isOversizedAction("POST", action({ "content-length": String(ACTION_BODY_LIMIT_BYTES) }))).toBe(false);
    expect(isUnsizedAction("POST", action({ "transfer-encoding": "chunked" }))).toBe(true);
    expect(isUnsizedAction("POST", action({ "content-length": "10" }))).toBe(false);
    // Only server actions: uploads and API routes have their own streaming limits.
    expect(isUnsizedAction("POST", new Headers({ "transfer-encoding": "chunked" }))).toBe(false);
    expect(isUnsizedAction("GET", action({}))).toBe(false);
  });
});

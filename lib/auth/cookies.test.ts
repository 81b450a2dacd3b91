import { describe, expect, it } from "vitest";
import { sessionCookieFor } from "./cookies";

describe("session cookie", () => {
  it("[3.3.1] over https is __Host- prefixed, Secure, HttpOnly and SameSite=Lax on path /", () => {
    expect(sessionCookieFor("https://portal.example.jp")).toEqual({
      name: "__Host-portal.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
  });

  it("[3.3.1] on http://localhost (development and tests) is HttpOnly and Lax but cannot be Secure", () => {
    expect(sessionCookieFor("http://localhost:3000")).toEqual({
      name: "portal.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
    });
  });
});

import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInDestination } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it("keeps paths inside the portal, without the locale prefix", () => {
    expect(safeCallbackPath("/ja/mypage")).toBe("/mypage");
    expect(safeCallbackPath("/en/admin/audit?page=2")).toBe("/admin/audit?page=2");
    expect(safeCallbackPath("/dealer")).toBe("/dealer");
    expect(safeCallbackPath("/ja")).toBe("/");
  });

  it("drops anything that could leave the portal (open redirect)", () => {
    for (const value of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "mypage",
      "",
      undefined,
      null,
      "/ja//evil.example",
      "/ja/\t/evil.example",
      "/en//evil.example/path",
    ]) {
      expect(safeCallbackPath(value)).toBeUndefined();
    }
  });

  it("does not send a user back to the sign-in page", () => {
    expect(safeCallbackPath("/en/signin")).toBeUndefined();
  });

  it("leads a sign-in back to the page asked for only inside the role's own area", () => {
    expect(signInDestination("CUSTOMER", "/en/mypage/points?tab=history")).toBe("/mypage/points?tab=history");
    expect(signInDestination("CUSTOMER", "/ja/admin/audit")).toBe("/mypage");
    expect(signInDestination("SUPPORT_LEAD", "/en/admin/audit")).toBe("/admin/audit");
    expect(signInDestination("DEALER_STAFF", "/en/mypage")).toBe("/dealer");
    expect(signInDestination("CUSTOMER", "/ja/oidc/abc")).toBe("/oidc/abc");
    expect(signInDestination("ADMIN", "https://evil.example/")).toBe("/admin");
  });
});

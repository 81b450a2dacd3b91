import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "./origin";

const portal = "https://portal.example.jp";

describe("isCrossSiteWrite", () => {
  it("[3.5.1] refuses a POST whose Origin is another site, or a sibling subdomain", () => {
    expect(isCrossSiteWrite("POST", new Headers({ origin: "https://evil.example" }), portal)).toBe(true);
    expect(isCrossSiteWrite("POST", new Headers({ origin: "https://shop.example.jp" }), portal)).toBe(true);
    expect(isCrossSiteWrite("DELETE", new Headers({ origin: "null" }), portal)).toBe(true);
    expect(isCrossSiteWrite("POST", new Headers({ "sec-fetch-site": "cross-site" }), portal)).toBe(true);
  });

  it("[3.5.1] lets the portal's own POSTs and every GET through", () => {
    expect(isCrossSiteWrite("POST", new Headers({ origin: portal }), portal)).toBe(false);
    expect(isCrossSiteWrite("POST", new Headers({ "sec-fetch-site": "same-origin" }), portal)).toBe(false);
    expect(isCrossSiteWrite("GET", new Headers({ origin: "https://evil.example" }), portal)).toBe(false);
  });
});

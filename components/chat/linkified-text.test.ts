import { describe, expect, it } from "vitest";
import { linkParts } from "./linkified-text";

describe("links in chat messages", () => {
  it("makes http(s) addresses links and leaves everything else as text, markup included", () => {
    expect(linkParts("See https://example.com/manual?p=12. <b>bold</b>")).toEqual([
      { text: "See " },
      { text: "https://example.com/manual?p=12", href: "https://example.com/manual?p=12" },
      { text: ". <b>bold</b>" },
    ]);
  });

  it("ends a link at Japanese punctuation and brackets, and never links other schemes", () => {
    expect(linkParts("説明書（https://example.com/a）をご覧ください。javascript:alert(1)")).toEqual([
      { text: "説明書（" },
      { text: "https://example.com/a", href: "https://example.com/a" },
      { text: "）をご覧ください。javascript:alert(1)" },
    ]);
    expect(linkParts("ftp://example.com data:text/html,x").every((part) => part.href === undefined)).toBe(true);
  });
});

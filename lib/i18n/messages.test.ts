import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import ja from "./messages/ja.json";

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function leaves(tree: object): [string, string][] {
  return keys(tree).map((path) => [
    path,
    path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree) as string,
  ]);
}

describe("message catalogs", () => {
  it("have exactly the same keys in Japanese and English", () => {
    expect(keys(en).sort()).toEqual(keys(ja).sort());
  });

  it("have no empty message", () => {
    for (const [path, value] of [...leaves(ja), ...leaves(en)]) {
      expect(value.trim(), path).not.toBe("");
    }
  });

  it("use the same placeholders in both languages", () => {
    // "{name}" and "{name, plural, ...}" are placeholders; "{A passkey was added.}" is select branch text.
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();
    const english = new Map(leaves(en));
    for (const [path, value] of leaves(ja)) {
      expect(placeholders(english.get(path) ?? ""), path).toEqual(placeholders(value));
    }
  });
});

describe("email templates", () => {
  it("render every template in both languages from the catalog, with its link in text and HTML", async () => {
    const { renderEmail } = await import("@/lib/email/templates");
    const url = "http://localhost:3000/ja/verify-email?token=abc";
    const templates = [
      { name: "verifyEmail", url },
      { name: "magicLink", url },
      { name: "passwordReset", url },
      { name: "accountExists", url },
      { name: "passwordChanged" },
      { name: "secondFactorChanged", change: "passkeyAdded" },
      { name: "emailChange", url, newEmail: "new@example.jp" },
      { name: "emailChanged", newEmail: "new@example.jp" },
      { name: "transferCompleted", product: "ルームエアコン", serial: "AC26000001K", url },
      { name: "recallNotice", title: "室外機の点検", url },
      { name: "claimDecided", serial: "AC26000001K", url, result: "approved", reason: "none", note: "", hasNote: "no" },
      {
        name: "claimDecided",
        serial: "AC26000001K",
        url,
        result: "rejected",
        reason: "proofUnreadable",
        note: "レシートの日付が読めません",
        hasNote: "yes",
      },
      { name: "ownershipMoved", serial: "AC26000001K", url },
    ] as const;
    for (const locale of ["ja", "en"] as const) {
      for (const template of templates) {
        const email = renderEmail(template, locale);
        expect(email.subject, template.name).not.toMatch(/^email\.|\{/);
        expect(email.text).not.toMatch(/\{|^email\./m);
        expect(email.html).toContain(`lang="${locale}"`);
        if ("url" in template) {
          expect(email.text).toContain(url);
          expect(email.html).toContain(url.replace(/&/g, "&#38;"));
        }
      }
    }
    expect(renderEmail({ name: "emailChanged", newEmail: "<b>x</b>@example.jp" }, "en").html).not.toContain("<b>x</b>");
  });
});

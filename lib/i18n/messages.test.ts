import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import ja from "./messages/ja.json";

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function leaves(tree: object): [string, string][] {
  return keys(tree).map((path) => [path, path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree) as string]);
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
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    const english = new Map(leaves(en));
    for (const [path, value] of leaves(ja)) {
      expect(placeholders(english.get(path) ?? ""), path).toEqual(placeholders(value));
    }
  });
});

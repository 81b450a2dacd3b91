import { describe, expect, it } from "vitest";
import { clientModulesOf, entriesByScope, namespacesOf } from "@/scripts/test/client-namespaces";
import ja from "./messages/ja.json";
import { CLIENT_NAMESPACES, clientMessages } from "./client-messages";

describe("the messages sent to the browser (decision 0015)", () => {
  const entries = entriesByScope();
  const shared = namespacesOf(clientModulesOf(entries.shared), ja);

  it("the shared list is exactly what the root layout and the area shell use", () => {
    expect([...shared.keys()].sort()).toEqual([...CLIENT_NAMESPACES.shared].sort());
  });

  for (const scope of ["public", "mypage", "admin", "dealer"] as const) {
    it(`${scope}: every namespace its client components use is sent, and no other`, () => {
      const needed = namespacesOf(clientModulesOf(entries[scope]), ja);
      const own = [...needed.keys()].filter((name) => !shared.has(name)).sort();
      const missing = own.filter((name) => !(CLIENT_NAMESPACES[scope] as readonly string[]).includes(name));
      // Named with the files that use it, so the fix is obvious.
      expect(Object.fromEntries(missing.map((name) => [name, [...needed.get(name)!]]))).toEqual({});
      expect([...CLIENT_NAMESPACES[scope]].sort()).toEqual(own);
    });
  }

  it("finds a namespace a client component translates with, and picks only the scope's namespaces", () => {
    const admin = namespacesOf(clientModulesOf(entries.admin), ja);
    expect([...admin.get("engagement")!]).toContain("components/admin/engagement/segment-builder.tsx");
    const picked = clientMessages(ja, "dealer");
    expect(Object.keys(picked).sort()).toEqual(["common", "dealer", "locale", "nav", "table", "validation"]);
  });
});

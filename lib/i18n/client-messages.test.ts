import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clientModulesOf, entriesByScope, layoutOf, namespacesOf } from "@/scripts/test/client-namespaces";
import ja from "./messages/ja.json";
import { CLIENT_NAMESPACES, clientMessages, SHARED_CLIENT_NAMESPACES, type ClientMessagesScope } from "./client-messages";

describe("the messages sent to the browser (decision 0015)", () => {
  const scopes = Object.keys(CLIENT_NAMESPACES) as ClientMessagesScope[];
  const entries = entriesByScope(scopes);
  const shared = namespacesOf(clientModulesOf(entries.shared), ja);

  it("the shared list is exactly what the root layout and the area shell use", () => {
    expect([...shared.keys()].sort()).toEqual([...SHARED_CLIENT_NAMESPACES].sort());
  });

  for (const scope of scopes) {
    it(`${scope}: every namespace its client components use is sent, and no other`, () => {
      const needed = namespacesOf(clientModulesOf(entries[scope]), ja);
      const own = [...needed.keys()].filter((name) => !shared.has(name)).sort();
      const missing = own.filter((name) => !(CLIENT_NAMESPACES[scope] as readonly string[]).includes(name));
      // Named with the files that use it, so the fix is obvious.
      expect(Object.fromEntries(missing.map((name) => [name, [...needed.get(name)!]]))).toEqual({});
      expect([...CLIENT_NAMESPACES[scope]].sort()).toEqual(own);
      if (scope !== "public") expect(readFileSync(layoutOf(scope), "utf8")).toContain(`<ClientMessages scope="${scope}">`);
    });
  }

  it("finds a namespace a client component translates with, and picks only the scope's namespaces", () => {
    const engagement = namespacesOf(clientModulesOf(entries["admin/engagement"]), ja);
    expect([...engagement.get("engagement")!]).toContain("components/admin/engagement/segment-builder.tsx");
    // A form's zod schema names its messages as keys: the form translates them in the browser.
    expect([...engagement.get("profiling")!]).toContain("lib/profiling/schemas.ts");
    // Permission names look like keys ("repairs.work") and are not; server actions stay on the server.
    expect(shared.has("repairs")).toBe(false);
    const picked = clientMessages(ja, "dealer");
    expect(Object.keys(picked).sort()).toEqual(["common", "dealer", "locale", "nav", "table", "validation"]);
  });
});

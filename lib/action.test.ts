import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("@/scripts/test/intl")).nextIntlServer);

const { actionConfigs, defineAction } = await import("./action");

describe("defineAction", () => {
  it("[2.2.1] its last net refuses control characters and half a surrogate pair in any string, before the handler runs", async () => {
    fakeRequest.reset();
    const handler = vi.fn(async () => "done");
    // A schema that forgot the text primitives: plain strings, nested.
    const schema = z.object({ name: z.string(), lines: z.array(z.object({ text: z.string() })) });
    const action = defineAction({ schema, public: true }, handler);
    const refused = await action({ name: "half \uD83D", lines: [{ text: "a\u0000b" }] });
    expect(refused).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const { fieldErrors } = (refused as { error: { fieldErrors: Record<string, string> } }).error;
    expect(Object.keys(fieldErrors).sort()).toEqual(["lines.0.text", "name"]);
    expect(fieldErrors.name).toContain("絵文字");
    expect(handler).not.toHaveBeenCalled();
    expect(await action({ name: "😀 ok", lines: [{ text: "line\nbreak" }] })).toEqual({ ok: true, data: "done" });
  });

  it("keeps each action's schema and access for tests that reach every action (the fuzz test)", () => {
    const schema = z.object({ id: z.string() });
    const action = defineAction({ schema, permission: "products.own" }, async () => null);
    expect(actionConfigs.get(action)).toEqual({ schema, permission: "products.own" });
  });
});

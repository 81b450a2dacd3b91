import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("@/scripts/test/intl")).nextIntlServer);

const { actionConfigs, defineAction } = await import("./action");

describe("defineAction", () => {
  it("keeps each action's schema and access for tests that reach every action (the fuzz test)", () => {
    const schema = z.object({ id: z.string() });
    const action = defineAction({ schema, permission: "products.own" }, async () => null);
    expect(actionConfigs.get(action)).toEqual({ schema, permission: "products.own" });
  });
});

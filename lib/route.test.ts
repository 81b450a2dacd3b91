import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("@/scripts/test/intl")).nextIntlServer);

const { defineRoute, routeConfigs } = await import("./route");

describe("defineRoute", () => {
  const route = defineRoute<{ id: string }>({ public: true }, async () => Response.json({}));

  it("keeps each handler's access for tests that reach every route (the fuzz test)", () => {
    expect(routeConfigs.get(route as never)).toEqual({ public: true });
  });
});

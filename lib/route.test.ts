import { describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("@/scripts/test/intl")).nextIntlServer);

const { db } = await import("@/lib/db");
const { defineRoute, routeConfigs } = await import("./route");

describe("defineRoute", () => {
  // A handler that hands its parameter and query to PostgreSQL, as many do.
  const route = defineRoute<{ id: string }>({ public: true }, async (request, { params }) => {
    const name = new URL(request.url).searchParams.get("name") ?? "";
    const found = await db.user.findFirst({ where: { OR: [{ id: params.id }, { name }] }, select: { id: true } });
    return Response.json({ found: Boolean(found) });
  });
  // The URL's own path is not read; the decoded parameter comes in `params`, as Next gives it.
  const call = (id: string, query = "") =>
    route(new Request(`http://localhost:3999/api/x/id${query}`), { params: Promise.resolve({ id }) });

  it("[2.2.1] a route parameter or query value with a control character is refused, never a 500 from PostgreSQL", async () => {
    fakeRequest.reset();
    expect((await call("a\u0000b")).status).toBe(404);
    expect((await call("\uD800")).status).toBe(404);
    expect((await call("ok", "?name=%00")).status).toBe(422);
    expect((await call("ok", "?name=%E5%B1%B1")).status).toBe(200);
  });

  it("keeps each handler's access for tests that reach every route (the fuzz test)", () => {
    expect(routeConfigs.get(route as never)).toEqual({ public: true });
  });
});

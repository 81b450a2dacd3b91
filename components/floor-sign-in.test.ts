import { describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("@/scripts/test/intl")).nextIntlServer);
// The floor as the harness runs it (BENCH_FLOOR_PAGES=on); floor-page.test.ts covers it off.
vi.mock("@/lib/env", async (original) => {
  const actual = await original<typeof import("@/lib/env")>();
  return { ...actual, env: { ...actual.env, BENCH_FLOOR_PAGES: "on" } };
});

const { POST: signInFloor } = await import("@/app/api/floor/sign-in/route");

const post = (body: unknown) =>
  signInFloor(
    new Request("http://localhost/api/floor/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );

describe("the load harness's sign-in floor, when on", () => {
  it("verifies the password as a sign-in does and answers where to go, refusing a wrong one or a bad body", async () => {
    fakeRequest.reset();
    const ok = await post({ email: "anyone@example.com", password: "bench-password-2026" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ next: "/ja/mypage" });
    expect((await post({ email: "anyone@example.com", password: "something-else-entirely" })).status).toBe(401);
    expect((await post({ email: "not an email" })).status).toBe(422);
  });
});

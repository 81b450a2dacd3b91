import { describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("@/scripts/test/intl")).nextIntlServer);

const { env } = await import("@/lib/env");
const { FloorPage } = await import("./floor-page");
const { POST: signInFloor } = await import("@/app/api/floor/sign-in/route");

describe("the load harness's floors", () => {
  it("do not exist unless BENCH_FLOOR_PAGES is on (the default is off)", async () => {
    expect(env.BENCH_FLOOR_PAGES).toBe("off");
    await expect(FloorPage()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    const request = new Request("http://localhost/api/floor/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@example.com", password: "bench-password-2026" }),
    });
    fakeRequest.reset();
    const response = await signInFloor(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(404);
  });
});

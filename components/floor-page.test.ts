import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { FloorPage } from "./floor-page";

describe("the load harness's floor pages", () => {
  it("do not exist unless BENCH_FLOOR_PAGES is on (the default is off)", async () => {
    expect(env.BENCH_FLOOR_PAGES).toBe("off");
    await expect(FloorPage()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
});

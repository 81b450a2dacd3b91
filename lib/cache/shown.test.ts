import { describe, expect, it } from "vitest";
import { forgetShown, keptForDisplay } from "./shown";

describe("keptForDisplay", () => {
  it("reads once per time to live, again after it or after a change to one of its sources", async () => {
    let reads = 0;
    const shown = keptForDisplay(async () => ++reads, { ttlMs: 1_000, sources: ["dealers"] });
    expect(await shown.get(0)).toBe(1);
    expect(await shown.get(999)).toBe(1);
    expect(await shown.get(1_000)).toBe(2);
    forgetShown("models");
    expect(await shown.get(1_001)).toBe(2);
    forgetShown("dealers");
    expect(await shown.get(1_002)).toBe(3);
  });

  it("does not keep a failed read", async () => {
    let reads = 0;
    const shown = keptForDisplay(
      async () => {
        reads++;
        if (reads === 1) throw new Error("database gone");
        return reads;
      },
      { ttlMs: 60_000, sources: ["staff"] },
    );
    await expect(shown.get(0)).rejects.toThrow("database gone");
    expect(await shown.get(1)).toBe(2);
  });
});

/** Median and p95 of a bench's timings, and the paired timing loop the benches share. */
export type Timing = { median: number; p95: number };

export function summary(times: number[]): Timing {
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.ceil(times.length * 0.95) - 1]! };
}

/** Times both sides in one loop, one after the other, so a noisy moment of the machine hits both. */
export async function pairedTimings(
  page: () => Promise<unknown>,
  plain: () => Promise<unknown>,
  options: { runs: number; warmup: number },
): Promise<{ page: Timing; plain: Timing }> {
  for (let i = 0; i < options.warmup; i++) await Promise.all([page(), plain()]);
  const times = { page: [] as number[], plain: [] as number[] };
  for (let i = 0; i < options.runs; i++) {
    for (const [side, work] of [
      ["page", page],
      ["plain", plain],
    ] as const) {
      const started = performance.now();
      await work();
      times[side].push(performance.now() - started);
    }
  }
  return { page: summary(times.page), plain: summary(times.plain) };
}

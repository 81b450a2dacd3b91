import { randomUUID } from "node:crypto";
import { afterAll, bench, describe, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { createRegistryImport, runRegistryImport } = await import("./registry-import");
const { withCheckDigit } = await import("./serial-format");

/**
 * `npm run bench`: a 100,000-row serial-registry import (issue 4: "handles 100k rows without
 * trouble") against the embedded PostgreSQL. Time per import comes from Vitest; the heap peak is
 * sampled and printed at the end. Targets are read here, never asserted in tests.
 */
const ROWS = 100_000;
const admin = await db.user.create({ data: { email: `bench-${randomUUID()}@test.example`, role: "ADMIN" } });
let peakHeap = 0;
const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);

async function csvFor(): Promise<{ csv: string; modelCode: string }> {
  const prefix = randomUUID().replace(/-/g, "").slice(0, 6).toUpperCase();
  const modelCode = `B-${prefix}`;
  await db.productModel.create({
    data: {
      code: modelCode,
      nameJa: "ベンチ",
      nameEn: "Bench",
      category: "bench",
      warrantyMonths: 12,
      serialPattern: `${prefix}[0-9]{7}[0-9A-Z]`,
      checkDigit: "ISO7064_MOD37_36",
    },
  });
  const lines = ["serial,model_code,manufactured_on,lot"];
  for (let n = 0; n < ROWS; n++)
    lines.push(`${withCheckDigit(`${prefix}${String(n).padStart(7, "0")}`, "ISO7064_MOD37_36")},${modelCode},2026-01-15,LOT-${n % 100}`);
  return { csv: lines.join("\n"), modelCode };
}

async function* chunks(text: string, size = 64 * 1024) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

// One fresh model and file per run, made before timing starts, so every run imports new serials.
const RUNS = 3;
const inputs = await Promise.all(Array.from({ length: RUNS + 1 }, csvFor));

describe("serial registry import", () => {
  bench(
    `${ROWS.toLocaleString("en")} rows, all or nothing`,
    async () => {
      const input = inputs.pop();
      if (!input) throw new Error("more runs than prepared files");
      const id = await createRegistryImport(admin.id, "bench.csv");
      await runRegistryImport(id, admin.id, chunks(input.csv));
      const result = await db.serialImport.findUniqueOrThrow({ where: { id } });
      if (result.status !== "DONE" || result.importedRows !== ROWS)
        throw new Error(`import ended ${result.status}: ${JSON.stringify(result.errors).slice(0, 300)}`);
    },
    { iterations: RUNS, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});

afterAll(() => {
  clearInterval(sampler);
  console.log(`peak heap during the bench: ${(peakHeap / 1024 / 1024).toFixed(0)} MB`);
});

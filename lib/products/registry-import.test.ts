import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { createRegistryImport, previewRegistryCsv, receiveRegistryCsv, runRegistryImport } = await import("./registry-import");
const { withCheckDigit } = await import("./serial-format");

async function* textChunks(text: string, size = 64 * 1024) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function setup() {
  const admin = await db.user.create({ data: { email: `admin-${randomUUID()}@test.example`, role: "ADMIN" } });
  const code = `T-${randomUUID().slice(0, 8).toUpperCase()}`;
  // A prefix of its own per test, so serials never collide with another test's in the same database.
  const prefix = randomUUID().replace(/-/g, "").slice(0, 6).toUpperCase();
  const model = await db.productModel.create({
    data: {
      code,
      nameJa: "テスト",
      nameEn: "Test",
      category: "test",
      warrantyMonths: 12,
      serialPattern: `${prefix}[0-9]{7}[0-9A-Z]`,
      checkDigit: "ISO7064_MOD37_36",
    },
  });
  const serial = (n: number) => withCheckDigit(`${prefix}${String(n).padStart(7, "0")}`, "ISO7064_MOD37_36");
  return { admin, model, code, serial };
}

describe("registry import", () => {
  it("imports nothing when any row is bad, and names each bad row", async () => {
    const { admin, model, code, serial } = await setup();
    const text = `serial,model_code,manufactured_on,lot\n${serial(1)},${code},2026-01-01,A\n${serial(2)},${code},2026-02-30,A\n${serial(3)},NOPE,2026-01-01,A\n`;
    const id = await createRegistryImport(admin.id, "bad.csv");
    await runRegistryImport(id, admin.id, textChunks(text));
    const result = await db.serialImport.findUniqueOrThrow({ where: { id } });
    expect(result).toMatchObject({ status: "FAILED", errorCount: 2, importedRows: 0, totalRows: 3 });
    expect(result.errors).toEqual([
      { line: 3, problem: "badDate", value: "2026-02-30" },
      { line: 4, problem: "unknownModel", value: "NOPE" },
    ]);
    expect(await db.serialUnit.count({ where: { modelId: model.id } })).toBe(0);
  });

  it("refuses serials that are already in the registry", async () => {
    const { admin, model, code, serial } = await setup();
    await db.serialUnit.create({ data: { serial: serial(5), modelId: model.id, manufacturedOn: new Date("2026-01-01") } });
    const id = await createRegistryImport(admin.id, "again.csv");
    await runRegistryImport(
      id,
      admin.id,
      textChunks(`serial,model_code,manufactured_on\n${serial(4)},${code},2026-01-01\n${serial(5)},${code},2026-01-01\n`),
    );
    expect(await db.serialImport.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "FAILED",
      errors: [{ line: 3, problem: "alreadyInRegistry", value: serial(5) }],
    });
    expect(await db.serialUnit.count({ where: { modelId: model.id } })).toBe(1);
  });

  it("imports 100,000 rows in one go, all or nothing", async () => {
    const { admin, model, code, serial } = await setup();
    const lines = ["serial,model_code,manufactured_on,lot"];
    for (let n = 0; n < 100_000; n++) lines.push(`${serial(n)},${code},2026-01-15,LOT-${n % 100}`);
    const id = await createRegistryImport(admin.id, "big.csv");
    await runRegistryImport(id, admin.id, textChunks(lines.join("\n")));
    expect(await db.serialImport.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DONE",
      importedRows: 100_000,
      totalRows: 100_000,
      errorCount: 0,
    });
    expect(await db.serialUnit.count({ where: { modelId: model.id } })).toBe(100_000);
  }, 120_000);

  it("receives an uploaded file: expected rows first (for the progress bar), the import when run", async () => {
    const { admin, model, code, serial } = await setup();
    const body = (async function* () {
      yield new TextEncoder().encode(
        `serial,model_code,manufactured_on\n${serial(1)},${code},2026-01-01\n${serial(2)},${code},2026-01-01\n`,
      );
    })();
    const { importId, run } = await receiveRegistryCsv(admin.id, "two.csv", body);
    expect(await db.serialImport.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({ status: "RUNNING", totalRows: 2 });
    await run();
    expect(await db.serialUnit.count({ where: { modelId: model.id } })).toBe(2);
    const empty = (async function* () {})();
    await expect(receiveRegistryCsv(admin.id, "empty.csv", empty)).rejects.toMatchObject({ messageKey: "registry.emptyFile" });
  });

  it("previews a file without writing anything: row count, first rows and every problem, including the registry's", async () => {
    const { admin, model, code, serial } = await setup();
    await db.serialUnit.create({ data: { serial: serial(9), modelId: model.id, manufacturedOn: new Date("2026-01-01") } });
    const bytes = (text: string) =>
      (async function* () {
        yield new TextEncoder().encode(text);
      })();
    const good = Array.from({ length: 7 }, (_, n) => `${serial(n + 1)},${code},2026-01-01,A`);
    const clean = await previewRegistryCsv(bytes(["serial,model_code,manufactured_on,lot", ...good].join("\n")));
    expect(clean).toMatchObject({ totalRows: 7, importableRows: 7, errorCount: 0, errors: [] });
    expect(clean.firstRows.map((row) => row.serial)).toEqual(good.slice(0, 5).map((line) => line.split(",")[0]));

    const bad = await previewRegistryCsv(
      bytes(["serial,model_code,manufactured_on,lot", good[0], `${serial(9)},${code},2026-02-30,A`].join("\n")),
    );
    expect(bad).toMatchObject({ totalRows: 2, importableRows: 0, errorCount: 2 });
    expect(bad.errors).toEqual([
      { line: 3, problem: "badDate", value: "2026-02-30" },
      { line: 3, problem: "alreadyInRegistry", value: serial(9) },
    ]);
    expect(await db.serialUnit.count({ where: { modelId: model.id } })).toBe(1);
    expect(await db.serialImport.count({ where: { createdById: admin.id } })).toBe(0);
  });
});

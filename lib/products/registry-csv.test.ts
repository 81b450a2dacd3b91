import { describe, expect, it } from "vitest";
import { parseRegistryCsv, type RegistryModel } from "./registry-csv";
import { withCheckDigit } from "./serial-format";

const MODELS = new Map<string, RegistryModel>([
  ["AC-2600", { id: "m1", code: "AC-2600", format: { pattern: "AC26[0-9]{6}[0-9A-Z]", checkDigit: "ISO7064_MOD37_36" } }],
  ["VC-7", { id: "m2", code: "VC-7", format: { pattern: "[0-9]{10}", checkDigit: "LUHN" } }],
]);
const ac = (n: number) => withCheckDigit(`AC26${String(n).padStart(6, "0")}`, "ISO7064_MOD37_36");
const vc = (n: number) => withCheckDigit(String(n).padStart(9, "0"), "LUHN");

async function* chunks(text: string, size = 7) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

const parseText = (text: string) => parseRegistryCsv(chunks(text), MODELS, { today: "2026-11-21" });

describe("parseRegistryCsv", () => {
  it("reads valid rows, normalising serials, model codes, dates and empty lots", async () => {
    const text = `serial,model_code,manufactured_on,lot\n${ac(1).toLowerCase()},ac-2600,2026/04/01,L-01\n${vc(2)},VC-7,2026-05-02,\n`;
    const result = await parseText(text);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, serial: ac(1), modelCode: "AC-2600", manufacturedOn: "2026-04-01", lot: "L-01" },
      { line: 3, serial: vc(2), modelCode: "VC-7", manufacturedOn: "2026-05-02", lot: null },
    ]);
  });

  it("names every bad row with its line number and reason", async () => {
    const badCheck = ac(3).slice(0, -1) + (ac(3).endsWith("0") ? "1" : "0");
    const text = [
      "シリアル番号,型番,製造日,ロット",
      `${ac(1)},AC-2600,2026-04-01,L1`,
      `${ac(2)},XX-1,2026-04-01,L1`,
      `${badCheck},AC-2600,2026-04-01,L1`,
      `ZZ123,AC-2600,2026-04-01,L1`,
      `${ac(4)},AC-2600,2026-02-30,L1`,
      `${ac(5)},AC-2600,2027-01-01,L1`,
      `${ac(1)},AC-2600,2026-04-01,L1`,
      `,AC-2600,2026-04-01,L1`,
      `"${ac(6)},AC-2600,2026-04-01,L1`,
    ].join("\r\n");
    const result = await parseText(text);
    expect(result.rows.map((row) => row.line)).toEqual([2]);
    expect(result.errors.map((e) => [e.line, e.problem])).toEqual([
      [3, "unknownModel"],
      [4, "serialCheckDigit"],
      [5, "serialPattern"],
      [6, "badDate"],
      [7, "futureDate"],
      [8, "duplicateInFile"],
      [9, "missingSerial"],
      [10, "malformed"],
    ]);
    expect(result.errors.find((e) => e.problem === "duplicateInFile")?.value).toBe(`${ac(1)} (2)`);
  });

  it("[2.2.1] names a control character in any cell instead of letting it reach PostgreSQL", async () => {
    const text = [
      "serial,model_code,manufactured_on,lot",
      `${ac(1)},AC-2600,2026-04-01,L\u00001`,
      `${ac(2)},AC-2600,2026-04-01,L\u001b2`,
    ].join("\n");
    const result = await parseText(text);
    expect(result.rows).toEqual([]);
    expect(result.errors.map((e) => [e.line, e.problem, e.value])).toEqual([
      [2, "controlCharacters", "lot"],
      [3, "controlCharacters", "lot"],
    ]);
  });

  it("lists every problem of a row, not only the first", async () => {
    const longLot = "L".repeat(41);
    const text = [
      "serial,model_code,manufactured_on,lot",
      `${ac(1)},AC-2600,2026-04-01,L1`,
      `,NOPE-9,2026-13-01,${longLot}`,
      `${ac(1).slice(0, -1)}Z,AC-2600,2027-01-01,L1`,
      `${ac(1)},AC-2600,soon,${longLot}`,
    ].join("\n");
    const result = await parseText(text);
    expect(result.rows.map((row) => row.line)).toEqual([2]);
    expect(result.errors.map((e) => [e.line, e.problem])).toEqual([
      [3, "missingSerial"],
      [3, "unknownModel"],
      [3, "badDate"],
      [3, "lotTooLong"],
      [4, "serialCheckDigit"],
      [4, "futureDate"],
      [5, "badDate"],
      [5, "lotTooLong"],
      [5, "duplicateInFile"],
    ]);
    expect(result.errorCount).toBe(9);
    // Rows refused for other reasons still go to the registry check with a readable serial.
    expect(result.rejectedSerials).toEqual([{ line: 5, serial: ac(1) }]);
  });

  it("refuses a file without the needed columns", async () => {
    const result = await parseText("serial,lot\nA,B\n");
    expect(result).toMatchObject({ headerProblem: "missingColumns", rows: [] });
  });

  it("reads 100,000 rows, reporting progress, and caps the error list but not the count", async () => {
    const lines = ["serial,model_code,manufactured_on,lot"];
    for (let i = 0; i < 100_000; i++) lines.push(`${vc(i)},VC-7,2026-01-15,LOT${i % 50}`);
    for (let i = 0; i < 1500; i++) lines.push(`BAD${i},VC-7,2026-01-15,`);
    const progress: number[] = [];
    const result = await parseRegistryCsv(chunks(lines.join("\n"), 64 * 1024), MODELS, {
      today: "2026-11-21",
      onProgress: (n) => progress.push(n),
    });
    expect(result.rows).toHaveLength(100_000);
    expect(result.totalRows).toBe(101_500);
    expect(result.errorCount).toBe(1500);
    expect(result.errors).toHaveLength(1000);
    expect(progress.at(-1)).toBe(101_500);
    expect(progress.length).toBeGreaterThan(10);
  });
});

import { describe, expect, it } from "vitest";
import { csvCell, csvRow, writeCsv } from "./write";

describe("CSV writer", () => {
  it("[1.2.10] writes cells a spreadsheet would run as formulas with a leading single quote", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvCell("+81 3 1234")).toBe(`"'+81 3 1234"`);
    expect(csvCell("-2+3")).toBe(`"'-2+3"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("\t=1")).toBe(`"'\t=1"`);
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
  });

  it("leaves ordinary text and the numbers it writes itself alone", () => {
    expect(csvCell("山田 太郎")).toBe(`"山田 太郎"`);
    expect(csvCell("a=b")).toBe(`"a=b"`);
    expect(csvCell(-5)).toBe(`"-5"`);
    expect(csvCell(null)).toBe(`""`);
    expect(csvCell(new Date("2026-01-02T03:04:05Z"))).toBe(`"2026-01-02T03:04:05.000Z"`);
  });

  it("keeps commas, quotes and line breaks inside their cell", () => {
    expect(csvRow(["a,b", 'say "hi"', "line\nbreak"])).toBe(`"a,b","say ""hi""","line\nbreak"`);
  });

  it("writes a file with a byte-order mark and CRLF line ends", () => {
    expect(writeCsv(["name", "note"], [["A", "=1"]])).toBe(`\uFEFF"name","note"\r\n"A","'=1"\r\n`);
  });
});

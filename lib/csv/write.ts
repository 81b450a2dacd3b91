/**
 * CSV for exports. A spreadsheet opening the file treats a cell that starts with `=`, `+`, `-`, `@`,
 * tab or carriage return as a formula (CSV injection, CWE-1236), so such cells are written with a
 * leading single quote, as OWASP's guidance advises, and every cell is quoted (RFC 4180) so commas,
 * quotes and line breaks stay inside their cell. The registry import keeps such values as data; only
 * output is neutralised.
 */
export type CsvCell = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, neutralised and quoted. */
export function csvCell(value: CsvCell): string {
  let text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  // Numbers we produce ourselves are safe; a negative number stays a number.
  if (typeof value !== "number" && FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(",");
}

/**
 * A whole file: header row then data rows, CRLF line ends (RFC 4180) and a byte-order mark so
 * Excel opens Japanese text as UTF-8.
 */
export function writeCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [csvRow(header)];
  for (const row of rows) lines.push(csvRow(row));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

import { parse } from "csv-parse/sync";
import { z } from "zod";
import { normalizeSerial, SERIAL_MAX_LENGTH } from "@/lib/products/serial-format";
import { hasControlCharacters } from "@/lib/validation/text";
import { isLocalDate, type LocalDate } from "@/lib/warranty/local-date";

/**
 * Reading a dealer's sales CSV (issue 13), one row per unit sold:
 *   serial,sold_on,customer_email
 * (Japanese headers シリアル番号,販売日,メールアドレス are accepted; the email column is optional,
 * dates as 2026-04-01 or 2026/4/1). Every problem of every row is reported with its line; the
 * caller imports nothing unless there is none. Pure: registry checks are the caller's.
 */
export type SaleRow = { line: number; serial: string; soldOn: LocalDate; customerEmail: string | null };

export type SaleRowProblem =
  | "malformed"
  | "missingSerial"
  | "serialTooLong"
  | "duplicateInFile"
  | "missingDate"
  | "badDate"
  | "futureDate"
  | "badEmail"
  | "controlCharacters"
  | "notInRegistry"
  | "beforeManufacture"
  | "alreadyImported";

export type SaleRowError = { line: number; problem: SaleRowProblem; value?: string };

export type ParsedSales = {
  rows: SaleRow[];
  /** Serials of rows with other problems, for the caller's registry check (every problem of a row is listed). */
  rejectedSerials: { line: number; serial: string }[];
  errors: SaleRowError[];
  totalRows: number;
  headerProblem: "missingColumns" | "empty" | "tooManyRows" | null;
};

/** A shop's sales file is a day's or a month's sales: 5,000 rows is far above that and keeps the form fast. */
export const MAX_SALE_ROWS = 5000;

const HEADERS: Record<string, keyof Omit<SaleRow, "line">> = {
  serial: "serial",
  serial_number: "serial",
  シリアル番号: "serial",
  sold_on: "soldOn",
  sale_date: "soldOn",
  販売日: "soldOn",
  customer_email: "customerEmail",
  email: "customerEmail",
  メールアドレス: "customerEmail",
};

const email = z.email();

/** `2026-04-01`, `2026/4/1` → `2026-04-01`; anything else null. */
export function readDate(value: string): LocalDate | null {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value.normalize("NFKC"));
  if (!match) return null;
  const date = `${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}`;
  return isLocalDate(date) ? date : null;
}

export function parseSalesCsv(text: string, today: LocalDate): ParsedSales {
  const result: ParsedSales = { rows: [], rejectedSerials: [], errors: [], totalRows: 0, headerProblem: null };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = Number((error as { lines?: number }).lines ?? 1);
    result.errors.push({ line, problem: "malformed" });
    return result;
  }
  const [header, ...body] = records;
  if (!header) return { ...result, headerProblem: "empty" };
  const columns = header.record.map((name) => HEADERS[name.toLowerCase().replace(/^\uFEFF/, "")] ?? null);
  if (!columns.includes("serial") || !columns.includes("soldOn")) return { ...result, headerProblem: "missingColumns" };
  if (body.length > MAX_SALE_ROWS) return { ...result, totalRows: body.length, headerProblem: "tooManyRows" };

  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    result.totalRows++;
    const line = info.lines;
    const cell = (column: keyof Omit<SaleRow, "line">) => record[columns.indexOf(column)] ?? "";
    const problems: SaleRowError[] = [];
    if (record.some((value) => hasControlCharacters(value))) problems.push({ line, problem: "controlCharacters" });

    const serial = normalizeSerial(cell("serial"));
    let serialOk = false;
    if (!serial) problems.push({ line, problem: "missingSerial" });
    else if (serial.length > SERIAL_MAX_LENGTH) problems.push({ line, problem: "serialTooLong", value: serial.slice(0, 40) });
    else if (seen.has(serial)) problems.push({ line, problem: "duplicateInFile", value: `${serial} (${seen.get(serial)})` });
    else {
      seen.set(serial, line);
      serialOk = true;
    }

    const rawDate = cell("soldOn");
    const soldOn = rawDate ? readDate(rawDate) : null;
    if (!rawDate) problems.push({ line, problem: "missingDate" });
    else if (!soldOn) problems.push({ line, problem: "badDate", value: rawDate.slice(0, 40) });
    else if (soldOn > today) problems.push({ line, problem: "futureDate", value: soldOn });

    const rawEmail = cell("customerEmail").toLowerCase();
    if (rawEmail && !email.safeParse(rawEmail).success) problems.push({ line, problem: "badEmail", value: rawEmail.slice(0, 80) });

    if (problems.length > 0) {
      result.errors.push(...problems);
      if (serialOk) result.rejectedSerials.push({ line, serial });
    } else result.rows.push({ line, serial, soldOn: soldOn!, customerEmail: rawEmail || null });
  }
  return result;
}

import { parse, type CsvError } from "csv-parse";
import { hasControlCharacters } from "@/lib/validation/text";
import { isLocalDate, type LocalDate } from "@/lib/warranty/local-date";
import { checkSerialFormat, normalizeSerial, type SerialFormat } from "./serial-format";

/**
 * Reading a serial-registry CSV (issue 4): one row per manufactured unit,
 *   serial,model_code,manufactured_on,lot
 * (Japanese headers シリアル番号,型番,製造日,ロット are accepted too). Every row is checked and every
 * bad row is reported with its line number and reason; the caller imports nothing unless there is
 * none (all or nothing). Streaming, so 100,000 rows are read without holding the text twice.
 */
export type RegistryRow = { line: number; serial: string; modelCode: string; manufacturedOn: LocalDate; lot: string | null };

export type RowProblem =
  | "malformed"
  | "missingSerial"
  | "unknownModel"
  | "serialPattern"
  | "serialCheckDigit"
  | "serialTooLong"
  | "duplicateInFile"
  | "badDate"
  | "futureDate"
  | "lotTooLong"
  | "controlCharacters"
  | "alreadyInRegistry";

/** How a column is named in a problem (the English header; both languages accept it). */
const COLUMN_LABELS = { serial: "serial", modelCode: "model_code", manufacturedOn: "manufactured_on", lot: "lot" } as const;

export type RowError = { line: number; problem: RowProblem; value?: string };

export type RegistryModel = { id: string; code: string; format: SerialFormat };

export type ParsedRegistry = {
  rows: RegistryRow[];
  /** Serials of rows with other problems, for the caller's registry check (every problem of a row is listed). */
  rejectedSerials: { line: number; serial: string }[];
  /** The first `maxErrors` errors, in file order (a row's problems in column order). */
  errors: RowError[];
  errorCount: number;
  totalRows: number;
  /** A header problem makes every row meaningless: reported once, with no rows. */
  headerProblem: "missingColumns" | null;
};

const HEADERS: Record<string, keyof Omit<RegistryRow, "line">> = {
  serial: "serial",
  serial_number: "serial",
  シリアル番号: "serial",
  model_code: "modelCode",
  model: "modelCode",
  型番: "modelCode",
  manufactured_on: "manufacturedOn",
  manufacture_date: "manufacturedOn",
  製造日: "manufacturedOn",
  lot: "lot",
  ロット: "lot",
};

const LOT_MAX_LENGTH = 40;

export async function parseRegistryCsv(
  input: AsyncIterable<Uint8Array | string>,
  models: ReadonlyMap<string, RegistryModel>,
  options: { today: LocalDate; maxErrors?: number; onProgress?: (rowsRead: number) => void },
): Promise<ParsedRegistry> {
  const maxErrors = options.maxErrors ?? 1000;
  const result: ParsedRegistry = { rows: [], rejectedSerials: [], errors: [], errorCount: 0, totalRows: 0, headerProblem: null };
  const seen = new Map<string, number>();
  const allErrors: RowError[] = [];
  const fail = (error: RowError) => allErrors.push(error);

  let columns: (keyof Omit<RegistryRow, "line"> | null)[] | null = null;
  const parser = parse({ bom: true, trim: true, skip_empty_lines: true, relax_quotes: false, info: true, skip_records_with_error: true });
  parser.on("skip", (error: CsvError) => {
    result.totalRows++;
    fail({ line: Number(error.lines ?? 0), problem: "malformed" });
  });

  const reading = (async () => {
    for await (const chunk of input) if (!parser.write(chunk)) await new Promise((resolve) => parser.once("drain", resolve));
    parser.end();
  })();

  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (columns === null) {
      columns = record.map((name) => HEADERS[name.trim().toLowerCase()] ?? HEADERS[name.trim()] ?? null);
      if (!columns.includes("serial") || !columns.includes("modelCode") || !columns.includes("manufacturedOn")) {
        result.headerProblem = "missingColumns";
        parser.destroy();
        break;
      }
      continue;
    }
    result.totalRows++;
    if (result.totalRows % 5000 === 0) options.onProgress?.(result.totalRows);
    const line = info.lines;
    const value = (name: keyof Omit<RegistryRow, "line">) => record[columns!.indexOf(name)] ?? "";

    const serial = normalizeSerial(value("serial"));
    const modelCode = value("modelCode").trim().toUpperCase();
    const manufacturedOn = value("manufacturedOn").trim().replace(/\//g, "-");
    const lot = value("lot").trim() || null;

    // Every problem of the row is reported, not only the first, so one pass over the file fixes it.
    const problems: RowError[] = [];
    // No cell reaches PostgreSQL with a control character (NUL is refused there; the rest is noise).
    for (const column of ["serial", "modelCode", "manufacturedOn", "lot"] as const) {
      if (hasControlCharacters(value(column))) problems.push({ line, problem: "controlCharacters", value: COLUMN_LABELS[column] });
    }
    const model = models.get(modelCode);
    if (!serial) problems.push({ line, problem: "missingSerial" });
    if (!model) problems.push({ line, problem: "unknownModel", value: modelCode });
    const serialProblem = serial && model ? checkSerialFormat(serial, model.format) : null;
    if (serialProblem) {
      problems.push({
        line,
        problem: serialProblem === "checkDigit" ? "serialCheckDigit" : serialProblem === "tooLong" ? "serialTooLong" : "serialPattern",
        value: serial,
      });
    }
    if (!isLocalDate(manufacturedOn)) problems.push({ line, problem: "badDate", value: manufacturedOn });
    else if (manufacturedOn > options.today) problems.push({ line, problem: "futureDate", value: manufacturedOn });
    if (lot && lot.length > LOT_MAX_LENGTH) problems.push({ line, problem: "lotTooLong" });
    if (serial) {
      const firstLine = seen.get(serial);
      if (firstLine !== undefined) problems.push({ line, problem: "duplicateInFile", value: `${serial} (${firstLine})` });
      else seen.set(serial, line);
    }
    if (problems.length > 0) {
      for (const problem of problems) fail(problem);
      // Still checked against the registry by the caller, so that problem is listed too.
      if (serial && !serialProblem) result.rejectedSerials.push({ line, serial });
      continue;
    }
    result.rows.push({ line, serial, modelCode, manufacturedOn, lot });
  }
  await reading.catch(() => {});
  options.onProgress?.(result.totalRows);
  // Malformed rows are reported by the parser ahead of the rows before them: sort by line.
  allErrors.sort((a, b) => a.line - b.line);
  result.errorCount = allErrors.length;
  result.errors = allErrors.slice(0, maxErrors);
  return result;
}

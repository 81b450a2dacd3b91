import { RE2JS } from "re2js";

/**
 * Serial numbers: each model has a format (a pattern and an optional check digit). Pure, so the
 * registration form checks as the customer types and the server and CSV import check the same way.
 */
export const CHECK_DIGIT_ALGORITHMS = ["NONE", "LUHN", "ISO7064_MOD37_36"] as const;
export type CheckDigitAlgorithm = (typeof CHECK_DIGIT_ALGORITHMS)[number];

export type SerialFormat = { pattern: string; checkDigit: CheckDigitAlgorithm };

/** A model's format as the catalog stores it. */
export function serialFormatOf(model: { serialPattern: string; checkDigit: CheckDigitAlgorithm }): SerialFormat {
  return { pattern: model.serialPattern, checkDigit: model.checkDigit };
}

/** Longest serial accepted at all; also bounds the work an admin-written pattern can cause. */
export const SERIAL_MAX_LENGTH = 40;

/**
 * What a person types, made comparable: full-width characters to half-width (NFKC), upper case,
 * spaces and hyphens removed ("ac26-000 1234" → "AC260001234").
 */
export function normalizeSerial(input: string): string {
  return input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-‐－―ー]/g, "");
}

export type SerialProblem = "empty" | "tooLong" | "pattern" | "checkDigit";

export function checkSerialFormat(serial: string, format: SerialFormat): SerialProblem | null {
  if (serial.length === 0) return "empty";
  if (serial.length > SERIAL_MAX_LENGTH) return "tooLong";
  if (!compilePattern(format.pattern).test(serial)) return "pattern";
  if (!hasValidCheckDigit(serial, format.checkDigit)) return "checkDigit";
  return null;
}

/**
 * A serial against every current model's format (the registration form as the customer types, and
 * the look-up telling a typo from an unknown unit): "ok" when some model accepts it, otherwise the
 * nearest problem, "checkDigit" when a pattern matched but the check character did not; null
 * for an empty serial.
 */
export function checkAgainstFormats(serial: string, formats: SerialFormat[]): "ok" | "checkDigit" | "pattern" | null {
  if (serial.length === 0) return null;
  const problems = formats.map((format) => checkSerialFormat(serial, format));
  if (problems.includes(null)) return "ok";
  return problems.includes("checkDigit") ? "checkDigit" : "pattern";
}

const compiled = new Map<string, RE2JS>();

/**
 * The pattern must match the whole serial; it is anchored here whatever the admin wrote. Admins
 * write the patterns and every customer look-up runs them, so they run on RE2 (linear time, no
 * back-references or look-arounds): a pattern such as `(a+)+` cannot stall the server or the
 * browser (ASVS 1.3.x, ReDoS). The same engine runs in the form and on the server.
 */
export function compilePattern(pattern: string): { test(serial: string): boolean } {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = RE2JS.compile(`(?:${pattern.replace(/^\^/, "").replace(/\$$/, "")})`);
    compiled.set(pattern, regex);
  }
  const matcher = regex;
  return { test: (serial) => matcher.matches(serial) };
}

/** For the catalog form: a pattern RE2 cannot compile, or an unreasonably long one, is refused. */
export function isUsablePattern(pattern: string): boolean {
  if (pattern.length === 0 || pattern.length > 200) return false;
  try {
    compilePattern(pattern);
    return true;
  } catch {
    return false;
  }
}

export function hasValidCheckDigit(serial: string, algorithm: CheckDigitAlgorithm): boolean {
  if (algorithm === "NONE") return true;
  const body = serial.slice(0, -1);
  const check = serial.slice(-1);
  const expected = algorithm === "LUHN" ? luhnCheckDigit(body) : mod37_36CheckCharacter(body);
  return expected !== null && expected === check;
}

/** Luhn (mod 10) check digit for a string of digits; null when it has other characters. */
export function luhnCheckDigit(digits: string): string | null {
  if (!/^\d+$/.test(digits)) return null;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** ISO/IEC 7064 MOD 37,36 check character for letters and digits; null for other characters. */
export function mod37_36CheckCharacter(body: string): string | null {
  let p = 36;
  for (const char of body) {
    const value = ALPHANUMERIC.indexOf(char);
    if (value < 0) return null;
    let s = (p + value) % 36;
    if (s === 0) s = 36;
    p = (s * 2) % 37;
  }
  return ALPHANUMERIC[(37 - p) % 36]!;
}

/** A valid serial from a body, for seeds and tests. */
export function withCheckDigit(body: string, algorithm: CheckDigitAlgorithm): string {
  if (algorithm === "NONE") return body;
  const check = algorithm === "LUHN" ? luhnCheckDigit(body) : mod37_36CheckCharacter(body);
  if (check === null) throw new Error(`Cannot compute a ${algorithm} check digit for ${body}`);
  return body + check;
}

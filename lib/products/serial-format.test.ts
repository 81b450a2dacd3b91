import { describe, expect, it } from "vitest";
import {
  checkAgainstFormats,
  checkSerialFormat,
  compilePattern,
  hasValidCheckDigit,
  isUsablePattern,
  luhnCheckDigit,
  mod37_36CheckCharacter,
  normalizeSerial,
  SERIAL_MAX_LENGTH,
  withCheckDigit,
} from "./serial-format";

describe("serial formats", () => {
  it("normalises what people type: full-width, lower case, spaces and hyphens", () => {
    expect(normalizeSerial(" ac26-000 1234 ")).toBe("AC260001234");
    expect(normalizeSerial("ＡＣ２６ー０００１")).toBe("AC260001");
  });

  it("Luhn: known values, and a single changed digit is caught", () => {
    expect(luhnCheckDigit("7992739871")).toBe("3");
    expect(hasValidCheckDigit("79927398713", "LUHN")).toBe(true);
    expect(hasValidCheckDigit("79927398714", "LUHN")).toBe(false);
    expect(hasValidCheckDigit("79927398813", "LUHN")).toBe(false);
    expect(luhnCheckDigit("12A4")).toBeNull();
  });

  it("ISO 7064 MOD 37,36: round trip, and every single-character change is caught", () => {
    const serial = withCheckDigit("RF450K7Q2", "ISO7064_MOD37_36");
    expect(serial).toHaveLength(10);
    expect(hasValidCheckDigit(serial, "ISO7064_MOD37_36")).toBe(true);
    const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (let i = 0; i < serial.length - 1; i++) {
      for (const replacement of alphabet) {
        if (replacement === serial[i]) continue;
        const changed = serial.slice(0, i) + replacement + serial.slice(i + 1);
        expect(hasValidCheckDigit(changed, "ISO7064_MOD37_36"), changed).toBe(false);
      }
    }
    expect(mod37_36CheckCharacter("AB-1")).toBeNull();
  });

  it("checks the whole serial against the pattern, anchored whatever the admin wrote", () => {
    const format = { pattern: "[0-9]{10}", checkDigit: "LUHN" as const };
    const valid = withCheckDigit("260001234", "LUHN");
    expect(checkSerialFormat(valid, format)).toBeNull();
    const otherDigit = String((Number(valid.at(-1)) + 1) % 10);
    expect(checkSerialFormat(valid.slice(0, -1) + otherDigit, format)).toBe("checkDigit");
    expect(checkSerialFormat("", format)).toBe("empty");
    expect(checkSerialFormat("X".repeat(41), format)).toBe("tooLong");
    expect(checkSerialFormat(`${valid}0`, format)).toBe("pattern");
    expect(checkSerialFormat(`X${valid.slice(1)}`, format)).toBe("pattern");
    expect(checkSerialFormat("AC261234567", { pattern: "^AC26[0-9]{7}$", checkDigit: "NONE" })).toBeNull();
  });

  it("a check digit over the digits only, when the pattern has a letter prefix", () => {
    // Models with a prefix use an alphanumeric check character.
    const serial = withCheckDigit("AC26000123", "ISO7064_MOD37_36");
    expect(checkSerialFormat(serial, { pattern: "AC26[0-9]{6}[0-9A-Z]", checkDigit: "ISO7064_MOD37_36" })).toBeNull();
    const wrong = serial.slice(0, -1) + (serial.endsWith("0") ? "1" : "0");
    expect(checkSerialFormat(wrong, { pattern: "AC26[0-9]{6}[0-9A-Z]", checkDigit: "ISO7064_MOD37_36" })).toBe("checkDigit");
  });

  it("refuses patterns that do not compile or are too long", () => {
    expect(isUsablePattern("AC26[0-9]{7}")).toBe(true);
    expect(isUsablePattern("AC26[0-9")).toBe(false);
    expect(isUsablePattern("")).toBe(false);
    expect(isUsablePattern("A".repeat(201))).toBe(false);
  });

  it("[1.3.12] runs a catastrophic pattern in linear time, on the server and in the browser alike", () => {
    // With JavaScript's backtracking engine each of these takes minutes (2^n paths); RE2 is linear.
    const started = performance.now();
    expect(checkSerialFormat(`${"A".repeat(SERIAL_MAX_LENGTH - 1)}!`, { pattern: "^(A+)+$", checkDigit: "NONE" })).toBe("pattern");
    expect(checkAgainstFormats(`${"A".repeat(SERIAL_MAX_LENGTH - 1)}!`, [{ pattern: "(A|AA)+", checkDigit: "NONE" }])).toBe("pattern");
    expect(compilePattern("(a*)*b").test(`${"a".repeat(100_000)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("[1.3.12] refuses at save time what the linear-time engine cannot run (back-references, look-arounds)", () => {
    expect(isUsablePattern("(A)\\1")).toBe(false);
    expect(isUsablePattern("(?=A)[A-Z]{4}")).toBe(false);
    expect(isUsablePattern("(?<!X)[A-Z]{4}")).toBe(false);
  });
});

describe("checking against every model's format", () => {
  const formats = [
    { pattern: "AC26[0-9]{6}[0-9A-Z]", checkDigit: "ISO7064_MOD37_36" as const },
    { pattern: "[0-9]{10}", checkDigit: "LUHN" as const },
  ];
  it("accepts a serial any model accepts, and names the nearest problem otherwise", () => {
    expect(checkAgainstFormats("", formats)).toBeNull();
    expect(checkAgainstFormats("AC26000001K", formats)).toBe("ok");
    expect(checkAgainstFormats("AC26000001A", formats)).toBe("checkDigit");
    expect(checkAgainstFormats("9000000018", formats)).toBe("checkDigit");
    expect(checkAgainstFormats("ZZ", formats)).toBe("pattern");
  });
});

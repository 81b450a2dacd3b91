import { describe, expect, it } from "vitest";
import { exampleSerial, firstExampleSerial } from "./serial-example";
import { checkAgainstFormats, type SerialFormat } from "./serial-format";

// The demo catalog's formats (prisma/seed.ts) and the kinds of pattern admins write.
const SEEDED: SerialFormat[] = [
  { pattern: "AC26[0-9]{6}[0-9A-Z]", checkDigit: "ISO7064_MOD37_36" },
  { pattern: "RF45[0-9]{6}[0-9A-Z]", checkDigit: "ISO7064_MOD37_36" },
  { pattern: "[0-9]{10}", checkDigit: "LUHN" },
  { pattern: "VC7[0-9A-Z]{7}", checkDigit: "NONE" },
];

describe("exampleSerial", () => {
  it("gives each demo model an example that passes the form's own check (the old hint AC26-0001-2 did not)", () => {
    expect(checkAgainstFormats("AC2600012", SEEDED)).not.toBe("ok");
    for (const format of SEEDED) {
      const example = exampleSerial(format);
      expect(example, format.pattern).not.toBeNull();
      expect(checkAgainstFormats(example!, [format]), `${format.pattern} → ${example}`).toBe("ok");
    }
    expect(exampleSerial(SEEDED[0]!)).toMatch(/^AC26123456[0-9A-Z]$/);
  });

  it("handles groups, alternatives, optional parts, \\d and ranges in classes", () => {
    const formats: SerialFormat[] = [
      { pattern: "^(?:AB|CD)-?\\d{4}$", checkDigit: "NONE" },
      { pattern: "[0-9A-Z]{6,20}", checkDigit: "NONE" },
      { pattern: "X(Y[A-C]){2}\\d+", checkDigit: "ISO7064_MOD37_36" },
      { pattern: "[A-HJ-NP-Z]{3}[0-9]{5}", checkDigit: "LUHN" },
    ];
    for (const format of formats) {
      const example = exampleSerial(format);
      // A pattern whose last character cannot be a check digit gives no example rather than a wrong one.
      if (example !== null) expect(checkAgainstFormats(example, [format]), format.pattern).toBe("ok");
    }
    expect(exampleSerial(formats[0]!)).toBe("AB1234");
    expect(exampleSerial(formats[1]!)).toBe("123456");
    expect(exampleSerial(formats[3]!)).toBeNull(); // Luhn needs digits only
  });

  it("gives no example for patterns it does not understand", () => {
    expect(exampleSerial({ pattern: "(?=A)A\\w{3}", checkDigit: "NONE" })).toBeNull();
    expect(exampleSerial({ pattern: "[^0-9]{4}", checkDigit: "NONE" })).toBeNull();
    expect(exampleSerial({ pattern: "AB(", checkDigit: "NONE" })).toBeNull();
  });

  it("firstExampleSerial skips formats without an example", () => {
    expect(firstExampleSerial([{ pattern: "[^0-9]{4}", checkDigit: "NONE" }, SEEDED[3]!])).toBe("VC71234567");
    expect(firstExampleSerial([])).toBeNull();
  });
});

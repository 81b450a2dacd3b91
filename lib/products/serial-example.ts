import { checkSerialFormat, withCheckDigit, type SerialFormat } from "./serial-format";

/**
 * An example serial for a model's format, for hints shown to customers ("e.g. AC261234566"). It
 * is built from the pattern rather than written by hand, so it always passes the same check as
 * the form (issue 9: a hand-written example that the check refused). Digits run 1, 2, 3 … so the
 * example looks like an example and is unlikely to be a real unit's serial.
 *
 * Only the plain part of regular expressions is understood (literals, \d, classes, groups with
 * alternatives, quantifiers); for anything else, or when the result does not pass, null: the
 * hint then shows no example rather than a wrong one.
 */
export function exampleSerial(format: SerialFormat): string | null {
  let built: string | null;
  try {
    built = new ExampleBuilder(format.pattern.replace(/^\^/, "").replace(/\$$/, "")).build();
  } catch {
    return null;
  }
  if (built === null || built.length === 0) return null;
  // The last character is the check character when the model has one.
  const candidate = format.checkDigit === "NONE" ? built : safeWithCheckDigit(built.slice(0, -1), format);
  return candidate !== null && checkSerialFormat(candidate, format) === null ? candidate : null;
}

/** The first format that yields an example (formats in the order given). */
export function firstExampleSerial(formats: SerialFormat[]): string | null {
  for (const format of formats) {
    const example = exampleSerial(format);
    if (example) return example;
  }
  return null;
}

function safeWithCheckDigit(body: string, format: SerialFormat): string | null {
  try {
    return withCheckDigit(body, format.checkDigit);
  } catch {
    return null;
  }
}

class Unsupported extends Error {}

const DIGITS = "0123456789";

/** A tiny recursive-descent walk over the pattern that emits one matching string. */
class ExampleBuilder {
  private position = 0;
  private nextDigit = 1;

  constructor(private readonly pattern: string) {}

  build(): string | null {
    const result = this.alternatives();
    if (this.position !== this.pattern.length) throw new Unsupported();
    return result;
  }

  /** a|b|c: the first alternative is used; the others are parsed and dropped. */
  private alternatives(): string {
    const first = this.sequence();
    while (this.peek() === "|") {
      this.position++;
      const saved = this.nextDigit;
      this.sequence();
      this.nextDigit = saved;
    }
    return first;
  }

  private sequence(): string {
    let out = "";
    while (this.position < this.pattern.length && this.peek() !== "|" && this.peek() !== ")") {
      const start = this.position;
      const atom = this.atom();
      const { min } = this.quantifier();
      // Repeat the atom's source `min` times, each repetition producing fresh characters.
      if (min === 0) continue;
      out += atom;
      for (let i = 1; i < min; i++) {
        const end = this.position;
        this.position = start;
        out += this.atom();
        this.quantifier();
        this.position = end;
      }
    }
    return out;
  }

  private atom(): string {
    const char = this.pattern[this.position++]!;
    if (char === "(") {
      if (this.pattern.startsWith("?:", this.position)) this.position += 2;
      else if (this.peek() === "?") throw new Unsupported(); // look-arounds, named groups
      const inner = this.alternatives();
      if (this.pattern[this.position++] !== ")") throw new Unsupported();
      return inner;
    }
    if (char === "[") return this.characterClass();
    if (char === "\\") {
      const escaped = this.pattern[this.position++];
      if (escaped === "d") return this.digit();
      if (escaped !== undefined && /[^A-Za-z0-9]/.test(escaped)) return escaped;
      throw new Unsupported();
    }
    if (char === ".") return this.digit();
    if ("*+?{}|)^$".includes(char)) throw new Unsupported();
    return char;
  }

  /** [...]: a digit from the running sequence when the class allows digits, else its first character. */
  private characterClass(): string {
    if (this.peek() === "^") throw new Unsupported();
    const members: string[] = [];
    while (this.peek() !== "]") {
      if (this.position >= this.pattern.length) throw new Unsupported();
      let char = this.pattern[this.position++]!;
      if (char === "\\") {
        const escaped = this.pattern[this.position++]!;
        if (escaped === "d") {
          members.push(...DIGITS);
          continue;
        }
        if (/[A-Za-z0-9]/.test(escaped)) throw new Unsupported();
        char = escaped;
      }
      if (this.peek() === "-" && this.pattern[this.position + 1] !== "]") {
        this.position++;
        const end = this.pattern[this.position++]!;
        for (let code = char.charCodeAt(0); code <= end.charCodeAt(0); code++) members.push(String.fromCharCode(code));
      } else {
        members.push(char);
      }
    }
    this.position++;
    const digit = String(this.nextDigit % 10);
    if (members.includes(digit)) {
      this.nextDigit++;
      return digit;
    }
    if (members.length === 0) throw new Unsupported();
    return members[0]!;
  }

  private digit(): string {
    return String(this.nextDigit++ % 10);
  }

  private quantifier(): { min: number } {
    const char = this.peek();
    if (char === "?" || char === "*") {
      this.position++;
      this.skipLazy();
      return { min: 0 };
    }
    if (char === "+") {
      this.position++;
      this.skipLazy();
      return { min: 1 };
    }
    if (char === "{") {
      const match = /^\{(\d+)(,\d*)?\}/.exec(this.pattern.slice(this.position));
      if (!match) throw new Unsupported();
      this.position += match[0].length;
      this.skipLazy();
      const min = Number(match[1]);
      if (min > 40) throw new Unsupported();
      return { min };
    }
    return { min: 1 };
  }

  private skipLazy(): void {
    if (this.peek() === "?") this.position++;
  }

  private peek(): string | undefined {
    return this.pattern[this.position];
  }
}

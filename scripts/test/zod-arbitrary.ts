/**
 * fast-check arbitraries from zod 4 schemas, for fuzzing server actions and API endpoints
 * (lib/security/fuzz.test.ts). Two kinds of value in one stream:
 *
 * - inputs the schema mostly accepts, so the handler behind it really runs: each leaf is generated
 *   from what the schema says about it (length bounds, patterns, formats, enums, number ranges),
 *   with awkward but allowed content mixed in (SQL and HTML fragments, emoji, bidi text where the
 *   field takes it), and checked against the leaf's own schema;
 * - hostile ones: a leaf (or the whole input) replaced by NUL and control characters, 100k-long
 *   strings, bidi overrides, zero-width characters, lone surrogates, wrong types, NaN, -0, huge
 *   numbers, prototype-pollution keys, deep nesting.
 *
 * The schema is walked through zod 4's own description of it (`schema._zod.def`: its type, shape,
 * options, and the list of checks with their bounds, patterns and formats). What a check only says
 * by running (`refine`, `superRefine`) is met by trying: a string or number field takes the first of
 * several candidates its own schema accepts (awkward text, common shapes such as dates, phone
 * numbers and URLs, random text), and an object near the top is tried three times, a field the whole
 * object refused being taken from the next try. Limits: a refinement across fields that no try meets
 * stays refused (a closing time before the opening time, every time); a preprocess's input is taken
 * to be its output schema's; `z.custom`, `z.any` and `z.unknown` get hostile values only.
 */
import fc from "fast-check";
import type { z } from "zod";

type Schema = z.core.$ZodType;
/** A Standard Schema issue's path: keys, or segments holding a key. */
type StandardPath = readonly (PropertyKey | { readonly key: PropertyKey })[];
type Arb = fc.Arbitrary<unknown>;

/** One line of awkward text a form may well accept: each is valid for most free-text fields. */
export const AWKWARD_TEXT: readonly string[] = [
  `'; DROP TABLE "User"; --`,
  `' OR '1'='1`,
  "1; SELECT pg_sleep(5)",
  "%_\\",
  "$1 $$ E'\\x00'",
  "<script>alert(1)</script>",
  `"><img src=x onerror=alert(1)>`,
  "javascript:alert(1)",
  "{{7*7}} ${7*7} #{7*7}",
  "../../etc/passwd",
  "%00 %2e%2e%2f",
  "😀👨‍👩‍👧‍👦🇯🇵",
  "𠮷野家",
  "ｅｘａｍｐｌｅ İ ß e\u0301",
  "山田 太郎",
  "\u3000全角スペース\u3000",
  "NaN",
  "-0",
  "1e309",
  "__proto__",
  "constructor",
  "null",
  "=cmd|' /C calc'!A0",
  // Text fields take these too: a half of an emoji (a lone surrogate, as JSON's "\ud83d" gives), bidi in free text.
  "broken \uD83D half",
  "\uDE00",
  "\u202Eevil\u202C text",
];

/** Strings no text field should take, or that test the edges of one. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31mred\u001b[0m",
  "\u007f\u0085\u009f",
  "tab\there",
  "line\r\nbreak",
  "\u202Eexe.txt",
  "\u2066admin\u2069",
  "ad\u200Bmin\u200D\uFEFF",
  "\uD800",
  "x\uDC00y",
  "a\uDBFF",
  "A".repeat(100_000),
  "😀".repeat(20_000),
  "\u0000".repeat(1000),
  ...AWKWARD_TEXT,
];

/** JSON.parse makes "__proto__" an own key, as a request body would. */
const POLLUTING_OBJECTS = [
  `{"__proto__":{"polluted":true}}`,
  `{"constructor":{"prototype":{"polluted":true}}}`,
  `{"__proto__":null,"toString":1,"valueOf":"x","hasOwnProperty":[]}`,
];

function deeplyNested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Values of the wrong type, or of the right type at its limits, for any field. */
export function hostileValue(): Arb {
  return fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.constantFrom<unknown>(
      null,
      undefined,
      true,
      false,
      0,
      -0,
      -1,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.MAX_VALUE,
      Number.MAX_SAFE_INTEGER + 2,
      -(2 ** 31) - 1,
      2 ** 63,
      [],
      [null],
      ["a", 1, {}],
      {},
    ),
    fc.constant(null).map(() => JSON.parse(POLLUTING_OBJECTS[0]!) as unknown),
    fc.constantFrom(...POLLUTING_OBJECTS).map((text) => JSON.parse(text) as unknown),
    fc.constant(null).map(() => new Date(Number.NaN)),
    fc.constant(null).map(() => deeplyNested(2000)),
    fc.constant(null).map(() => Array.from({ length: 10_000 }, (_, i) => String(i))),
    fc.anything({ maxDepth: 2 }),
  );
}

export type ZodArbitraryOptions = {
  /**
   * Chance (0–1) that a leaf is replaced by a hostile value; 0 gives inputs the schema's leaves all
   * accept (cross-field refinements aside).
   */
  hostility?: number;
  /**
   * A field-specific generator to mix in, by path (e.g. real record ids for `...Id` fields, so a
   * handler finds something); undefined keeps the schema's own.
   */
  hint?: (path: readonly string[], schema: Schema) => Arb | undefined;
};

/** Inputs for `schema`: mostly accepted ones, with hostile leaves as often as `hostility` says. */
export function zodArbitrary(schema: Schema, options: ZodArbitraryOptions = {}): Arb {
  return build(schema, [], { hostility: options.hostility ?? 0, hint: options.hint }, 0);
}

/**
 * The fuzzer's mix for one input: mostly accepted inputs (so handlers run past validation), some
 * with a hostile leaf, and some wholly hostile ones.
 */
export function fuzzInput(schema: Schema, hint?: ZodArbitraryOptions["hint"]): Arb {
  return fc.oneof(
    { weight: 5, arbitrary: zodArbitrary(schema, { hint }) },
    { weight: 3, arbitrary: zodArbitrary(schema, { hint, hostility: 0.25 }) },
    { weight: 1, arbitrary: hostileValue() },
  );
}

type Context = { hostility: number; hint: ZodArbitraryOptions["hint"] };

/** `judge`: the schema a leaf's candidates must pass, when it is more than the leaf (a pipe's refinements). */
function build(schema: Schema, path: string[], context: Context, depth: number, judge: Schema = schema): Arb {
  const own = buildValid(schema, path, context, depth, judge);
  const hinted = context.hint?.(path, schema);
  const valid = hinted ? fc.oneof(own, hinted) : own;
  if (context.hostility <= 0 || isWrapper(schema)) return valid;
  // Weights are integers: a hostile leaf about `hostility` of the time.
  const hostileWeight = Math.max(1, Math.round(context.hostility * 100));
  return fc.oneof({ weight: 100 - hostileWeight, arbitrary: valid }, { weight: hostileWeight, arbitrary: hostileValue() });
}

/** Wrappers pass hostility on to what they wrap, so a field is not made hostile twice. */
function isWrapper(schema: Schema): boolean {
  return ["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional", "pipe", "lazy"].includes(schema._zod.def.type);
}

/** A def with the properties of every kind of schema, read loosely (zod's internals, typed per kind). */
type AnyDef = {
  type: string;
  coerce?: boolean;
  shape?: Record<string, Schema>;
  element?: Schema;
  options?: readonly Schema[];
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  getter?: () => Schema;
  keyType?: Schema;
  valueType?: Schema;
  items?: readonly Schema[];
  left?: Schema;
  right?: Schema;
};

/** What a schema's checks say about its values (zod keeps them as a list of check objects). */
type Bounds = {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  integer?: boolean;
  patterns: RegExp[];
  formats: string[];
};

type CheckDef = {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
};

function boundsOf(schema: Schema): Bounds {
  const def = schema._zod.def as unknown as CheckDef & { type: string };
  const bounds: Bounds = { patterns: [], formats: [] };
  // z.email(), z.int() and the like carry their format on the schema itself.
  for (const check of [def, ...(schema._zod.def.checks ?? []).map((check) => check._zod.def as unknown as CheckDef)]) {
    switch (check.check) {
      case "min_length":
        bounds.minimum = Math.max(bounds.minimum ?? 0, check.minimum ?? 0);
        break;
      case "max_length":
        bounds.maximum = Math.min(bounds.maximum ?? Infinity, check.maximum ?? Infinity);
        break;
      case "length_equals":
        bounds.minimum = bounds.maximum = check.length;
        break;
      case "greater_than":
        if (check.inclusive) bounds.minimum = Math.max(bounds.minimum ?? -Infinity, check.value ?? -Infinity);
        else bounds.exclusiveMinimum = check.value;
        break;
      case "less_than":
        if (check.inclusive) bounds.maximum = Math.min(bounds.maximum ?? Infinity, check.value ?? Infinity);
        else bounds.exclusiveMaximum = check.value;
        break;
      case "number_format":
        if (/int/.test(check.format ?? "")) bounds.integer = true;
        break;
      case "string_format":
        if (check.format) bounds.formats.push(check.format);
        if (check.pattern) bounds.patterns.push(check.pattern);
        break;
    }
  }
  return bounds;
}

function buildValid(schema: Schema, path: string[], context: Context, depth: number, judge: Schema): Arb {
  const def = schema._zod.def as unknown as AnyDef;
  const inner = (child: Schema, childPath = path) => build(child, childPath, context, depth + 1);
  const through = (child: Schema) => build(child, path, context, depth + 1, judge);
  if (depth > 12) return fc.constant(undefined);
  switch (def.type) {
    case "string":
      return stringArbitrary(schema, judge);
    case "number":
    case "int":
      return numberArbitrary(schema, def, judge);
    case "bigint":
      return fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n });
    case "boolean":
      return def.coerce ? fc.oneof(fc.boolean(), fc.constantFrom("true", "false", "on", "")) : fc.boolean();
    case "date":
      return fc.date({ min: new Date("1900-01-01"), max: new Date("2100-01-01"), noInvalidDate: true });
    case "enum":
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case "literal":
      return fc.constantFrom(...(def.values ?? [undefined]));
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    case "nan":
      return fc.constant(Number.NaN);
    case "object":
      return objectArbitrary(def, path, context, depth, judge);
    case "array": {
      const { minimum = 0, maximum } = boundsOf(schema);
      return fc.array(inner(def.element!, [...path, "0"]), {
        minLength: minimum,
        maxLength: Math.min(maximum ?? minimum + 4, minimum + 4),
      });
    }
    case "tuple":
      return fc.tuple(...(def.items ?? []).map((item, index) => inner(item, [...path, String(index)])));
    case "record": {
      // A record keyed by an enum has every key in zod 4 (z.partialRecord takes them all as well).
      const keys = def.keyType!._zod.def.type === "enum" ? Object.values((def.keyType!._zod.def as AnyDef).entries ?? {}) : null;
      if (keys) return fc.record(Object.fromEntries(keys.map((key) => [key, inner(def.valueType!, [...path, String(key)])])));
      return fc
        .array(fc.tuple(inner(def.keyType!, [...path, "key"]), inner(def.valueType!, [...path, "value"])), { maxLength: 4 })
        .map((pairs) =>
          Object.fromEntries(pairs.filter(([key]) => typeof key === "string" || typeof key === "number") as [string, unknown][]),
        );
    }
    case "union":
      return fc.oneof(...(def.options ?? []).map((option) => inner(option)));
    case "intersection":
      return fc
        .tuple(inner(def.left!), inner(def.right!))
        .map(([left, right]) => (isPlainObject(left) && isPlainObject(right) ? { ...left, ...right } : left));
    // Wrappers: what they wrap is judged by the wrapper itself (`optional(100).refine(isKana)` refines the default).
    case "optional":
      return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 4, arbitrary: through(def.innerType!) });
    case "nullable":
      return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: through(def.innerType!) });
    case "default":
    case "prefault":
      return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 4, arbitrary: through(def.innerType!) });
    case "readonly":
    case "nonoptional":
      return through(def.innerType!);
    case "catch":
      // A catch accepts anything: what it wraps is the better judge.
      return inner(def.innerType!);
    case "pipe": {
      // A preprocess or a transform in front: its output schema says best what the input is.
      if (def.in!._zod.def.type === "transform") return inner(def.out!);
      // A transform behind: the input is the first schema's, refined by what follows (`.transform().refine()`).
      if (def.out!._zod.def.type === "transform") return through(def.in!);
      // Otherwise both ends describe the input (`zText().trim().pipe(z.email())`): one the whole accepts.
      if (context.hostility > 0) return fc.oneof(inner(def.in!), inner(def.out!));
      return fc
        .tuple(inner(def.in!), inner(def.out!))
        .map(([first, second]) => (accepts(judge, first) || !accepts(judge, second) ? first : second));
    }
    case "lazy":
      return through(def.getter!());
    case "template_literal":
      return stringArbitrary(schema, judge);
    default:
      // any, unknown, custom, transform, file, ...: nothing to go on.
      return hostileValue();
  }
}

function accepts(schema: Schema, value: unknown): boolean {
  const result = schema["~standard"].validate(value);
  return !(result instanceof Promise) && !result.issues;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whole objects generated for one, near the top: fields a refinement across fields refused are taken from the next. */
const OBJECT_TRIES = 3;

function objectArbitrary(def: AnyDef, path: string[], context: Context, depth: number, judge: Schema): Arb {
  const shape = def.shape ?? {};
  const model: Record<string, Arb> = {};
  const required: string[] = [];
  for (const [key, child] of Object.entries(shape)) {
    model[key] = build(child, [...path, key], context, depth + 1);
    // An optional or defaulted key is sometimes left out altogether, as a form may leave it.
    if (!child._zod.optin) required.push(key);
  }
  const base = fc.record(model, { requiredKeys: required });
  if (context.hostility <= 0) {
    return depth <= 2 ? fc.tuple(...Array.from({ length: OBJECT_TRIES }, () => base)).map((tries) => repaired(judge, tries)) : base;
  }
  // Extra keys a caller should not be able to set (the wrapper strips unknown keys).
  const extra = fc.uniqueArray(
    fc.tuple(fc.constantFrom("__proto__", "constructor", "id", "userId", "role", "isAdmin", "x"), hostileValue()),
    {
      maxLength: 2,
      selector: ([key]) => key,
    },
  );
  return fc
    .tuple(base, fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: extra }))
    .map(([value, more]) => ownKeys([...more, ...Object.entries(value)]));
}

/** An object with these own keys, "__proto__" too, as JSON.parse makes from a request body (no setter runs). */
function ownKeys(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/**
 * The first object, with each field the schema (its `superRefine` too) refused taken from the next
 * tries in turn: a field that is wrong only together with another (a closing time before the
 * opening time) gets another chance, while what was right stays.
 */
function repaired(schema: Schema, [first, ...others]: Record<string, unknown>[]): Record<string, unknown> {
  const value = { ...first };
  for (const other of others) {
    const result = schema["~standard"].validate(value);
    if (result instanceof Promise || !result.issues) break;
    const fieldOf = (path: StandardPath | undefined) => (typeof path?.[0] === "object" ? path[0].key : path?.[0]);
    const keys = new Set(result.issues.map((issue) => fieldOf(issue.path)).filter((key): key is string => typeof key === "string"));
    if (keys.size === 0) break;
    for (const key of keys) {
      if (key in other) value[key] = other[key];
      else delete value[key];
    }
  }
  return value;
}

function numberArbitrary(schema: Schema, def: AnyDef, judge: Schema): Arb {
  const bounds = boundsOf(schema);
  const integer = def.type === "int" || bounds.integer === true;
  const min = Math.max(
    bounds.minimum ?? -1e9,
    bounds.exclusiveMinimum !== undefined ? bounds.exclusiveMinimum + (integer ? 1 : 1e-6) : -Infinity,
  );
  const max = Math.min(
    bounds.maximum ?? 1e9,
    bounds.exclusiveMaximum !== undefined ? bounds.exclusiveMaximum - (integer ? 1 : 1e-6) : Infinity,
  );
  // The bounds themselves, and zero both ways (-0 is a number JSON and forms can carry).
  const edges = [min, max, 0, -0, 1].filter((value) => value >= min && value <= max && (!integer || Number.isInteger(value)));
  const within = (low: number, high: number) =>
    integer
      ? Math.ceil(low) <= Math.floor(high)
        ? fc.integer({ min: Math.ceil(low), max: Math.floor(high) })
        : fc.constant(Math.ceil(low))
      : fc.double({ min: low, max: Math.max(low, high), noNaN: true });
  const number = fc.oneof(
    within(min, max),
    // Small values too: a range checked by a refinement (0 < hours <= 2000) is not in the bounds.
    within(Math.max(min, -10), Math.min(max, 1000)),
    fc.constantFrom(...(edges.length > 0 ? edges : [min])),
  );
  // A coerced number comes from a form field as text as often as not.
  const candidate = def.coerce ? fc.oneof(number, number.map(String)) : number;
  // A few tries for a value the refinements accept too.
  return fc.tuple(candidate, candidate, candidate).map((candidates) => candidates.find((value) => accepts(judge, value)) ?? candidates[0]);
}

/**
 * Values of common shapes that fields check with a refinement the generator cannot read (dates,
 * times, phone numbers, postal codes, katakana, URLs, tokens): one of them often passes.
 */
const COMMON_SHAPES: readonly string[] = [
  "",
  "2026-05-01",
  "2025-12-31",
  "2030-01-01",
  "09:00",
  "18:30",
  "03-1234-5678",
  "090-1234-5678",
  "100-0001",
  "1000001",
  "ヤマダ タロウ",
  "ヤマダ",
  "https://example.com/",
  "https://app.example.com/callback",
  "http://localhost:4999/callback",
  "user@example.com",
  "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  "00000000-0000-4000-8000-000000000000",
  "ABC-123",
  "1",
  "100",
  "true",
];

/**
 * Candidates for a string field, one of each source; the first the field's own schema accepts is
 * used. Sources that follow the field's patterns and formats come first, the general ones (awkward
 * text, common shapes, random text) in a random order, so a free-text field sees each of them.
 */
function stringArbitrary(schema: Schema, judge: Schema): Arb {
  const bounds = boundsOf(schema);
  const min = bounds.minimum ?? 0;
  const max = Math.max(min, Math.min(bounds.maximum ?? 60, 200));
  const fit = (value: string) => {
    let fitted = value.length > max ? value.slice(0, max) : value;
    while (fitted.length < min) fitted += "x";
    return fitted;
  };
  const specific: fc.Arbitrary<string>[] = [];
  if (bounds.formats.includes("email")) specific.push(emailArbitrary());
  if (bounds.formats.includes("url"))
    specific.push(fc.constantFrom("https://example.com/", "https://example.com/path?q=1", "http://localhost:3000/cb"));
  // Patterns that say what a field is, not only what it must not hold (the text primitives' "no
  // control characters", "no half surrogates" of lib/validation/text.ts): those give nothing to go on,
  // and fast-check would build a generator over nearly all of Unicode for each.
  for (const pattern of bounds.patterns.filter((pattern) => !/^\^(\[\^|\\P\{)/.test(pattern.source))) {
    try {
      specific.push(fc.stringMatching(pattern));
    } catch {
      // A pattern fast-check cannot generate from: the other sources remain.
    }
  }
  const shape = fc.constantFrom(...COMMON_SHAPES);
  // Each general source gives its candidates as a list.
  const general: fc.Arbitrary<string[]>[] = [
    fc.constantFrom(...AWKWARD_TEXT).map((text) => [fit(text)]),
    // Three shapes a time: a refined field (a date, a list of URLs) finds its own more often.
    fc.tuple(shape, shape, shape),
    fc.string({ unit: "grapheme", minLength: min, maxLength: Math.min(max, min + 20) }).map((text) => [text]),
    fc.string({ minLength: min, maxLength: Math.min(max, min + 20) }).map((text) => [text]),
  ];
  return fc.tuple(fc.nat(general.length - 1), fc.tuple(...specific), fc.tuple(...general)).map(([start, own, others]) => {
    const candidates = [...own, ...[...others.slice(start), ...others.slice(0, start)].flat()];
    return candidates.find((candidate) => accepts(judge, candidate)) ?? candidates[0]!;
  });
}

function emailArbitrary(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.stringMatching(/^[a-z0-9]{1,12}([.+-][a-z0-9]{1,6})?$/), fc.constantFrom("example.com", "test.example", "mail.example.jp"))
    .map(([local, domain]) => `${local}@${domain}`);
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zMultilineText, zName, zText } from "@/lib/validation/text";
import { fuzzInput, zodArbitrary } from "./zod-arbitrary";

/** Share of generated values the schema accepts. */
function acceptance(schema: z.ZodType, runs = 200): number {
  const values = fc.sample(zodArbitrary(schema), { seed: 42, numRuns: runs });
  return values.filter((value) => schema.safeParse(value).success).length / runs;
}

describe("zod arbitraries: values the schema accepts", () => {
  it("follows what the checks say: lengths, patterns, formats, enums, number ranges, arrays, optional and default fields", () => {
    const schema = z.object({
      code: zText()
        .trim()
        .min(2)
        .max(8)
        .regex(/^[A-Z]{2}-\d{3}$/),
      name: zName().trim().min(1).max(40),
      note: zMultilineText().max(500).default(""),
      email: zText().trim().max(320).pipe(z.email()),
      url: z.url(),
      kind: z.enum(["A", "B", "C"]),
      count: z.coerce.number().int().min(1).max(99),
      ratio: z.number().gt(0).lt(1),
      flag: z.boolean(),
      tags: z.array(zText().max(10)).min(1).max(3),
      maybe: z.string().max(5).optional(),
      nothing: z.string().nullable(),
      token: z.string().regex(/^[a-f0-9]{64}$/),
    });
    expect(acceptance(schema)).toBeGreaterThan(0.9);
  });

  it("meets refinements by trying: a refined default, a transform's refine, unions, records, and a superRefine across fields", () => {
    const kana = z
      .string()
      .max(20)
      .default("")
      .refine((value) => value === "" || /^[\u30A0-\u30FF ]+$/u.test(value));
    const urls = z
      .string()
      .max(400)
      .transform((text) => text.split(/\s+/).filter(Boolean))
      .refine((list) => list.every((url) => url.startsWith("https://")));
    const times = z
      .object({ open: z.string().regex(/^\d{2}:\d{2}$/), close: z.string().regex(/^\d{2}:\d{2}$/) })
      .superRefine((value, context) => {
        if (value.close <= value.open) context.addIssue({ code: "custom", path: ["close"], message: "closeBeforeOpen" });
      });
    expect(acceptance(z.object({ kana, urls }))).toBeGreaterThan(0.7);
    expect(acceptance(times)).toBeGreaterThan(0.6);
    expect(
      acceptance(z.discriminatedUnion("kind", [z.object({ kind: z.literal("a"), n: z.number() }), z.object({ kind: z.literal("b") })])),
    ).toBe(1);
    expect(acceptance(z.record(z.enum(["x", "y"]), z.boolean()))).toBeGreaterThan(0.9);
  });

  it("mixes in awkward text a text field accepts (SQL, HTML, emoji), and real ids through a hint", () => {
    const schema = z.object({ title: zMultilineText().max(200), ticketId: zText().max(40) });
    const values = fc.sample(
      zodArbitrary(schema, { hint: (path) => (path.at(-1) === "ticketId" ? fc.constant("known-ticket") : undefined) }),
      { seed: 1, numRuns: 300 },
    ) as { title: string; ticketId: string }[];
    expect(values.some((value) => value.title.includes("DROP TABLE"))).toBe(true);
    expect(values.some((value) => value.title.includes("<script>"))).toBe(true);
    expect(values.some((value) => /\p{Extended_Pictographic}/u.test(value.title))).toBe(true);
    expect(values.filter((value) => value.ticketId === "known-ticket").length).toBeGreaterThan(100);
  });
});

describe("zod arbitraries: hostile values", () => {
  const schema = z.object({ name: zText().max(40), count: z.number().int() });
  const values = fc.sample(fuzzInput(schema), { seed: 7, numRuns: 1500 });
  const strings = values.flatMap((value) =>
    typeof value === "string"
      ? [value]
      : value && typeof value === "object"
        ? Object.values(value).filter((item) => typeof item === "string")
        : [],
  ) as string[];

  it("mixes mostly accepted inputs with refused ones", () => {
    const accepted = values.filter((value) => schema.safeParse(value).success).length / values.length;
    expect(accepted).toBeGreaterThan(0.4);
    expect(accepted).toBeLessThan(0.9);
  });

  it("brings NUL, control, bidi and zero-width characters, lone surrogates and 100k strings", () => {
    expect(strings.some((text) => text.includes("\u0000"))).toBe(true);
    expect(strings.some((text) => /[\u0001-\u001f]/.test(text))).toBe(true);
    expect(strings.some((text) => text.includes("\u202E"))).toBe(true);
    expect(strings.some((text) => text.includes("\u200B"))).toBe(true);
    expect(strings.some((text) => /\p{Surrogate}/u.test(text))).toBe(true);
    expect(strings.some((text) => text.length >= 100_000)).toBe(true);
  });

  it("brings wrong types, numbers at their limits and prototype-pollution keys as own keys", () => {
    expect(values.some((value) => value === null)).toBe(true);
    expect(values.some((value) => Array.isArray(value))).toBe(true);
    const counts = values.flatMap((value) => (value && typeof value === "object" && "count" in value ? [value.count] : []));
    expect(counts.some((count) => Number.isNaN(count))).toBe(true);
    expect(counts.some((count) => Object.is(count, -0))).toBe(true);
    expect(counts.some((count) => typeof count === "string")).toBe(true);
    const owns = (key: string) => values.some((value) => value !== null && typeof value === "object" && Object.hasOwn(value, key));
    expect(owns("__proto__")).toBe(true);
    expect(owns("constructor")).toBe(true);
    // Generating them polluted nothing.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("is reproducible from its seed", () => {
    const again = fc.sample(fuzzInput(schema), { seed: 7, numRuns: 50 });
    expect(again.map((value) => JSON.stringify(value))).toEqual(values.slice(0, 50).map((value) => JSON.stringify(value)));
  });
});

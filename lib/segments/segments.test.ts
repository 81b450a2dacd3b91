import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { testCustomer, testModelWithUnits } = await import("@/scripts/test/product-factories");
const { countSegment, exportSegment, sampleSegment, saveSegment } = await import("./segments");
const { ZSegmentDefinition } = await import("./rules");
const { saveAttribute } = await import("@/lib/profiling/attributes");

const NOW = new Date("2026-12-03T03:00:00Z");
const monthsBefore = (months: number, days = 0) => {
  const date = new Date(NOW);
  date.setUTCMonth(date.getUTCMonth() - months);
  date.setUTCDate(date.getUTCDate() - days);
  return date;
};

const definition = (match: "all" | "any", rules: unknown[]) => ZSegmentDefinition.parse({ match, rules });

async function members(def: ReturnType<typeof definition>): Promise<number> {
  return countSegment(def, NOW);
}

/** An attribute of this test alone. */
async function testAttribute(type: "CHOICE" | "MULTI_CHOICE" | "NUMBER" | "YES_NO", sensitive = false) {
  const code = `t_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
  const options =
    type === "CHOICE" || type === "MULTI_CHOICE"
      ? [
          { value: "cat", labelJa: "猫", labelEn: "Cat" },
          { value: "dog", labelJa: "犬", labelEn: "Dog" },
          { value: "fish", labelJa: "魚", labelEn: "Fish" },
        ]
      : [];
  const admin = await db.user.create({ data: { email: `a-${randomUUID()}@test.example`, role: "ADMIN" } });
  const { id } = await saveAttribute(admin.id, {
    attributeId: "",
    code,
    type,
    labelJa: "ペット",
    labelEn: "Pets",
    purposeJa: "おすすめのため",
    purposeEn: "For suggestions",
    sensitive,
    options,
    minNumber: null,
    maxNumber: null,
  });
  return { id, code };
}

describe("segments in SQL", () => {
  it('counts "owners of a model registered 11-13 months ago": whole months passed, the bounds included', async () => {
    const { model, units } = await testModelWithUnits(6);
    const registeredAt = [monthsBefore(11), monthsBefore(12, 10), monthsBefore(13, 25), monthsBefore(14, 1), monthsBefore(10, 27)];
    for (const [index, at] of registeredAt.entries()) {
      const customer = await testCustomer();
      await db.ownership.create({ data: { userId: customer.id, unitId: units[index]!.id, registeredAt: at } });
    }
    // An ownership that ended does not count.
    const former = await testCustomer();
    await db.ownership.create({
      data: { userId: former.id, unitId: units[5]!.id, registeredAt: monthsBefore(12), endedAt: NOW, endReason: "UNREGISTERED" },
    });
    const rule = { kind: "product", models: [model.code], registeredFrom: "11", registeredTo: "13" };
    expect(await members(definition("all", [rule]))).toBe(3);
    expect(await members(definition("all", [{ ...rule, registeredFrom: "", registeredTo: "" }]))).toBe(5);
    // Excluding: everyone reachable but them (counted against the model's owners only).
    expect(
      await members(
        definition("all", [
          { kind: "product", models: [model.code] },
          { ...rule, exclude: true },
        ]),
      ),
    ).toBe(2);
  });

  it("selects by the warranty's state today, as the warranty engine states it", async () => {
    const { model, units } = await testModelWithUnits(3);
    // No proof of purchase: 12 months from manufacture + 3 months' grace.
    const made = ["2024-01-01", "2025-09-15", "2026-06-01"]; // ended 2025-03-31; ends 2026-12-14; ends 2027-08-31
    for (const [index, unit] of units.entries()) {
      await db.serialUnit.update({ where: { id: unit.id }, data: { manufacturedOn: new Date(made[index]!) } });
      await db.ownership.create({ data: { userId: (await testCustomer()).id, unitId: unit.id, registeredAt: monthsBefore(1) } });
    }
    const count = (warranty: string) => members(definition("all", [{ kind: "product", models: [model.code], warranty }]));
    expect([await count("expired"), await count("expiring"), await count("covered"), await count("any")]).toEqual([1, 1, 1, 3]);
  });

  it("combines rules with all / any, on attribute answers, region, points and repairs", async () => {
    const pets = await testAttribute("MULTI_CHOICE");
    const age = await testAttribute("NUMBER");
    const [a, b, c] = [await testCustomer(), await testCustomer(), await testCustomer()];
    await db.user.update({ where: { id: a.id }, data: { prefecture: "東京都" } });
    await db.user.update({ where: { id: b.id }, data: { prefecture: "大阪府" } });
    await db.attributeAnswer.createMany({
      data: [
        { userId: a.id, attributeId: pets.id, choices: ["cat", "dog"], source: "profile" },
        { userId: b.id, attributeId: pets.id, choices: ["fish"], source: "profile" },
        { userId: a.id, attributeId: age.id, choices: [], number: 34, source: "profile" },
        { userId: c.id, attributeId: age.id, choices: [], number: 61, source: "profile" },
      ],
    });
    const attribute = (code: string, op: string, extra: object = {}) => ({ kind: "attribute", attribute: code, op, ...extra });
    expect(await members(definition("all", [attribute(pets.code, "anyOf", { values: ["cat", "fish"] })]))).toBe(2);
    expect(await members(definition("all", [attribute(pets.code, "allOf", { values: ["cat", "dog"] })]))).toBe(1);
    expect(await members(definition("all", [attribute(pets.code, "noneOf", { values: ["cat"] })]))).toBe(1);
    expect(await members(definition("all", [attribute(age.code, "between", { from: "30", to: "39" })]))).toBe(1);
    expect(await members(definition("all", [attribute(age.code, "answered"), attribute(pets.code, "unanswered")]))).toBe(1);
    expect(
      await members(
        definition("any", [attribute(pets.code, "anyOf", { values: ["fish"] }), attribute(age.code, "between", { from: "60" })]),
      ),
    ).toBe(2);
    // Region, with the attribute keeping the count to this test's customers.
    expect(await members(definition("all", [attribute(pets.code, "answered"), { kind: "region", prefectures: ["東京都"] }]))).toBe(1);
    expect(await members(definition("all", [attribute(pets.code, "answered"), { kind: "points", min: "0", max: "0" }]))).toBe(2);
    expect(await members(definition("all", [attribute(pets.code, "answered"), { kind: "repairs", min: "1" }]))).toBe(0);
  });

  it("counts only current consents: withdrawn ones and texts that need re-acceptance do not", async () => {
    const pets = await testAttribute("CHOICE");
    const customers = [await testCustomer(), await testCustomer(), await testCustomer()];
    for (const customer of customers) {
      await db.attributeAnswer.create({ data: { userId: customer.id, attributeId: pets.id, choices: ["cat"], source: "profile" } });
    }
    const version = await db.policyVersion.findFirstOrThrow({ where: { purposeId: "marketing_email" }, orderBy: { publishedAt: "desc" } });
    const consent = { purpose: "marketing_email", policyVersion: version.version, textHash: version.textHash, channel: "test" };
    await db.consent.create({ data: { ...consent, userId: customers[0]!.id } });
    await db.consent.create({ data: { ...consent, userId: customers[1]!.id, withdrawnAt: NOW } });
    const rules = [
      { kind: "attribute", attribute: pets.code, op: "anyOf", values: ["cat"] },
      { kind: "consent", purpose: "marketing_email" },
    ];
    expect(await members(definition("all", rules))).toBe(1);
    expect(await members(definition("all", [rules[0], { ...rules[1], exclude: true }]))).toBe(2);
  });

  it("never reaches disabled customers or ones who asked to be erased", async () => {
    const pets = await testAttribute("CHOICE");
    const [kept, disabled, erased] = [await testCustomer(), await testCustomer(), await testCustomer()];
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: NOW } });
    await db.user.update({ where: { id: erased.id }, data: { erasureRequestedAt: NOW } });
    for (const customer of [kept, disabled, erased]) {
      await db.attributeAnswer.create({ data: { userId: customer.id, attributeId: pets.id, choices: ["dog"], source: "profile" } });
    }
    expect(await members(definition("all", [{ kind: "attribute", attribute: pets.code, op: "answered" }]))).toBe(1);
  });

  it("shows a masked sample: initial and email's first letter, no contact details", async () => {
    const pets = await testAttribute("CHOICE");
    const customer = await db.user.create({
      data: { email: `sample-${randomUUID()}@test.example`, name: "山田 太郎", phone: "090-1234-5678", prefecture: "東京都" },
    });
    await db.attributeAnswer.create({ data: { userId: customer.id, attributeId: pets.id, choices: ["cat"], source: "profile" } });
    const [row] = await sampleSegment(definition("all", [{ kind: "attribute", attribute: pets.code, op: "answered" }]), NOW);
    expect(row).toMatchObject({ id: customer.id, name: "山***", email: "s***@test.example", prefecture: "東京都", products: 0 });
    expect(JSON.stringify(row)).not.toContain("090");
  });

  it("refuses bad rules with a message on the rule: empty, reversed ranges, unknown names, operators that do not fit", async () => {
    const issues = (input: unknown) =>
      ZSegmentDefinition.safeParse(input).error?.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`) ?? [];
    expect(issues({ match: "all", rules: [] })).toEqual(["rules:segments.noRules"]);
    expect(issues({ match: "all", rules: [{ kind: "product" }] })).toEqual(["rules.0.models:segments.productEmpty"]);
    expect(issues({ match: "all", rules: [{ kind: "product", registeredFrom: "13", registeredTo: "11" }] })).toEqual([
      "rules.0.registeredTo:segments.rangeReversed",
    ]);
    expect(issues({ match: "all", rules: [{ kind: "points", min: "x" }] })).toEqual(["rules.0.min:segments.wholeNumber"]);
    expect(issues({ match: "all", rules: [{ kind: "region", prefectures: [] }] })).toEqual([
      "rules.0.prefectures:segments.chooseAtLeastOne",
    ]);

    const yesNo = await testAttribute("YES_NO");
    const refused = (rules: unknown[]) =>
      countSegment(definition("all", rules), NOW).then(
        () => null,
        (error: { code: string; cause: unknown }) => ({ code: error.code, cause: error.cause }),
      );
    expect(await refused([{ kind: "attribute", attribute: "no_such_attribute", op: "answered" }])).toEqual({
      code: "VALIDATION",
      cause: { "definition.rules.0.attribute": "segments.unknownAttribute" },
    });
    expect(
      await refused([
        { kind: "points", min: "1" },
        { kind: "attribute", attribute: yesNo.code, op: "anyOf", values: ["x"] },
      ]),
    ).toEqual({
      code: "VALIDATION",
      cause: { "definition.rules.1.op": "segments.opDoesNotFit" },
    });
    expect(await refused([{ kind: "tier", tiers: ["no-such-tier"] }])).toMatchObject({ code: "VALIDATION" });
  });

  it("saves a segment only when its rules compile, and audits it", async () => {
    const admin = await db.user.create({ data: { email: `a-${randomUUID()}@test.example`, role: "ADMIN" } });
    await expect(
      saveSegment(admin.id, {
        segmentId: "",
        name: "Bad",
        description: "",
        definition: definition("all", [{ kind: "attribute", attribute: "missing_one", op: "answered" }]),
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const { id } = await saveSegment(admin.id, {
      segmentId: "",
      name: "Tokyo",
      description: "",
      definition: definition("all", [{ kind: "region", prefectures: ["東京都"] }]),
    });
    expect(await db.auditEvent.count({ where: { action: "segment.saved", targetId: id } })).toBe(1);
  });

  it("exports a segment's members masked, and audits the export", async () => {
    const pets = await testAttribute("CHOICE");
    const customer = await db.user.create({
      data: { email: `export-${randomUUID()}@test.example`, name: "Jane Doe", phone: "090-1111-2222" },
    });
    await db.attributeAnswer.create({ data: { userId: customer.id, attributeId: pets.id, choices: ["cat"], source: "profile" } });
    const admin = await db.user.create({ data: { email: `a-${randomUUID()}@test.example`, role: "ADMIN" } });
    const { id } = await saveSegment(admin.id, {
      segmentId: "",
      name: "Cats",
      description: "",
      definition: definition("all", [{ kind: "attribute", attribute: pets.code, op: "anyOf", values: ["cat"] }]),
    });
    const exported = await exportSegment(admin.id, id);
    expect(exported!.rows).toEqual([
      expect.objectContaining({ id: expect.stringMatching(/^[0-9a-f]{16}$/), name: "J***", email: "e***@test.example" }),
    ]);
    expect(exported!.rows[0]!.id).not.toBe(customer.id);
    expect(JSON.stringify(exported)).not.toContain("Doe");
    expect(await db.auditEvent.count({ where: { action: "segment.exported", targetId: id, actorId: admin.id } })).toBe(1);
  });

  it("counts a segment that selects by a sensitive attribute, and never lists its members", async () => {
    const health = await testAttribute("YES_NO", true);
    const customer = await testCustomer();
    await db.attributeAnswer.create({ data: { userId: customer.id, attributeId: health.id, choices: [], yes: true, source: "profile" } });
    const def = definition("all", [{ kind: "attribute", attribute: health.code, op: "yes" }]);
    expect(await members(def)).toBe(1);
    expect(await sampleSegment(def, NOW)).toEqual([]);
    const admin = await db.user.create({ data: { email: `a-${randomUUID()}@test.example`, role: "ADMIN" } });
    const { id } = await saveSegment(admin.id, { segmentId: "", name: "Sensitive", description: "", definition: def });
    await expect(exportSegment(admin.id, id)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps customers without a prefecture when a region is excluded", async () => {
    const pets = await testAttribute("CHOICE");
    const [tokyo, nowhere] = [await testCustomer(), await testCustomer()];
    await db.user.update({ where: { id: tokyo.id }, data: { prefecture: "東京都" } });
    for (const customer of [tokyo, nowhere]) {
      await db.attributeAnswer.create({ data: { userId: customer.id, attributeId: pets.id, choices: ["cat"], source: "profile" } });
    }
    expect(
      await members(
        definition("all", [
          { kind: "attribute", attribute: pets.code, op: "answered" },
          { kind: "region", prefectures: ["東京都"], exclude: true },
        ]),
      ),
    ).toBe(1);
  });
});

import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { testCustomer, testModelWithUnits } = await import("@/scripts/test/product-factories");
const { byModel, parseRange, registrationsByMonth, warrantyExpiries } = await import("./dashboard");
const { refreshAnalytics } = await import("./refresh");
const { businessToday } = await import("@/lib/time/business-time");

describe("analytics", () => {
  it("reads the months asked for, at most 36, never past this month", () => {
    const now = new Date("2026-12-03T03:00:00Z");
    expect(parseRange({}, now)).toEqual({ from: "2026-01", to: "2026-12" });
    expect(parseRange({ from: "2026-03", to: "2026-05" }, now)).toEqual({ from: "2026-03", to: "2026-05" });
    expect(parseRange({ from: "2020-01", to: "2027-01" }, now)).toEqual({ from: "2024-01", to: "2026-12" });
    expect(parseRange({ from: "junk", to: "2026-13" }, now)).toEqual({ from: "2026-01", to: "2026-12" });
  });

  it("counts registrations per month and model, against the registry, and warranties ending soon after a refresh", async () => {
    const { model, units } = await testModelWithUnits(4);
    // No proof: 12 months from manufacture + 3 months' grace; this one ends in about 20 days.
    const ends = new Date(`${businessToday()}T00:00:00Z`);
    ends.setUTCDate(ends.getUTCDate() + 20);
    const made = new Date(ends);
    made.setUTCMonth(made.getUTCMonth() - 15);
    await db.serialUnit.update({ where: { id: units[0]!.id }, data: { manufacturedOn: made } });
    for (const unit of units.slice(0, 2)) await db.ownership.create({ data: { userId: (await testCustomer()).id, unitId: unit.id } });
    const range = parseRange({});
    const months = await registrationsByMonth(range);
    expect(months.at(-1)!.registrations).toBeGreaterThanOrEqual(2);
    const row = (await byModel(range)).find((candidate) => candidate.code === model.code)!;
    expect(row).toMatchObject({ registrations: 2, registry: 4, everRegistered: 2, activeUnits: 2, repairs: 0, repairsPer1000: 0 });

    const before = await warrantyExpiries();
    await refreshAnalytics();
    const after = await warrantyExpiries();
    expect(after.within30 - before.within30).toBeGreaterThanOrEqual(1);
    expect(after.refreshedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});

import { describe, expect, it } from "vitest";
import { computeWarranty, EXPIRING_SOON_DAYS, type WarrantyExtension, type WarrantyFacts, type WarrantyTerms } from "./compute";
import { addMonthsRollingOver, daysBetween, isLocalDate } from "./local-date";

const terms: WarrantyTerms = { basis: "PURCHASE_DATE", months: 12, graceMonths: 3, registrationBonusMonths: 6, registrationWindowDays: 30 };
const facts: WarrantyFacts = {
  manufacturedOn: "2025-08-20",
  purchasedOn: "2025-10-01",
  hasProofOfPurchase: true,
  firstRegisteredOn: "2025-10-05",
  transferredOn: null,
  extensions: [],
};
const extension = (overrides: Partial<WarrantyExtension> = {}): WarrantyExtension => ({
  id: "ext-1",
  name: { ja: "延長保証3年", en: "3-year extended warranty" },
  months: 36,
  transferable: true,
  addedOn: "2025-10-05",
  ...overrides,
});

describe("computeWarranty", () => {
  it("the issue's example: 12 months from purchase + 6 for registering covers until 31 Mar 2027", () => {
    const w = computeWarranty(terms, facts, "2026-11-21");
    expect(w).toMatchObject({ startsOn: "2025-10-01", coveredUntil: "2027-03-31", totalMonths: 18, status: "COVERED" });
    expect(w.parts).toEqual([
      { kind: "standard", months: 12, from: "purchase", startsOn: "2025-10-01", graceMonths: 0, noProof: false },
      { kind: "registrationBonus", months: 6 },
    ]);
    expect(w.daysLeft).toBe(daysBetween("2026-11-21", "2027-03-31"));
  });

  it("adds the owner's tier months while they hold the tier (issue 12)", () => {
    const gold = { months: 3, tier: { ja: "ゴールド", en: "Gold" } };
    const w = computeWarranty(terms, { ...facts, memberBonus: gold }, "2026-11-21");
    expect(w).toMatchObject({ coveredUntil: "2027-06-30", totalMonths: 21 });
    expect(w.parts.at(-1)).toEqual({ kind: "memberBonus", ...gold });
    expect(computeWarranty(terms, { ...facts, memberBonus: null }, "2026-11-21").totalMonths).toBe(18);
  });

  it("without proof of purchase starts at manufacture + grace", () => {
    const w = computeWarranty(terms, { ...facts, hasProofOfPurchase: false }, "2026-01-01");
    expect(w.parts[0]).toEqual({
      kind: "standard",
      months: 12,
      from: "manufacture",
      startsOn: "2025-11-20",
      graceMonths: 3,
      noProof: true,
    });
    expect(w.coveredUntil).toBe("2027-05-19"); // 2025-11-20 + 18 months, last day inclusive
  });

  it("a purchase date without proof does not count", () => {
    expect(computeWarranty(terms, { ...facts, purchasedOn: "2025-10-01", hasProofOfPurchase: false }, "2026-01-01").startsOn).toBe(
      "2025-11-20",
    );
    expect(computeWarranty(terms, { ...facts, purchasedOn: null, hasProofOfPurchase: true }, "2026-01-01").startsOn).toBe("2025-11-20");
  });

  it("the MANUFACTURE_DATE basis ignores the purchase date", () => {
    const w = computeWarranty({ ...terms, basis: "MANUFACTURE_DATE" }, facts, "2026-01-01");
    expect(w.startsOn).toBe("2025-11-20");
    expect(w.parts[0]).toMatchObject({ from: "manufacture", graceMonths: 3, noProof: false });
  });

  it("gives the registration bonus only within the window (null = any time), and none when it is 0", () => {
    expect(computeWarranty(terms, { ...facts, firstRegisteredOn: "2025-10-31" }, "2026-01-01").totalMonths).toBe(18);
    expect(computeWarranty(terms, { ...facts, firstRegisteredOn: "2025-11-01" }, "2026-01-01").totalMonths).toBe(12);
    expect(
      computeWarranty({ ...terms, registrationWindowDays: null }, { ...facts, firstRegisteredOn: "2027-01-01" }, "2026-01-01").totalMonths,
    ).toBe(18);
    expect(computeWarranty({ ...terms, registrationBonusMonths: 0 }, facts, "2026-01-01").parts).toHaveLength(1);
  });

  it("adds extended plans after the standard term", () => {
    const w = computeWarranty(terms, { ...facts, extensions: [extension()] }, "2026-01-01");
    expect(w.totalMonths).toBe(54);
    expect(w.coveredUntil).toBe("2030-03-31");
    expect(w.parts.at(-1)).toEqual({ kind: "extension", months: 36, name: { ja: "延長保証3年", en: "3-year extended warranty" } });
  });

  it("a transfer keeps the unit's own coverage and its transferable plans, and ends a previous owner's personal plan", () => {
    const personal = extension({ id: "ext-2", transferable: false, months: 12 });
    const afterTransfer = extension({ id: "ext-3", transferable: false, months: 24, addedOn: "2026-06-01" });
    const w = computeWarranty(
      terms,
      { ...facts, transferredOn: "2026-05-01", extensions: [extension(), personal, afterTransfer] },
      "2026-06-02",
    );
    expect(w.startsOn).toBe("2025-10-01"); // the first purchase, not the transfer
    expect(w.totalMonths).toBe(12 + 6 + 36 + 24);
    expect(w.droppedExtensions.map((e) => e.id)).toEqual(["ext-2"]);
  });

  it("leap day: a purchase on 29 Feb is covered through 28 Feb a year later, and through 28 Feb in the next leap year", () => {
    const leap = { ...facts, purchasedOn: "2024-02-29", firstRegisteredOn: "2024-02-29" };
    expect(computeWarranty({ ...terms, registrationBonusMonths: 0 }, leap, "2024-03-01").coveredUntil).toBe("2025-02-28");
    expect(computeWarranty({ ...terms, months: 48, registrationBonusMonths: 0 }, leap, "2024-03-01").coveredUntil).toBe("2028-02-28");
  });

  it("month ends: one month from 31 January covers all of February", () => {
    expect(
      computeWarranty({ ...terms, months: 1, registrationBonusMonths: 0 }, { ...facts, purchasedOn: "2025-01-31" }, "2025-02-01")
        .coveredUntil,
    ).toBe("2025-02-28");
    expect(
      computeWarranty({ ...terms, months: 1, registrationBonusMonths: 0 }, { ...facts, purchasedOn: "2024-01-31" }, "2024-02-01")
        .coveredUntil,
    ).toBe("2024-02-29");
  });

  it("status: covered, expiring soon within 60 days, the last day still covered, expired after", () => {
    const until = "2027-03-31";
    expect(computeWarranty(terms, facts, "2027-01-29")).toMatchObject({ status: "COVERED", daysLeft: 61 });
    expect(computeWarranty(terms, facts, addDaysBack(until, EXPIRING_SOON_DAYS)).status).toBe("EXPIRING_SOON");
    expect(computeWarranty(terms, facts, until)).toMatchObject({ status: "EXPIRING_SOON", daysLeft: 0 });
    expect(computeWarranty(terms, facts, "2027-04-01")).toMatchObject({ status: "EXPIRED", daysLeft: -1 });
  });
});

function addDaysBack(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

describe("local dates", () => {
  it("validates real calendar dates only", () => {
    expect(isLocalDate("2024-02-29")).toBe(true);
    expect(isLocalDate("2025-02-29")).toBe(false);
    expect(isLocalDate("2025-13-01")).toBe(false);
    expect(isLocalDate("2025-1-01")).toBe(false);
  });

  it("rolls a missing day over to the first of the next month", () => {
    expect(addMonthsRollingOver("2025-01-31", 1)).toBe("2025-03-01");
    expect(addMonthsRollingOver("2025-01-30", 1)).toBe("2025-03-01");
    expect(addMonthsRollingOver("2024-01-29", 1)).toBe("2024-02-29");
    expect(addMonthsRollingOver("2025-03-31", -1)).toBe("2025-03-01");
    expect(addMonthsRollingOver("2025-05-15", 12)).toBe("2026-05-15");
  });
});

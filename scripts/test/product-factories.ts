import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

/** Test data for product tests: each call makes records no other test shares. */
export async function testCustomer(locale = "ja") {
  return db.user.create({ data: { email: `c-${randomUUID()}@test.example`, locale } });
}

/** A staff member (admin, support lead …) for the staff side of a test. */
export async function testStaff(role: "ADMIN" | "SUPPORT_LEAD" | "SUPPORT_AGENT") {
  return db.user.create({ data: { email: `${role.toLowerCase()}-${randomUUID()}@test.example`, role } });
}

/** A model of its own with `count` units (serials with a unique prefix, no check digit). */
export async function testModelWithUnits(count: number, options: { lot?: string; manufacturedOn?: string } = {}) {
  const prefix = randomUUID().replace(/-/g, "").slice(0, 6).toUpperCase();
  const model = await db.productModel.create({
    data: {
      code: `T-${prefix}`,
      nameJa: "テスト機",
      nameEn: "Test unit",
      category: "test",
      warrantyMonths: 12,
      serialPattern: `${prefix}[0-9]{4}`,
      checkDigit: "NONE",
    },
  });
  const units = [];
  for (let i = 1; i <= count; i++) {
    units.push(
      await db.serialUnit.create({
        data: {
          serial: `${prefix}${String(i).padStart(4, "0")}`,
          modelId: model.id,
          manufacturedOn: new Date(options.manufacturedOn ?? "2026-01-10"),
          lot: options.lot ?? null,
        },
      }),
    );
  }
  return { model, units };
}

export async function own(userId: string, unitId: string, purchasedOn = "2026-03-01") {
  return db.ownership.create({ data: { userId, unitId, purchasedOn: new Date(purchasedOn) } });
}

import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { getOwnProduct, listOwnProducts } = await import("./my-products");

async function ownedUnit(overrides: { proof?: boolean } = {}) {
  const user = await db.user.create({ data: { email: `o-${randomUUID()}@test.example` } });
  const model = await db.productModel.create({
    data: {
      code: `W-${randomUUID().slice(0, 8)}`,
      nameJa: "保証テスト",
      nameEn: "Warranty test",
      category: "test",
      warrantyMonths: 12,
      registrationBonusMonths: 6,
      registrationWindowDays: 30,
      graceMonths: 3,
    },
  });
  const unit = await db.serialUnit.create({
    data: { serial: `S${randomUUID().slice(0, 12)}`.toUpperCase(), modelId: model.id, manufacturedOn: new Date("2025-08-20") },
  });
  const file = overrides.proof
    ? await db.storedFile.create({
        data: {
          ownerId: user.id,
          storage: "LOCAL",
          key: `2025/10/${randomUUID()}.webp`,
          contentType: "image/webp",
          byteSize: 1,
          width: 1,
          height: 1,
          purpose: "proof_of_purchase",
        },
      })
    : null;
  const ownership = await db.ownership.create({
    data: {
      unitId: unit.id,
      userId: user.id,
      purchasedOn: new Date("2025-10-01"),
      proofFileId: file?.id,
      registeredAt: new Date("2025-10-05T03:00:00Z"),
    },
  });
  return { user, unit, model, ownership };
}

describe("my products", () => {
  it("computes the warranty from purchase with proof, plus the registration bonus", async () => {
    const { user, ownership } = await ownedUnit({ proof: true });
    const [product] = await listOwnProducts(user, "2026-11-21");
    expect(product).toMatchObject({ ownershipId: ownership.id, purchasedOn: "2025-10-01" });
    expect(product!.warranty).toMatchObject({ coveredUntil: "2027-03-31", status: "COVERED" });
  });

  it("without a proof photo the warranty starts at manufacture + grace", async () => {
    const { user } = await ownedUnit();
    const [product] = await listOwnProducts(user, "2026-11-21");
    expect(product!.warranty.parts[0]).toMatchObject({ from: "manufacture", startsOn: "2025-11-20" });
  });

  it("after a transfer the new owner keeps the first purchase's coverage", async () => {
    const { user, unit, ownership } = await ownedUnit({ proof: true });
    const buyer = await db.user.create({ data: { email: `b-${randomUUID()}@test.example` } });
    await db.ownership.update({ where: { id: ownership.id }, data: { endedAt: new Date("2026-05-01"), endReason: "TRANSFERRED" } });
    const next = await db.ownership.create({
      data: { unitId: unit.id, userId: buyer.id, transferredFromId: ownership.id, registeredAt: new Date("2026-05-01") },
    });
    expect(await listOwnProducts(user, "2026-11-21")).toEqual([]);
    const [product] = await listOwnProducts(buyer, "2026-11-21");
    expect(product).toMatchObject({ ownershipId: next.id, purchasedOn: "2025-10-01" });
    expect(product!.warranty.coveredUntil).toBe("2027-03-31");
  });

  it("[8.2.2] another customer's product id reads as not found", async () => {
    const { ownership } = await ownedUnit();
    const stranger = await db.user.create({ data: { email: `s-${randomUUID()}@test.example` } });
    expect(await getOwnProduct(stranger, ownership.id)).toBeNull();
  });
});

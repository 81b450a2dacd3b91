import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { testCustomer } = await import("@/scripts/test/product-factories");
const { fileOwnershipClaim, lookupSerial, registerProduct } = await import("./registration");
const { withCheckDigit } = await import("./serial-format");
const { THROTTLE_RULES } = await import("@/lib/auth/throttle-policy");

async function unit() {
  const code = `R-${randomUUID().slice(0, 8).toUpperCase()}`;
  // A prefix of its own per unit, so serials never collide with another test's in the same database.
  const prefix = randomUUID().replace(/-/g, "").slice(0, 6).toUpperCase();
  const model = await db.productModel.create({
    data: {
      code,
      nameJa: "テスト機",
      nameEn: "Test unit",
      category: "test",
      warrantyMonths: 12,
      serialPattern: `${prefix}[0-9]{7}[0-9A-Z]`,
      checkDigit: "ISO7064_MOD37_36",
    },
  });
  const serial = withCheckDigit(`${prefix}1234567`, "ISO7064_MOD37_36");
  const created = await db.serialUnit.create({ data: { serial, modelId: model.id, manufacturedOn: new Date("2026-01-10") } });
  return { serial, unitId: created.id, model };
}

const input = (serial: string) => ({ serial, purchasedOn: "2026-03-01", dealerId: null, otherShopName: "家電のお店", proofFileId: null });

beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` } }));

describe("registration by serial", () => {
  it("looks a serial up (as typed, with hyphens and lower case) and registers it to the user", async () => {
    const user = await testCustomer();
    const { serial } = await unit();
    const typed = `${serial.slice(0, 4)}-${serial.slice(4)}`.toLowerCase();
    expect(await lookupSerial(user.id, typed)).toMatchObject({ status: "available", serial, manufacturedOn: "2026-01-10" });
    const { ownershipId } = await registerProduct(user.id, input(typed), "2026-11-21");
    expect(await lookupSerial(user.id, serial)).toEqual({ status: "ownedByYou", serial, ownershipId });
  });

  it("one serial, one owner: a second customer is refused and offered the claim", async () => {
    const [first, second] = [await testCustomer(), await testCustomer()];
    const { serial } = await unit();
    await registerProduct(first.id, input(serial), "2026-11-21");
    expect(await lookupSerial(second.id, serial)).toMatchObject({ status: "ownedByOther" });
    await expect(registerProduct(second.id, input(serial), "2026-11-21")).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "products.ownedByOther",
    });
    const { claimId } = await fileOwnershipClaim(second.id, { serial, message: "領収書があります", evidenceFileId: null });
    // Asking again gives the same open claim.
    expect(await fileOwnershipClaim(second.id, { serial, message: "もう一度", evidenceFileId: null })).toEqual({ claimId });
  });

  it("two customers registering the same unit at the same moment: exactly one gets it", async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => testCustomer()));
    const { serial, unitId } = await unit();
    const results = await Promise.allSettled(users.map((u) => registerProduct(u.id, input(serial), "2026-11-21")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.ownership.count({ where: { unitId, endedAt: null } })).toBe(1);
  });

  it("a double submit by the same customer creates one record", async () => {
    const user = await testCustomer();
    const { serial, unitId } = await unit();
    const [a, b] = await Promise.all([
      registerProduct(user.id, input(serial), "2026-11-21"),
      registerProduct(user.id, input(serial), "2026-11-21"),
    ]);
    expect(a).toEqual(b);
    expect(await db.ownership.count({ where: { unitId } })).toBe(1);
  });

  it("checks the purchase date and the shop, naming the field", async () => {
    const user = await testCustomer();
    const { serial } = await unit();
    await expect(registerProduct(user.id, { ...input(serial), purchasedOn: "2027-01-01" }, "2026-11-21")).rejects.toMatchObject({
      cause: { purchasedOn: "products.purchaseInFuture" },
    });
    await expect(registerProduct(user.id, { ...input(serial), purchasedOn: "2025-12-31" }, "2026-11-21")).rejects.toMatchObject({
      cause: { purchasedOn: "products.purchaseBeforeManufacture" },
    });
    await expect(registerProduct(user.id, { ...input(serial), dealerId: "no-such-dealer" }, "2026-11-21")).rejects.toMatchObject({
      cause: { dealerId: "products.dealerUnknown" },
    });
  });

  it("[8.2.2] another customer's photo cannot be attached as proof (treated as not found)", async () => {
    const [owner, other] = [await testCustomer(), await testCustomer()];
    const file = await db.storedFile.create({
      data: {
        ownerId: other.id,
        storage: "LOCAL",
        key: `2026/11/${randomUUID()}.webp`,
        contentType: "image/webp",
        byteSize: 10,
        width: 1,
        height: 1,
        purpose: "proof_of_purchase",
      },
    });
    const { serial } = await unit();
    await expect(registerProduct(owner.id, { ...input(serial), proofFileId: file.id }, "2026-11-21")).rejects.toMatchObject({
      cause: { proofFileId: "products.proofNotFound" },
    });
  });

  it("[2.4.1] serial look-ups are rate-limited per user against enumeration", async () => {
    const user = await testCustomer();
    const results = [];
    for (let i = 0; i < THROTTLE_RULES.lookup.freeAttempts + 2; i++) {
      fakeRequest.reset({ headers: { "x-forwarded-for": `203.0.113.${i + 1}` } }); // a new address each time
      results.push(
        await lookupSerial(user.id, `99${String(i).padStart(8, "0")}`).then(
          () => "ok",
          (e: { code: string }) => e.code,
        ),
      );
    }
    expect(results.slice(0, THROTTLE_RULES.lookup.freeAttempts + 1).every((r) => r === "ok")).toBe(true);
    expect(results.at(-1)).toBe("RATE_LIMITED");
  });

  it("tells a mistyped serial from one that is well-formed but not in the registry", async () => {
    const user = await testCustomer();
    const { model } = await unit();
    const prefix = model.serialPattern.slice(0, 6);
    expect(await lookupSerial(user.id, "hello")).toEqual({ status: "notFound", looksValid: false });
    expect(await lookupSerial(user.id, withCheckDigit(`${prefix}0000001`, "ISO7064_MOD37_36"))).toEqual({
      status: "notFound",
      looksValid: true,
    });
  });
});

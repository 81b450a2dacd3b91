import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { testCustomer } = await import("@/scripts/test/product-factories");
const { getOwnProduct } = await import("@/lib/products/my-products");
const { localDateOf } = await import("./local-date");

/**
 * The warranty's end computed in SQL (portal_warranty_until, migration warranty_in_sql) must be the
 * engine's (compute.ts) for the same facts: generated terms, dates at month ends, proofs, transfers
 * and extensions, checked against the page's own path (getOwnProduct).
 */
const day = fc.integer({ min: 0, max: 1800 }).map((offset) => new Date(Date.UTC(2022, 0, 1) + offset * 86_400_000));
const monthEnd = fc.integer({ min: 0, max: 59 }).map((month) => new Date(Date.UTC(2022, month + 1, 0)));

describe("the warranty in SQL", () => {
  it("agrees with the warranty engine", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          basis: fc.constantFrom("PURCHASE_DATE" as const, "MANUFACTURE_DATE" as const),
          months: fc.integer({ min: 6, max: 60 }),
          grace: fc.integer({ min: 0, max: 6 }),
          bonus: fc.constantFrom(0, 6, 12),
          window: fc.constantFrom(null, 30, 90),
          manufacturedOn: fc.oneof(day, monthEnd),
          purchaseAfterDays: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
          proof: fc.boolean(),
          registeredAfterDays: fc.integer({ min: 0, max: 500 }),
          transferAfterDays: fc.option(fc.integer({ min: 1, max: 700 }), { nil: null }),
          extensions: fc.array(
            fc.record({
              months: fc.integer({ min: 1, max: 24 }),
              transferable: fc.boolean(),
              addedAfterDays: fc.integer({ min: 0, max: 900 }),
            }),
            {
              maxLength: 2,
            },
          ),
        }),
        async (facts) => {
          const tag = randomUUID().replaceAll("-", "").slice(0, 8).toUpperCase();
          const model = await db.productModel.create({
            data: {
              code: `W-${tag}`,
              nameJa: "試験",
              nameEn: "Test",
              category: "test",
              warrantyMonths: facts.months,
              warrantyBasis: facts.basis,
              graceMonths: facts.grace,
              registrationBonusMonths: facts.bonus,
              registrationWindowDays: facts.window,
            },
          });
          const unit = await db.serialUnit.create({ data: { serial: `W${tag}`, modelId: model.id, manufacturedOn: facts.manufacturedOn } });
          const after = (days: number) => new Date(facts.manufacturedOn.getTime() + days * 86_400_000);
          const first = await testCustomer();
          const proof = facts.proof
            ? await db.storedFile.create({
                data: {
                  ownerId: first.id,
                  storage: "LOCAL",
                  key: `w/${tag}.webp`,
                  contentType: "image/webp",
                  byteSize: 1,
                  width: 1,
                  height: 1,
                  purpose: "proof_of_purchase",
                },
              })
            : null;
          let ownership = await db.ownership.create({
            data: {
              userId: first.id,
              unitId: unit.id,
              purchasedOn: facts.purchaseAfterDays === null ? null : after(facts.purchaseAfterDays),
              proofFileId: proof?.id ?? null,
              registeredAt: after(facts.registeredAfterDays),
            },
          });
          let owner = first;
          if (facts.transferAfterDays !== null) {
            await db.ownership.update({
              where: { id: ownership.id },
              data: { endedAt: after(facts.registeredAfterDays + facts.transferAfterDays), endReason: "TRANSFERRED" },
            });
            owner = await testCustomer();
            ownership = await db.ownership.create({
              data: {
                userId: owner.id,
                unitId: unit.id,
                transferredFromId: ownership.id,
                registeredAt: after(facts.registeredAfterDays + facts.transferAfterDays),
              },
            });
          }
          for (const extension of facts.extensions) {
            const plan = await db.extendedWarrantyPlan.create({
              data: {
                modelId: model.id,
                nameJa: "延長",
                nameEn: "Extension",
                months: extension.months,
                transferable: extension.transferable,
              },
            });
            await db.unitExtension.create({ data: { unitId: unit.id, planId: plan.id, addedOn: after(extension.addedAfterDays) } });
          }
          const product = await getOwnProduct({ id: owner.id, role: "CUSTOMER", dealerId: null }, ownership.id);
          const [row] = await db.$queryRaw<{ until: Date }[]>`SELECT portal_warranty_until(${ownership.id}) AS until`;
          expect(localDateOf(row!.until), JSON.stringify(facts)).toBe(product!.warranty.coveredUntil);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});

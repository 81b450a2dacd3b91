import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { own, testCustomer, testModelWithUnits, testStaff } = await import("@/scripts/test/product-factories");
const { addPlan, grantPlanToUnit, saveModel } = await import("./models");
const { getOwnProduct } = await import("@/lib/products/my-products");

beforeEach(() => fakeRequest.reset());

describe("catalog", () => {
  it("an extended plan put on a unit shows in its owner's warranty explanation", async () => {
    const staff = await testStaff("ADMIN");
    const { model, units } = await testModelWithUnits(1);
    const owner = await testCustomer();
    const ownership = await own(owner.id, units[0]!.id);
    await addPlan(staff.id, {
      modelCode: model.code,
      nameJa: "延長3年",
      nameEn: "3 more years",
      months: 36,
      transferable: true,
      priceYen: "",
    });
    const plan = await db.extendedWarrantyPlan.findFirstOrThrow({ where: { modelId: model.id } });
    await grantPlanToUnit(staff.id, { planId: plan.id, serial: units[0]!.serial.toLowerCase() }, "2026-04-01");
    await expect(grantPlanToUnit(staff.id, { planId: plan.id, serial: units[0]!.serial }, "2026-04-01")).rejects.toMatchObject({
      cause: { serial: "catalog.planAlreadyOnUnit" },
    });
    const product = await getOwnProduct(owner, ownership.id, "2026-11-21");
    expect(product!.warranty.parts).toContainEqual({ kind: "extension", months: 36, name: { ja: "延長3年", en: "3 more years" } });
    expect(product!.warranty.totalMonths).toBe(48);
  });

  it("a plan goes only on units of its own model", async () => {
    const staff = await testStaff("ADMIN");
    const first = await testModelWithUnits(1);
    const second = await testModelWithUnits(1);
    await addPlan(staff.id, {
      modelCode: first.model.code,
      nameJa: "延長",
      nameEn: "More",
      months: 12,
      transferable: false,
      priceYen: "5500",
    });
    const plan = await db.extendedWarrantyPlan.findFirstOrThrow({ where: { modelId: first.model.id } });
    await expect(grantPlanToUnit(staff.id, { planId: plan.id, serial: second.units[0]!.serial })).rejects.toMatchObject({
      cause: { serial: "catalog.unitNotOfModel" },
    });
  });

  it("a model's code cannot change once it has serials, and codes are unique", async () => {
    const staff = await testStaff("ADMIN");
    const { model } = await testModelWithUnits(1);
    const input = {
      code: `${model.code}-X`,
      nameJa: "n",
      nameEn: "n",
      category: "c",
      warrantyMonths: 12,
      warrantyBasis: "PURCHASE_DATE" as const,
      graceMonths: 3,
      registrationBonusMonths: 0,
      registrationWindowDays: "",
      serialPattern: "[0-9]{4}",
      checkDigit: "NONE" as const,
      imageFileId: "",
      archived: false,
    };
    await expect(saveModel(staff.id, model.code, input)).rejects.toMatchObject({ cause: { code: "catalog.codeLocked" } });
    await saveModel(staff.id, model.code, { ...input, code: model.code, archived: true });
    expect((await db.productModel.findUniqueOrThrow({ where: { id: model.id } })).archivedAt).not.toBeNull();
    await expect(saveModel(staff.id, null, { ...input, code: model.code })).rejects.toMatchObject({ cause: { code: "catalog.codeTaken" } });
  });
});

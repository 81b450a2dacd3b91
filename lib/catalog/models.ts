import "server-only";
import { forgetShown } from "@/lib/cache/shown";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { findOwnFile } from "@/lib/files/stored-files";
import type { z } from "zod";
import { normalizeSerial } from "@/lib/products/serial-format";
import { type LocalDate } from "@/lib/warranty/local-date";
import { businessToday } from "@/lib/time/business-time";
import type { ZGrantPlanSchema, ZModelSchema, ZPlanSchema } from "./schemas";

/**
 * The catalog (admin): models with their warranty terms and serial format, and extended plans.
 * A model's code is its identity in imports and URLs and does not change once units exist.
 */
export function listModels() {
  return db.productModel.findMany({
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      nameJa: true,
      nameEn: true,
      category: true,
      warrantyMonths: true,
      warrantyBasis: true,
      registrationBonusMonths: true,
      serialPattern: true,
      checkDigit: true,
      archivedAt: true,
      imageFileId: true,
      _count: { select: { units: true, plans: true } },
    },
  });
}

export function getModel(code: string) {
  return db.productModel.findUnique({
    where: { code },
    include: { plans: { orderBy: { createdAt: "asc" } }, _count: { select: { units: true } } },
  });
}

type ModelInput = z.output<typeof ZModelSchema>;

export async function saveModel(adminId: string, existingCode: string | null, input: ModelInput): Promise<{ code: string }> {
  if (input.imageFileId && !(await findOwnFile(adminId, input.imageFileId, "model_image"))) {
    throw new AppError("VALIDATION", { cause: { imageFileId: "products.proofNotFound" } });
  }
  const data = {
    code: input.code.toUpperCase(),
    nameJa: input.nameJa,
    nameEn: input.nameEn,
    category: input.category,
    warrantyMonths: input.warrantyMonths,
    warrantyBasis: input.warrantyBasis,
    graceMonths: input.graceMonths,
    registrationBonusMonths: input.registrationBonusMonths,
    registrationWindowDays: input.registrationWindowDays === "" ? null : Number(input.registrationWindowDays),
    serialPattern: input.serialPattern,
    checkDigit: input.checkDigit,
    archivedAt: input.archived ? new Date() : null,
    ...(input.imageFileId ? { imageFileId: input.imageFileId } : {}),
  };
  try {
    if (existingCode) {
      const current = await db.productModel.findUnique({
        where: { code: existingCode },
        select: { id: true, archivedAt: true, _count: { select: { units: true } } },
      });
      if (!current) throw new AppError("NOT_FOUND");
      if (current._count.units > 0 && data.code !== existingCode)
        throw new AppError("VALIDATION", { cause: { code: "catalog.codeLocked" } });
      await db.productModel.update({
        where: { id: current.id },
        data: { ...data, archivedAt: input.archived ? (current.archivedAt ?? new Date()) : null },
      });
    } else {
      await db.productModel.create({ data });
    }
    forgetShown("models");
  } catch (error) {
    if (isUniqueViolation(error, ["code"])) throw new AppError("VALIDATION", { cause: { code: "catalog.codeTaken" } });
    throw error;
  }
  await recordAudit({
    action: "catalog.updated",
    outcome: "SUCCESS",
    actorId: adminId,
    targetType: "ProductModel",
    targetId: data.code,
    details: { created: !existingCode },
  });
  return { code: data.code };
}

export async function addPlan(adminId: string, input: z.output<typeof ZPlanSchema>): Promise<void> {
  const model = await db.productModel.findUnique({ where: { code: input.modelCode }, select: { id: true } });
  if (!model) throw new AppError("NOT_FOUND");
  const plan = await db.extendedWarrantyPlan.create({
    data: {
      modelId: model.id,
      nameJa: input.nameJa,
      nameEn: input.nameEn,
      months: input.months,
      transferable: input.transferable,
      priceYen: input.priceYen === "" ? null : Number(input.priceYen),
    },
  });
  await recordAudit({
    action: "catalog.updated",
    outcome: "SUCCESS",
    actorId: adminId,
    targetType: "ExtendedWarrantyPlan",
    targetId: plan.id,
  });
}

/**
 * Attach an extended plan to a unit of the plan's model, dated today (which tells the engine whose
 * plan it is when the unit later changes hands). The same plan twice on one unit is refused.
 */
export async function grantPlanToUnit(
  adminId: string,
  input: z.output<typeof ZGrantPlanSchema>,
  today: LocalDate = businessToday(),
): Promise<void> {
  const plan = await db.extendedWarrantyPlan.findFirst({
    where: { id: input.planId, archivedAt: null },
    select: { id: true, modelId: true },
  });
  if (!plan) throw new AppError("NOT_FOUND");
  const unit = await db.serialUnit.findFirst({
    where: { serial: normalizeSerial(input.serial), modelId: plan.modelId },
    select: { id: true },
  });
  if (!unit) throw new AppError("VALIDATION", { cause: { serial: "catalog.unitNotOfModel" } });
  if (await db.unitExtension.findFirst({ where: { unitId: unit.id, planId: plan.id }, select: { id: true } })) {
    throw new AppError("VALIDATION", { cause: { serial: "catalog.planAlreadyOnUnit" } });
  }
  const extension = await db.unitExtension.create({ data: { unitId: unit.id, planId: plan.id, addedOn: new Date(`${today}T00:00:00Z`) } });
  await recordAudit({
    action: "catalog.updated",
    outcome: "SUCCESS",
    actorId: adminId,
    targetType: "UnitExtension",
    targetId: extension.id,
  });
}

import "server-only";
import { db } from "@/lib/db";
import { serialFormatOf } from "./serial-format";

/** What the registration form needs: the serial formats of current models and our dealers. */
export async function registrationOptions() {
  const [models, dealers] = await Promise.all([
    db.productModel.findMany({
      where: { archivedAt: null },
      select: { code: true, nameJa: true, nameEn: true, serialPattern: true, checkDigit: true },
      orderBy: { code: "asc" },
    }),
    db.dealer.findMany({ where: { deactivatedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    formats: models.map((model) => ({ code: model.code, nameJa: model.nameJa, nameEn: model.nameEn, ...serialFormatOf(model) })),
    dealers,
  };
}

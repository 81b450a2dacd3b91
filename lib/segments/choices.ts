import "server-only";
import { purposeName, purposesWithVersions } from "@/lib/consents/policies";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";
import { parseOptions } from "@/lib/profiling/schemas";
import { PREFECTURES } from "./prefectures";

/** What the rule builder offers, in the admin's language: models, categories, prefectures, tiers, purposes, attributes. */
export async function builderChoices(locale: Locale) {
  const [models, tiers, purposes, attributes] = await Promise.all([
    db.productModel.findMany({ orderBy: { code: "asc" }, select: { code: true, nameJa: true, nameEn: true, category: true } }),
    db.pointsTier.findMany({ orderBy: { threshold: "asc" }, select: { code: true, nameJa: true, nameEn: true } }),
    purposesWithVersions(),
    db.profileAttribute.findMany({ where: { archivedAt: null }, orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] }),
  ]);
  const en = locale === "en";
  return {
    models: models.map((model) => ({ value: model.code, label: `${model.code} — ${en ? model.nameEn : model.nameJa}` })),
    categories: [...new Set(models.map((model) => model.category))].sort().map((category) => ({ value: category, label: category })),
    prefectures: PREFECTURES.map(([ja, english]) => ({ value: ja, label: en ? english : ja })),
    tiers: tiers.map((tier) => ({ value: tier.code, label: en ? tier.nameEn : tier.nameJa })),
    purposes: purposes
      .filter((purpose) => !purpose.required && !purpose.perDealer)
      .map((purpose) => ({ value: purpose.id, label: purposeName(purpose, locale) })),
    attributes: attributes.map((attribute) => ({
      code: attribute.code,
      label: en ? attribute.labelEn : attribute.labelJa,
      type: attribute.type,
      options: parseOptions(attribute.options).map((option) => ({ value: option.value, label: en ? option.labelEn : option.labelJa })),
    })),
  };
}

import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import { nameIn } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { getOwnProduct, listOwnProducts, type OwnedProduct } from "@/lib/products/my-products";
import { explainWarranty, type WarrantyTranslator } from "@/lib/warranty/explain";
import type { ZProduct, ZWarranty } from "./schemas";

/** The API's view of products: through lib/products with the token's customer as the actor. */
export async function apiWarranty(product: OwnedProduct, locale: Locale): Promise<z.output<typeof ZWarranty>> {
  const t = await getTranslations({ locale, namespace: "warranty" });
  const { warranty } = product;
  return {
    status: warranty.status,
    startsOn: warranty.startsOn,
    coveredUntil: warranty.coveredUntil,
    totalMonths: warranty.totalMonths,
    daysLeft: warranty.daysLeft,
    explanation: explainWarranty(warranty, t as unknown as WarrantyTranslator, locale),
    parts: warranty.parts.map((part) => ({ kind: part.kind, months: part.months })),
  };
}

export async function apiProduct(product: OwnedProduct, locale: Locale, withWarranty: boolean): Promise<z.output<typeof ZProduct>> {
  return {
    id: product.ownershipId,
    serialNumber: product.serial,
    model: { code: product.model.code, name: nameIn(locale, product.model), category: product.model.category },
    purchasedOn: product.purchasedOn,
    registeredAt: product.registeredAt.toISOString(),
    ...(withWarranty ? { warranty: await apiWarranty(product, locale) } : {}),
  };
}

export function customerProducts(customer: Actor) {
  return listOwnProducts(customer);
}

export function customerProduct(customer: Actor, id: string) {
  return getOwnProduct(customer, id);
}

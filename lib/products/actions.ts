"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { defineAction } from "@/lib/action";
import { redirect } from "@/lib/i18n/navigation";
import { acknowledgeOwnRecallNotice } from "@/lib/recalls/notices";
import { ZNoticeIdSchema } from "@/lib/recalls/schemas";
import { fileOwnershipClaim, lookupSerial, registerProduct } from "./registration";
import {
  OTHER_SHOP,
  ZAcceptTransferSchema,
  ZOwnershipClaimSchema,
  ZOwnershipIdSchema,
  ZRegisterProductSchema,
  ZSerialLookupSchema,
} from "./schemas";
import { acceptTransfer, cancelTransfer, formatTransferCode, startTransfer, unregisterProduct } from "./transfers";

/**
 * The customer's product actions. Each is scoped to the signed-in customer (permission
 * "products.own"); ids of other customers' records are "not found".
 */
const own = { permission: "products.own" } as const;

export const lookupSerialAction = defineAction({ ...own, schema: ZSerialLookupSchema }, async ({ serial, invitation }, { user }) =>
  lookupSerial(user.id, serial, invitation || null),
);

export const registerProductAction = defineAction({ ...own, schema: ZRegisterProductSchema }, async (input, { user }) => {
  const { ownershipId } = await registerProduct(user.id, {
    serial: input.serial,
    // Without a receipt the warranty does not count from the purchase date, so it is not kept.
    purchasedOn: input.proofFileId && input.purchasedOn ? input.purchasedOn : null,
    declineSale: input.declineSale,
    dealerId: input.dealerId && input.dealerId !== OTHER_SHOP ? input.dealerId : null,
    otherShopName: input.dealerId === OTHER_SHOP ? input.otherShopName : null,
    proofFileId: input.proofFileId || null,
    invitation: input.invitation || null,
  });
  revalidatePath("/[locale]/mypage", "layout");
  redirect({ href: { pathname: `/mypage/products/${ownershipId}`, query: { registered: "1" } }, locale: await getLocale() });
});

export const fileClaimAction = defineAction({ ...own, schema: ZOwnershipClaimSchema }, async (input, { user }) => {
  await fileOwnershipClaim(user.id, { serial: input.serial, message: input.message, evidenceFileId: input.evidenceFileId || null });
  revalidatePath("/[locale]/mypage", "layout");
  redirect({ href: { pathname: "/mypage/products", query: { claimed: "1" } }, locale: await getLocale() });
});

export const startTransferAction = defineAction({ ...own, schema: ZOwnershipIdSchema }, async ({ ownershipId }, { user }) => {
  const { code, expiresAt } = await startTransfer(user.id, ownershipId);
  revalidatePath("/[locale]/mypage", "layout");
  return { code: formatTransferCode(code), expiresAt: expiresAt.toISOString() };
});

export const cancelTransferAction = defineAction({ ...own, schema: ZOwnershipIdSchema }, async ({ ownershipId }, { user }) => {
  await cancelTransfer(user.id, ownershipId);
  revalidatePath("/[locale]/mypage", "layout");
});

export const acceptTransferAction = defineAction({ ...own, schema: ZAcceptTransferSchema }, async ({ code }, { user }) => {
  const { ownershipId } = await acceptTransfer(user.id, code);
  revalidatePath("/[locale]/mypage", "layout");
  redirect({ href: { pathname: `/mypage/products/${ownershipId}`, query: { received: "1" } }, locale: await getLocale() });
});

export const unregisterProductAction = defineAction({ ...own, schema: ZOwnershipIdSchema }, async ({ ownershipId }, { user }) => {
  await unregisterProduct(user.id, ownershipId);
  revalidatePath("/[locale]/mypage", "layout");
  redirect({ href: { pathname: "/mypage/products", query: { unregistered: "1" } }, locale: await getLocale() });
});

export const acknowledgeRecallAction = defineAction({ ...own, schema: ZNoticeIdSchema }, async ({ noticeId }, { user }) => {
  await acknowledgeOwnRecallNotice(user, noticeId);
  revalidatePath("/[locale]/mypage", "layout");
});

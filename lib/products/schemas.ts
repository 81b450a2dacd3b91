import { z } from "zod";
import { zMultilineText, zName, zText } from "@/lib/validation/text";
import { SERIAL_MAX_LENGTH } from "./serial-format";

/**
 * Forms of the product pages, shared by the browser and the server actions. Messages are catalog
 * keys (`validation.*`, or `products.*` when they contain a dot).
 */
const serial = zText()
  .trim()
  .min(1, "required")
  .max(SERIAL_MAX_LENGTH + 20, "tooLong");
const optionalId = zText().trim().max(40, "tooLong").default("");
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A dealer's registration invitation token, from its link (issue 13). */
const invitation = zText().trim().max(100, "tooLong").default("");

export const ZSerialLookupSchema = z.object({ serial, invitation });

/** "Where bought": one of our dealers, another shop (named), or not given. */
export const OTHER_SHOP = "other";

export const ZRegisterProductSchema = z
  .object({
    serial,
    // Asked for only with a receipt (the warranty counts from it then); otherwise it is ignored.
    purchasedOn: zText()
      .trim()
      .refine((value) => value === "" || isoDate.test(value), "dateInvalid")
      .default(""),
    dealerId: optionalId,
    // Only on the page when "other shop" is chosen, so it may be missing.
    otherShopName: zName().trim().max(100, "tooLong").default(""),
    proofFileId: optionalId,
    invitation,
    /** The customer says a dealer's recorded sale is not their purchase: register as usual. */
    declineSale: z.boolean().default(false),
  })
  .refine((value) => value.dealerId !== OTHER_SHOP || value.otherShopName.length > 0, {
    path: ["otherShopName"],
    message: "products.otherShopRequired",
  })
  .refine((value) => value.proofFileId === "" || value.purchasedOn !== "", {
    path: ["purchasedOn"],
    message: "products.purchaseDateRequired",
  });
export type TRegisterProduct = z.input<typeof ZRegisterProductSchema>;

/** Shown to the customer as the field's limit and counter, so it is the schema's own number. */
export const CLAIM_MESSAGE_MAX_LENGTH = 2000;

export const ZOwnershipClaimSchema = z.object({
  serial,
  message: zMultilineText().trim().min(10, "products.claimMessageShort").max(CLAIM_MESSAGE_MAX_LENGTH, "tooLong"),
  evidenceFileId: optionalId,
});
export type TOwnershipClaim = z.input<typeof ZOwnershipClaimSchema>;

export const ZOwnershipIdSchema = z.object({ ownershipId: zText().min(1).max(40) });

/** The one-time transfer code: 10 characters from an unambiguous alphabet, shown in 2 groups. */
export const ZAcceptTransferSchema = z.object({
  code: zText()
    .transform((value) => value.normalize("NFKC").toUpperCase().replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{10}$/, "products.transferCodeInvalid")),
});
export type TAcceptTransfer = z.input<typeof ZAcceptTransferSchema>;

import { z } from "zod";
import { zMultilineText, zName, zText } from "@/lib/validation/text";

/**
 * The dealer portal's forms (issue 13), shared by the browser and the server actions. Messages are
 * catalog keys (`validation.*`, or `dealer.*` when they contain a dot).
 */
const idempotencyKey = zText().trim().min(8, "invalid").max(64, "invalid");
const id = zText().trim().min(1, "required").max(40, "tooLong");
const email = zText().trim().toLowerCase().max(320, "tooLong").pipe(z.email("emailInvalid"));

/** A sales file read in the browser and sent as text (server actions take up to 1 MB: decision 0011). */
export const SALES_CSV_MAX_BYTES = 900_000;

export const ZImportSalesSchema = z.object({
  fileName: zName().trim().min(1, "required").max(200, "tooLong"),
  csv: zMultilineText().max(SALES_CSV_MAX_BYTES, "dealer.fileTooLarge"),
  idempotencyKey,
});
export type TImportSales = z.input<typeof ZImportSalesSchema>;

export const ZDealerStepSchema = z.object({
  ticketId: id,
  step: z.enum(["RECEIVED_FROM_CUSTOMER", "SENT_TO_SERVICE", "BACK_AT_SHOP", "RETURNED_TO_CUSTOMER"]),
});

export const DEALER_MESSAGE_MAX_LENGTH = 1000;

/** A dealer writes to one owner about one recall at most this often: the portal's name is on the email. */
export const MESSAGE_INTERVAL_DAYS = 7;

export const ZRecallMessageSchema = z.object({
  campaignId: id,
  /** "all" for every owner who has not completed it, or one notice. */
  noticeId: zText().trim().max(40, "tooLong").default("all"),
  body: zMultilineText().trim().min(10, "dealer.messageShort").max(DEALER_MESSAGE_MAX_LENGTH, "tooLong"),
  idempotencyKey,
});
export type TRecallMessage = z.input<typeof ZRecallMessageSchema>;

/** The buyer agreed at the till to get the email: the dealer confirms it with each invitation. */
export const ZInvitationSchema = z.object({ saleId: id, agreed: z.boolean().refine((value) => value, "dealer.agreementRequired") });
export type TInvitation = z.input<typeof ZInvitationSchema>;

export const ZShopStaffInviteSchema = z.object({
  name: zName().trim().min(1, "required").max(100, "tooLong"),
  email,
});
export type TShopStaffInvite = z.input<typeof ZShopStaffInviteSchema>;

export const ZShopStaffSchema = z.object({ userId: id, disabled: z.boolean() });

export const ZDealerSchema = z.object({
  id: zText().trim().max(40, "tooLong").default(""),
  code: zText()
    .trim()
    .toUpperCase()
    .min(2, "dealer.codeInvalid")
    .max(20, "dealer.codeInvalid")
    .regex(/^[A-Z0-9-]+$/, "dealer.codeInvalid"),
  name: zName().trim().min(1, "required").max(100, "tooLong"),
  prefecture: zName().trim().max(10, "tooLong").default(""),
  phone: zText()
    .trim()
    .max(20, "tooLong")
    .regex(/^[0-9+\-() ]*$/, "dealer.phoneInvalid")
    .default(""),
});
export type TDealer = z.input<typeof ZDealerSchema>;

export const ZDealerActiveSchema = z.object({ dealerId: id, active: z.boolean() });

/** A staff admin invites a dealer's admin (or staff); the shop form uses it too, its role ignored on the server. */
export const ZDealerPersonInviteSchema = ZShopStaffInviteSchema.extend({
  dealerId: id,
  role: z.enum(["DEALER_ADMIN", "DEALER_STAFF"]).default("DEALER_ADMIN"),
});
export type TDealerPersonInvite = z.input<typeof ZDealerPersonInviteSchema>;

export const ZDealerShareSchema = z.object({ dealerId: id, allow: z.boolean() });

export const ZSaleReviewSchema = z.object({ saleId: id, decision: z.enum(["keep", "remove"]) });

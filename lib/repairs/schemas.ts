import { z } from "zod";
import { ZProfileSchema } from "@/lib/account/schemas";
import { zMultilineText, zText } from "@/lib/validation/text";
import { isLocalDate } from "@/lib/warranty/local-date";

/**
 * Forms of the repair pages, shared by the browser and the server actions. Messages are catalog
 * keys (`validation.*`, or `repairs.*` when they contain a dot). Limits are exported so the form
 * shows them with a counter before the "too long" message.
 */
export const REPAIR_DESCRIPTION_MAX_LENGTH = 2000;
export const REPAIR_MESSAGE_MAX_LENGTH = 2000;
export const REPAIR_NOTE_MAX_LENGTH = 4000;
export const REPAIR_PHOTOS_MAX = 10;
export const PREFERRED_DATES_MAX = 3;

const id = zText().trim().min(1, "required").max(40, "tooLong");
const photoIds = z.array(zText().min(1, "invalid").max(40, "invalid")).max(REPAIR_PHOTOS_MAX, "repairs.tooManyPhotos").default([]);

export const DELIVERIES = ["COURIER_PICKUP", "DEALER_DROP_OFF", "SEND_IN"] as const;
export const CONTACT_PREFERENCES = ["EMAIL", "PHONE"] as const;

/** The profile's own rules for the fields a request may fill in (progressive profiling). */
const profile = ZProfileSchema.shape;

export const ZRepairRequestSchema = z
  .object({
    ownershipId: id,
    symptomCategoryId: zText().trim().min(1, "chooseOne").max(40, "invalid"),
    description: zMultilineText().trim().min(10, "repairs.descriptionShort").max(REPAIR_DESCRIPTION_MAX_LENGTH, "tooLong"),
    photoFileIds: photoIds,
    delivery: z.enum(DELIVERIES, { error: "chooseOne" }),
    preferredDates: z
      .array(
        zText()
          .trim()
          .refine((value) => value === "" || isLocalDate(value), "dateInvalid"),
      )
      .max(PREFERRED_DATES_MAX, "repairs.tooManyDates")
      .default([])
      .transform((dates) => [...new Set(dates.filter(Boolean))]),
    dealerId: zText().trim().max(40, "tooLong").default(""),
    contactPreference: z.enum(CONTACT_PREFERENCES, { error: "chooseOne" }),
    // Only asked when the profile lacks them; saved to the profile too.
    phone: profile.phone.default(""),
    postalCode: profile.postalCode.default(""),
    prefecture: profile.prefecture.default(""),
    city: profile.city.default(""),
    addressLine1: profile.addressLine1.default(""),
    addressLine2: profile.addressLine2.default(""),
    /** Made once per form; a double submit or a retry sends the same key and gets the same ticket. */
    idempotencyKey: zText().trim().min(8, "invalid").max(64, "invalid"),
  })
  .refine((value) => value.delivery !== "COURIER_PICKUP" || value.preferredDates.length > 0, {
    path: ["preferredDates"],
    message: "repairs.pickupDateRequired",
  })
  .refine((value) => value.delivery !== "DEALER_DROP_OFF" || value.dealerId !== "", {
    path: ["dealerId"],
    message: "repairs.dealerRequired",
  });
export type TRepairRequest = z.input<typeof ZRepairRequestSchema>;
export type RepairRequestInput = z.output<typeof ZRepairRequestSchema>;

export const ZTicketIdSchema = z.object({ ticketId: id });

/** The customer's answer when staff asked for information. */
export const ZRepairInfoSchema = z
  .object({
    ticketId: id,
    message: zMultilineText().trim().max(REPAIR_MESSAGE_MAX_LENGTH, "tooLong").default(""),
    photoFileIds: photoIds,
  })
  .refine((value) => value.message !== "" || value.photoFileIds.length > 0, { path: ["message"], message: "repairs.infoEmpty" });
export type TRepairInfo = z.input<typeof ZRepairInfoSchema>;

export const ZEstimateDecisionSchema = z.object({
  ticketId: id,
  estimateId: id,
  decision: z.enum(["approve", "decline"], { error: "invalid" }),
});

export const RATING_COMMENT_MAX_LENGTH = 1000;
export const ZRatingSchema = z.object({
  ticketId: id,
  rating: z.coerce
    .number({ error: "repairs.ratingRequired" })
    .int("repairs.ratingRequired")
    .min(1, "repairs.ratingRequired")
    .max(5, "repairs.ratingRequired"),
  comment: zMultilineText().trim().max(RATING_COMMENT_MAX_LENGTH, "tooLong").default(""),
});

// --- Staff ---------------------------------------------------------------------------------

export const ZNoteSchema = z.object({
  ticketId: id,
  body: zMultilineText().trim().min(1, "required").max(REPAIR_NOTE_MAX_LENGTH, "tooLong"),
});

export const ZAskCustomerSchema = z.object({
  ticketId: id,
  message: zMultilineText().trim().min(5, "repairs.askShort").max(REPAIR_MESSAGE_MAX_LENGTH, "tooLong"),
});

export const ZAssignSchema = z.object({ ticketId: id, assigneeId: zText().trim().max(40, "repairs.assigneeInvalid").default("") });

export const ZMoveSchema = z.object({
  ticketId: id,
  to: z.enum(["DIAGNOSING", "REPAIRING", "SHIPPED_BACK", "COMPLETED"], { error: "chooseOne" }),
  /** The status the agent saw; a ticket moved meanwhile is refused rather than moved twice. */
  from: z.enum(["RECEIVED", "DIAGNOSING", "WAITING_FOR_CUSTOMER", "ESTIMATE_SENT", "REPAIRING", "SHIPPED_BACK", "COMPLETED", "CANCELLED"], {
    error: "invalid",
  }),
  outcome: z.enum(["REPAIRED", "REPLACED", "NO_FAULT_FOUND", "NOT_REPAIRED"], { error: "chooseOne" }).optional(),
});

export const CANCEL_REASON_MAX_LENGTH = 500;
export const ZStaffCancelSchema = z.object({
  ticketId: id,
  reason: zMultilineText().trim().min(5, "repairs.reasonShort").max(CANCEL_REASON_MAX_LENGTH, "tooLong"),
});

/** Japan's standard consumption tax, in percent (the estimate form's default). */
export const DEFAULT_TAX_RATE = 10;
export const ESTIMATE_LINES_MAX = 20;
/** The largest estimate before tax (one hundred million yen). */
export const ESTIMATE_MAX_YEN = 100_000_000;

export const ZEstimateSchema = z.object({
  ticketId: id,
  lines: z
    .array(
      z.object({
        description: zText().trim().min(1, "required").max(200, "tooLong"),
        quantity: z.coerce.number({ error: "numberInvalid" }).int("numberInvalid").min(1, "numberInvalid").max(999, "numberInvalid"),
        unitPriceYen: z.coerce
          .number({ error: "numberInvalid" })
          .int("numberInvalid")
          .min(0, "numberInvalid")
          .max(10_000_000, "numberInvalid"),
      }),
    )
    .min(1, "repairs.estimateNoLines")
    .max(ESTIMATE_LINES_MAX, "repairs.estimateTooManyLines")
    // Amounts are stored as 32-bit integers; no repair estimate comes near this.
    .refine(
      (lines) => lines.reduce((sum, line) => sum + line.quantity * line.unitPriceYen, 0) <= ESTIMATE_MAX_YEN,
      "repairs.estimateTooLarge",
    ),
  taxRate: z.coerce
    .number({ error: "numberInvalid" })
    .int("numberInvalid")
    .min(0, "numberInvalid")
    .max(100, "numberInvalid")
    .default(DEFAULT_TAX_RATE),
  note: zMultilineText().trim().max(REPAIR_MESSAGE_MAX_LENGTH, "tooLong").default(""),
});
export type TEstimate = z.input<typeof ZEstimateSchema>;

export const PARTS_MAX = 50;
export const ZPartsSchema = z.object({
  ticketId: id,
  parts: z
    .array(
      z.object({
        partNumber: zText().trim().min(1, "required").max(40, "tooLong"),
        name: zText().trim().min(1, "required").max(200, "tooLong"),
        quantity: z.coerce.number({ error: "numberInvalid" }).int("numberInvalid").min(1, "numberInvalid").max(999, "numberInvalid"),
      }),
    )
    .max(PARTS_MAX, "repairs.partsTooMany"),
});

/** A diagnosis photo staff uploaded (upload pipeline, purpose repair_photo) and now attach to the ticket. */
export const ZStaffPhotoSchema = z.object({ ticketId: id, fileId: id });

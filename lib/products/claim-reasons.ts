import { z } from "zod";
import { zMultilineText, zText } from "@/lib/validation/text";

/**
 * Why staff turn down an ownership claim, and what the customer can do next. One short list,
 * shared by the staff form (select), the server schema, My products and the decision email, so
 * the customer always sees a reason they can act on.
 */
export const CLAIM_REJECT_REASONS = ["proofUnreadable", "proofMissing", "serialMismatch", "ownerHasProof", "other"] as const;
export type ClaimRejectReason = (typeof CLAIM_REJECT_REASONS)[number];

/** The customer's next step: a new request (with better proof) or a word with support. */
export type ClaimNextStep = "newClaim" | "contactSupport";

export const CLAIM_NEXT_STEP: Record<ClaimRejectReason, ClaimNextStep> = {
  proofUnreadable: "newClaim",
  proofMissing: "newClaim",
  serialMismatch: "newClaim",
  ownerHasProof: "contactSupport",
  other: "contactSupport",
};

export function isClaimRejectReason(value: string | null | undefined): value is ClaimRejectReason {
  return (CLAIM_REJECT_REASONS as readonly string[]).includes(value ?? "");
}

/** The staff decision form and its server action: a rejection needs a reason; the note goes to the customer. */
export const ZClaimDecisionSchema = z
  .object({
    claimId: zText().min(1).max(40),
    approve: z.boolean(),
    reason: z.enum(CLAIM_REJECT_REASONS).nullable().default(null),
    note: zMultilineText().trim().max(1000, "tooLong").default(""),
    /** The registration shown to staff (null: nobody owned it). */
    reviewedOwnershipId: zText().max(40).nullable(),
  })
  .refine((value) => value.approve || value.reason !== null, { path: ["reason"], message: "claimsAdmin.reasonRequired" });
export type TClaimDecision = z.input<typeof ZClaimDecisionSchema>;

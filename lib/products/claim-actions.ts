"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { decideClaim } from "./claims";

/** Staff decide ownership claims (permission "claims.review"). */
export const decideClaimAction = defineAction(
  {
    permission: "claims.review",
    schema: z.object({
      claimId: z.string().min(1).max(40),
      approve: z.boolean(),
      note: z.string().trim().max(1000, "tooLong").default(""),
      /** The registration shown to staff (null: nobody owned it). */
      reviewedOwnershipId: z.string().max(40).nullable(),
    }),
  },
  async (input, { user }) => {
    await decideClaim(user.id, input);
    revalidatePath("/[locale]/admin/claims", "page");
  },
);

"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { decideClaim } from "./claims";
import { ZClaimDecisionSchema } from "./claim-reasons";

/** Staff decide ownership claims (permission "claims.review"). */
export const decideClaimAction = defineAction({ permission: "claims.review", schema: ZClaimDecisionSchema }, async (input, { user }) => {
  await decideClaim(user.id, input);
  revalidatePath("/[locale]/admin/claims", "page");
});

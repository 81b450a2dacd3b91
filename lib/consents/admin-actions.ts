"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { createPurpose, publishPolicyVersion } from "./admin";
import { ZPolicyVersionSchema, ZPurposeSchema } from "./schemas";

/** Admins: publish a new version of a purpose's text; add an optional purpose (issue 14). */
export const publishPolicyVersionAction = defineAction(
  { permission: "privacy.manage", schema: ZPolicyVersionSchema },
  async (input, { user }) => {
    const created = await publishPolicyVersion(user, input);
    revalidatePath("/[locale]/admin/privacy", "layout");
    return created;
  },
);

export const createPurposeAction = defineAction({ permission: "privacy.manage", schema: ZPurposeSchema }, async (input, { user }) => {
  await createPurpose(user, input);
  revalidatePath("/[locale]/admin/privacy", "layout");
  return { id: input.id };
});

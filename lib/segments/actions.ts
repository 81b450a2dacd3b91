"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { zText } from "@/lib/validation/text";
import { ZSegmentDefinition, ZSegmentSchema } from "./rules";
import { archiveSegment, countSegment, sampleSegment, saveSegment } from "./segments";

/** Admins: the rule builder's live count and masked sample, saving and archiving (issue 15). */
export const previewSegmentAction = defineAction(
  { permission: "segments.manage", schema: z.object({ definition: ZSegmentDefinition }) },
  async (input) => {
    const [count, sample] = await Promise.all([countSegment(input.definition), sampleSegment(input.definition)]);
    return { count, sample, listed: count === 0 || sample.length > 0 };
  },
);

export const saveSegmentAction = defineAction({ permission: "segments.manage", schema: ZSegmentSchema }, async (input, { user }) => {
  const saved = await saveSegment(user.id, input);
  revalidatePath("/[locale]/admin/engagement", "layout");
  return saved;
});

export const archiveSegmentAction = defineAction(
  { permission: "segments.manage", schema: z.object({ segmentId: zText().trim().min(1).max(40) }) },
  async (input, { user }) => {
    await archiveSegment(user.id, input.segmentId);
    revalidatePath("/[locale]/admin/engagement", "layout");
    return { archived: true };
  },
);

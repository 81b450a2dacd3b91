"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { requestAnalyticsRefresh } from "./refresh";

/** Admins and leads: recount the warranty figures now (a job; the page shows when it finished). */
export const refreshAnalyticsAction = defineAction({ permission: "analytics.read", schema: z.object({}) }, async (_input, { user }) => {
  await requestAnalyticsRefresh(user.id);
  return { queued: true };
});

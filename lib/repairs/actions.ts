"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { defineAction } from "@/lib/action";
import { redirect } from "@/lib/i18n/navigation";
import { addInformation, cancelOwnRequest, decideEstimate, rateRepair, withdrawRating } from "./customer-steps";
import { createRepairRequest } from "./requests";
import { ZEstimateDecisionSchema, ZRatingSchema, ZRepairInfoSchema, ZRepairRequestSchema, ZTicketIdSchema } from "./schemas";

/**
 * The customer's repair actions (conventions: One action wrapper). Each is scoped to the signed-in
 * customer ("repairs.own"); lib/repairs puts the customer in every query, so another customer's
 * ticket is "not found".
 */
const own = { permission: "repairs.own" } as const;

function refresh() {
  revalidatePath("/[locale]/mypage", "layout");
}

export const createRepairRequestAction = defineAction({ ...own, schema: ZRepairRequestSchema }, async (input, { user }) => {
  // Idempotent by the form's key: a double click or a retry lands on the same ticket.
  const ticket = await createRepairRequest(user, input);
  refresh();
  redirect({ href: { pathname: `/mypage/repairs/${ticket.id}`, query: { sent: "1" } }, locale: await getLocale() });
});

export const addRepairInfoAction = defineAction({ ...own, schema: ZRepairInfoSchema }, async (input, { user }) => {
  await addInformation(user.id, input);
  refresh();
});

export const decideEstimateAction = defineAction({ ...own, schema: ZEstimateDecisionSchema }, async (input, { user }) => {
  await decideEstimate(user.id, input);
  refresh();
});

export const cancelRepairAction = defineAction({ ...own, schema: ZTicketIdSchema }, async ({ ticketId }, { user }) => {
  await cancelOwnRequest(user.id, ticketId);
  refresh();
});

export const rateRepairAction = defineAction({ ...own, schema: ZRatingSchema }, async (input, { user }) => {
  await rateRepair(user.id, input);
  refresh();
});

export const withdrawRatingAction = defineAction({ ...own, schema: ZTicketIdSchema }, async ({ ticketId }, { user }) => {
  await withdrawRating(user.id, ticketId);
  refresh();
});

"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { addInternalNote, addStaffPhoto, askCustomer, assignTicket, cancelTicket, moveTicket, recordParts, sendEstimate } from "./desk";
import {
  ZAskCustomerSchema,
  ZAssignSchema,
  ZEstimateSchema,
  ZMoveSchema,
  ZNoteSchema,
  ZPartsSchema,
  ZStaffCancelSchema,
  ZStaffPhotoSchema,
} from "./schemas";

/**
 * The desk's steps on one ticket (permission "repairs.work"; conventions: One action wrapper).
 * Each step re-checks the ticket's state in lib/repairs/desk.ts, so a stale page is refused with
 * a message, never applied twice.
 */
const TICKET_PAGE = "/[locale]/admin/repairs/[id]";
const refresh = () => revalidatePath(TICKET_PAGE, "page");

export const assignTicketAction = defineAction({ permission: "repairs.work", schema: ZAssignSchema }, async (input, { user }) => {
  await assignTicket(user, input);
  refresh();
});

export const addInternalNoteAction = defineAction({ permission: "repairs.work", schema: ZNoteSchema }, async (input, { user }) => {
  await addInternalNote(user, input);
  refresh();
});

export const moveTicketAction = defineAction({ permission: "repairs.work", schema: ZMoveSchema }, async (input, { user }) => {
  await moveTicket(user, input);
  refresh();
});

export const askCustomerAction = defineAction({ permission: "repairs.work", schema: ZAskCustomerSchema }, async (input, { user }) => {
  await askCustomer(user, input);
  refresh();
});

export const sendEstimateAction = defineAction({ permission: "repairs.work", schema: ZEstimateSchema }, async (input, { user }) => {
  await sendEstimate(user, input);
  refresh();
});

export const recordPartsAction = defineAction({ permission: "repairs.work", schema: ZPartsSchema }, async (input, { user }) => {
  await recordParts(user, input);
  refresh();
});

export const cancelTicketAction = defineAction({ permission: "repairs.work", schema: ZStaffCancelSchema }, async (input, { user }) => {
  await cancelTicket(user, input);
  refresh();
});

export const addStaffPhotoAction = defineAction({ permission: "repairs.work", schema: ZStaffPhotoSchema }, async (input, { user }) => {
  await addStaffPhoto(user, input);
  refresh();
});

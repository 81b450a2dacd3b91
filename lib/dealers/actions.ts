"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { setDealerShare } from "@/lib/consents/dealer-share";
import { reviewFlaggedSale, saveDealer, setDealerActive } from "./admin";
import { sendRegistrationInvitation } from "./invitations";
import { sendRecallMessage } from "./recalls";
import { recordDealerStep } from "./repairs";
import { importSales } from "./sales";
import {
  ZDealerActiveSchema,
  ZDealerPersonInviteSchema,
  ZDealerSchema,
  ZDealerShareSchema,
  ZDealerStepSchema,
  ZImportSalesSchema,
  ZInvitationSchema,
  ZRecallMessageSchema,
  ZSaleReviewSchema,
  ZShopStaffInviteSchema,
  ZShopStaffSchema,
} from "./schemas";
import { inviteDealerStaff, resendDealerInvitation, setDealerStaffDisabled } from "./staff";

/**
 * The dealer portal's actions (issue 13). Each checks its permission on the server and then scopes
 * by the actor's own dealer (never a dealer id from the form, except a staff admin's).
 */
export const importSalesAction = defineAction({ permission: "dealer.sales", schema: ZImportSalesSchema }, async (input, { user }) => {
  const result = await importSales(user, input);
  if (result.status === "imported") revalidatePath("/[locale]/dealer", "layout");
  return result;
});

export const sendInvitationAction = defineAction({ permission: "dealer.sales", schema: ZInvitationSchema }, async (input, { user }) => {
  await sendRegistrationInvitation(user, input.saleId);
  revalidatePath("/[locale]/dealer/sales", "page");
});

export const recordDealerStepAction = defineAction({ permission: "dealer.repairs", schema: ZDealerStepSchema }, async (input, { user }) => {
  await recordDealerStep(user, input);
  revalidatePath("/[locale]/dealer", "layout");
});

export const sendRecallMessageAction = defineAction(
  { permission: "dealer.recalls", schema: ZRecallMessageSchema },
  async (input, { user }) => {
    const result = await sendRecallMessage(user, {
      campaignId: input.campaignId,
      noticeIds: input.noticeId === "all" ? "all" : [input.noticeId],
      body: input.body,
      idempotencyKey: input.idempotencyKey,
    });
    revalidatePath("/[locale]/dealer/recalls", "layout");
    return result;
  },
);

export const inviteShopStaffAction = defineAction(
  { permission: "dealer.staff.manage", schema: ZShopStaffInviteSchema },
  async (input, { user }) => {
    const result = await inviteDealerStaff(user, { dealerId: user.dealerId ?? "", name: input.name, email: input.email });
    revalidatePath("/[locale]/dealer/staff", "page");
    return result;
  },
);

export const setShopStaffDisabledAction = defineAction(
  { permission: "dealer.staff.manage", schema: ZShopStaffSchema },
  async (input, { user }) => {
    await setDealerStaffDisabled(user, input);
    revalidatePath("/[locale]/dealer/staff", "page");
  },
);

const ZUserId = z.object({ userId: ZShopStaffSchema.shape.userId });

export const resendShopInvitationAction = defineAction({ permission: "dealer.staff.manage", schema: ZUserId }, async (input, { user }) => {
  await resendDealerInvitation(user, input.userId);
});

/** Staff admins: dealers, their activity and their people. */
export const saveDealerAction = defineAction({ permission: "dealers.manage", schema: ZDealerSchema }, async (input, { user }) => {
  const saved = await saveDealer(user, input);
  revalidatePath("/[locale]/admin/dealers", "layout");
  return saved;
});

export const setDealerActiveAction = defineAction(
  { permission: "dealers.manage", schema: ZDealerActiveSchema },
  async (input, { user }) => {
    await setDealerActive(user, input);
    revalidatePath("/[locale]/admin/dealers", "layout");
  },
);

export const inviteDealerPersonAction = defineAction(
  { permission: "dealers.manage", schema: ZDealerPersonInviteSchema },
  async (input, { user }) => {
    const result = await inviteDealerStaff(user, input);
    revalidatePath("/[locale]/admin/dealers", "layout");
    return result;
  },
);

export const setDealerPersonDisabledAction = defineAction(
  { permission: "dealers.manage", schema: ZShopStaffSchema },
  async (input, { user }) => {
    await setDealerStaffDisabled(user, input);
    revalidatePath("/[locale]/admin/dealers", "layout");
  },
);

export const resendDealerPersonInvitationAction = defineAction(
  { permission: "dealers.manage", schema: ZUserId },
  async (input, { user }) => {
    await resendDealerInvitation(user, input.userId);
  },
);

export const reviewFlaggedSaleAction = defineAction(
  { permission: "dealers.manage", schema: ZSaleReviewSchema },
  async (input, { user }) => {
    await reviewFlaggedSale(user, input);
    revalidatePath("/[locale]/admin/dealers", "layout");
  },
);

/** Customers: let a dealer of theirs see their contact details, or stop it (one step either way). */
export const setDealerShareAction = defineAction({ permission: "products.own", schema: ZDealerShareSchema }, async (input, { user }) => {
  await setDealerShare(user.id, input.dealerId, input.allow);
  revalidatePath("/[locale]/mypage/privacy", "page");
});

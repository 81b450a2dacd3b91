"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { requireRecentAuthentication } from "@/lib/auth/step-up";
import { setConsent } from "@/lib/consents/current";
import { ZNotificationChoiceSchema, ZSetConsentSchema } from "@/lib/consents/schemas";
import { AppError } from "@/lib/errors";
import { redirect } from "@/lib/i18n/navigation";
import { setEmailChoice } from "@/lib/notifications/choices";
import { isNotificationKind } from "@/lib/notifications/kinds";
import { requestErasure } from "./erasure";
import { requestDataExport } from "./export";
import { saveRetentionDays, startRetentionRun } from "./retention";
import { ZRetentionSchema } from "./schemas";

/** The privacy center's actions (issue 14): each acts on the signed-in customer only. */
export const setConsentAction = defineAction({ permission: "privacy.own", schema: ZSetConsentSchema }, async (input, { user }) => {
  const changed = await setConsent(user.id, input.purpose, input.allow);
  revalidatePath("/[locale]/mypage/privacy", "layout");
  return { changed };
});

export const setNotificationChoiceAction = defineAction(
  { permission: "privacy.own", schema: ZNotificationChoiceSchema },
  async (input, { user }) => {
    if (!isNotificationKind(input.kind)) throw new AppError("NOT_FOUND");
    await setEmailChoice(user.id, input.kind, input.email);
    revalidatePath("/[locale]/mypage/privacy/notifications", "page");
  },
);

export const requestDataExportAction = defineAction({ permission: "privacy.own", schema: z.object({}) }, async (_input, { user }) => {
  const result = await requestDataExport(user.id);
  revalidatePath("/[locale]/mypage/privacy/data", "page");
  return result;
});

/** Delete the account: after a fresh re-authentication (step-up) and the typed confirmation. */
export const deleteAccountAction = defineAction(
  { permission: "privacy.own", schema: z.object({ confirm: z.literal(true, "privacyDelete.confirmRequired") }) },
  async (_input, { user }) => {
    await requireRecentAuthentication();
    await requestErasure(user.id);
    redirect({ href: "/account-deleted", locale: await getLocale() });
  },
);

/** Admins: retention periods per kind, and a run of the retention job now. */
export const saveRetentionAction = defineAction({ permission: "privacy.manage", schema: ZRetentionSchema }, async (input, { user }) => {
  await saveRetentionDays(user.id, input);
  revalidatePath("/[locale]/admin/privacy/retention", "page");
});

export const runRetentionAction = defineAction({ permission: "privacy.manage", schema: z.object({}) }, async (_input, { user }) => {
  await startRetentionRun(user.id);
  revalidatePath("/[locale]/admin/privacy/retention", "page");
});

"use server";

import { z } from "zod";
import { getLocale } from "next-intl/server";
import { defineAction } from "@/lib/action";
import { recordAudit } from "@/lib/audit/log";
import { redirect } from "@/lib/i18n/navigation";
import { signOut } from "./index";
import { areaOf, areaOfPath, homePathFor } from "./permissions";
import { safeCallbackPath } from "./safe-redirect";
import { ZSignInSchema } from "./schemas";
import { signInWithPassword } from "./sign-in";

export const signInAction = defineAction({ schema: ZSignInSchema, public: true }, async (input) => {
  const { role } = await signInWithPassword(input);
  const locale = await getLocale();
  // Back to the page asked for, if it is inside this portal and in an area this role may open.
  const callback = safeCallbackPath(input.callbackUrl);
  const callbackArea = callback ? areaOfPath(callback.split("?")[0]!) : null;
  const usable = callback && (callbackArea === null || callbackArea === areaOf(role));
  redirect({ href: usable ? callback : homePathFor(role), locale });
});

export const signOutAction = defineAction({ schema: z.object({}), public: true }, async (_input, { user }) => {
  const locale = await getLocale();
  if (user) await recordAudit({ action: "auth.sign_out", outcome: "SUCCESS", actorId: user.id });
  // Auth.js deletes the Session row (database strategy) and clears the cookie.
  await signOut({ redirectTo: `/${locale}/signin?signedOut=1` });
});

"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { revokeConnectedApp } from "./grants";
import { loadInteraction } from "./interaction";

const ZUid = z.object({ uid: z.string().min(1).max(64) });

/**
 * The app asked for a fresh sign-in (prompt=login, max_age) or a second factor: the page's
 * re-authentication dialog runs this until the session qualifies (STEP_UP_REQUIRED opens it).
 */
export const confirmOidcLoginAction = defineAction({ schema: ZUid, permission: "account.manage" }, async ({ uid }) => {
  const view = await loadInteraction(uid);
  if (!view || view.prompt !== "login") throw new AppError("NOT_FOUND");
  if (view.login === "confirm" || view.login === "secondFactor") throw new AppError("STEP_UP_REQUIRED");
  if (view.login !== "ready") throw new AppError("FORBIDDEN");
  return { ready: true };
});

/** Connected apps: revoke an app's access at once (its tokens stop working on their next use). */
export const revokeConnectedAppAction = defineAction(
  { schema: z.object({ key: z.string().regex(/^[a-f0-9]{64}$/) }), permission: "privacy.own" },
  async ({ key }, { user }) => {
    await revokeConnectedApp(user.id, key);
    return { revoked: true };
  },
);

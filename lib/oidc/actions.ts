"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/log";
import { ZClientSchema } from "./client-schemas";
import { renewClientSecret, saveClient, setClientDisabled } from "./clients";
import { revokeConnectedApp } from "./grants";
import { rotateSigningKey } from "./keys";
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

const manageApps = { permission: "apps.manage" } as const;

export const saveClientAction = defineAction({ schema: ZClientSchema, ...manageApps }, (input, { user }) => saveClient(user.id, input));

export const renewClientSecretAction = defineAction(
  { schema: z.object({ id: z.string().min(1).max(40) }), ...manageApps },
  ({ id }, { user }) => renewClientSecret(user.id, id),
);

export const setClientDisabledAction = defineAction(
  { schema: z.object({ id: z.string().min(1).max(40), disabled: z.boolean() }), ...manageApps },
  async ({ id, disabled }, { user }) => {
    await setClientDisabled(user.id, id, disabled);
    return { disabled };
  },
);

/** A new signing key: published now, signing after a few minutes (lib/oidc/keys.ts). */
export const rotateSigningKeyAction = defineAction({ schema: z.object({}), ...manageApps }, async (_input, { user }) => {
  const kid = await rotateSigningKey();
  await recordAudit({ action: "oidc.keys_rotated", outcome: "SUCCESS", actorId: user.id, details: { kid } });
  return { kid };
});

"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { ZWebhookSchema } from "./schemas";
import { redeliver, renewWebhookSecret, saveWebhook, setWebhookDisabled } from "./subscriptions";

const manage = { permission: "apps.manage" } as const;
const id = z.string().min(1).max(60);

export const saveWebhookAction = defineAction({ schema: ZWebhookSchema, ...manage }, (input, { user }) => saveWebhook(user.id, input));

export const renewWebhookSecretAction = defineAction({ schema: z.object({ id }), ...manage }, ({ id }, { user }) =>
  renewWebhookSecret(user.id, id),
);

export const setWebhookDisabledAction = defineAction(
  { schema: z.object({ id, disabled: z.boolean() }), ...manage },
  async ({ id, disabled }, { user }) => {
    await setWebhookDisabled(user.id, id, disabled);
    return { disabled };
  },
);

export const redeliverAction = defineAction({ schema: z.object({ deliveryId: id }), ...manage }, ({ deliveryId }, { user }) =>
  redeliver(user.id, deliveryId),
);

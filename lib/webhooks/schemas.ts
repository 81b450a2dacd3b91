import { z } from "zod";
import { zText } from "@/lib/validation/text";
import { WEBHOOK_DATA_SCOPES, WEBHOOK_EVENTS } from "./events";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https, or http to this machine when the portal itself runs on it (development, tests, demo). */
export function isWebhookUrl(value: string, portalIsLocal: boolean): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password || url.hash) return false;
    if (url.protocol === "https:") return portalIsLocal || !LOCAL_HOSTS.has(url.hostname);
    return url.protocol === "http:" && portalIsLocal && LOCAL_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

export const ZWebhookSchema = z.object({
  id: z.string().max(40).optional(),
  name: zText().trim().min(1, "required").max(80, "tooLong"),
  url: zText().trim().min(1, "required").max(500, "tooLong"),
  events: z.array(z.enum(WEBHOOK_EVENTS, { error: "invalid" })).min(1, "webhooks.eventsRequired"),
  dataScopes: z.array(z.enum(WEBHOOK_DATA_SCOPES, { error: "invalid" })).default([]),
});
export type TWebhook = z.input<typeof ZWebhookSchema>;
export type WebhookInput = z.output<typeof ZWebhookSchema>;

/**
 * What webhooks can tell a CRM or marketing tool (issue 16), and what personal data a
 * subscription may receive with them. The events are written by database triggers (migration
 * webhook_triggers); this list is what admins subscribe to. Pure.
 */
export const WEBHOOK_EVENTS = [
  "product.registered",
  "product.transferred",
  "repair.status_changed",
  "points.moved",
  "consent.changed",
  "account.erased",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Without any, a payload names the customer by id only; "profile" adds the name, "email" the address. */
export const WEBHOOK_DATA_SCOPES = ["profile", "email"] as const;
export type WebhookDataScope = (typeof WEBHOOK_DATA_SCOPES)[number];

/** The message key of an event (dots are not key characters). */
export function eventMessageKey(event: WebhookEvent): string {
  return event.replace(".", "_");
}

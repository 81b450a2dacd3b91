/**
 * The kinds of email a customer can choose about (issue 14), as data: the preference center lists
 * them, and sendEmail (lib/email/send.ts) looks up each template's kind before it sends, so every
 * email of a kind obeys the choice wherever it is sent from. Templates not listed (sign-in links,
 * security alerts, ownership decisions) are part of running the account and always go.
 * Pure, so client components can read it.
 */
export const NOTIFICATION_KINDS = [
  { kind: "repair_update", templates: ["repairUpdate"] },
  { kind: "chat_reply", templates: ["chatUnread"] },
  // Safety notices: product safety law obliges the maker to reach owners, so this one cannot be switched off.
  { kind: "recall_notice", templates: ["recallNotice", "dealerMessage"], locked: true },
  { kind: "points_expiry", templates: ["pointsExpiring"] },
  // Campaign emails (issue 15) also need the marketing_email consent.
  { kind: "campaigns", templates: [] },
] as const satisfies readonly { kind: string; templates: readonly string[]; locked?: boolean }[];

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]["kind"];

export function isNotificationKind(value: string): value is NotificationKind {
  return NOTIFICATION_KINDS.some((entry) => entry.kind === value);
}

export function isLockedKind(kind: NotificationKind): boolean {
  return NOTIFICATION_KINDS.some((entry) => entry.kind === kind && "locked" in entry && entry.locked);
}

/** The kind an email template belongs to, or null for account emails that always go. */
export function kindOfTemplate(template: string): NotificationKind | null {
  return NOTIFICATION_KINDS.find((entry) => (entry.templates as readonly string[]).includes(template))?.kind ?? null;
}

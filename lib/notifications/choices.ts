import "server-only";
import { db } from "@/lib/db";

/**
 * A customer's email choices per kind (issue 11 starts the table; issue 14's preference center shows
 * every kind). No row means the default: emails of that kind are sent.
 */
export const NOTIFICATION_KINDS = ["chat_reply", "points_expiry"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export async function emailAllowed(userId: string, kind: NotificationKind): Promise<boolean> {
  const choice = await db.notificationChoice.findUnique({ where: { userId_kind: { userId, kind } }, select: { email: true } });
  return choice?.email ?? true;
}

export async function setEmailChoice(userId: string, kind: NotificationKind, email: boolean): Promise<void> {
  await db.notificationChoice.upsert({
    where: { userId_kind: { userId, kind } },
    create: { userId, kind, email },
    update: { email },
  });
}

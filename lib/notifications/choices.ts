import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isLockedKind, NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

export { NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

/**
 * A customer's email choices per kind (lib/notifications/kinds.ts). No row means the default:
 * emails of that kind are sent. A locked kind (recall notices) is always sent.
 */
export async function emailAllowed(userId: string, kind: NotificationKind): Promise<boolean> {
  if (isLockedKind(kind)) return true;
  const choice = await db.notificationChoice.findUnique({ where: { userId_kind: { userId, kind } }, select: { email: true } });
  return choice?.email ?? true;
}

/** The same, for the address an email is about to go to (sendEmail knows only the address). */
export async function emailAllowedTo(address: string, kind: NotificationKind): Promise<boolean> {
  if (isLockedKind(kind)) return true;
  const user = await db.user.findUnique({
    where: { email: address },
    select: { notificationChoices: { where: { kind }, select: { email: true } } },
  });
  return user?.notificationChoices[0]?.email ?? true;
}

export async function setEmailChoice(userId: string, kind: NotificationKind, email: boolean): Promise<void> {
  if (isLockedKind(kind)) throw new AppError("VALIDATION", { messageKey: "notifications.locked" });
  await db.notificationChoice.upsert({
    where: { userId_kind: { userId, kind } },
    create: { userId, kind, email },
    update: { email },
  });
  await recordAudit({ action: "notifications.changed", outcome: "SUCCESS", actorId: userId, details: { kind, email } });
}

/** Every kind with the customer's choice, in the table's order, for the preference center. */
export async function emailChoices(userId: string): Promise<{ kind: NotificationKind; email: boolean; locked: boolean }[]> {
  const rows = await db.notificationChoice.findMany({ where: { userId }, select: { kind: true, email: true } });
  const chosen = new Map(rows.map((row) => [row.kind, row.email]));
  return NOTIFICATION_KINDS.map(({ kind }) => ({
    kind,
    locked: isLockedKind(kind),
    email: isLockedKind(kind) ? true : (chosen.get(kind) ?? true),
  }));
}

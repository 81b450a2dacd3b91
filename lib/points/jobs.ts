import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { portalUrl } from "@/lib/email/send";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import type { Locale } from "@/lib/i18n/routing";
import { logger } from "@/lib/log";
import { emailAllowed } from "@/lib/notifications/choices";
import { businessTimeZone } from "@/lib/time/business-time";
import { settleCustomer } from "./movements";
import { reconcile, type Reconciliation } from "./reconcile";

/**
 * The ledger's scheduled work (queues in lib/jobs/queues.ts): pending points become available and
 * old ones expire (hourly), a reminder goes out 30 days before points expire (daily), and the
 * reconciliation proves the books every night. Customer by customer, each in its own transaction,
 * so one customer's problem never holds up the rest and a crash resumes where it stopped.
 */
const BATCH = 500;

/** Release and expire what is due at `now` for every customer who has something due. */
export async function settleDueLots(now: Date = new Date()): Promise<number> {
  let settled = 0;
  let after = "";
  for (;;) {
    const users = await db.$queryRaw<{ userId: string }[]>`
      SELECT DISTINCT "userId" FROM "PointsLot"
      WHERE remaining > 0 AND "userId" > ${after}
        AND ("expiresAt" <= ${now} OR ("releasedAt" IS NULL AND "heldAt" IS NULL AND "availableFrom" <= ${now}))
      ORDER BY "userId" LIMIT ${BATCH}`;
    for (const { userId } of users) {
      try {
        await db.$transaction((tx) => settleCustomer(tx, userId, now));
        settled++;
      } catch (error) {
        logger.error({ err: error, userId }, "points settlement failed for a customer");
      }
    }
    if (users.length < BATCH) return settled;
    after = users.at(-1)!.userId;
  }
}

export const REMINDER_DAYS = 30;

/** One email per customer whose points expire within 30 days and who has not been reminded of them. */
export async function remindExpiringPoints(now: Date = new Date()): Promise<number> {
  const until = new Date(now.getTime() + REMINDER_DAYS * 86_400_000);
  const due = await db.$queryRaw<{ userId: string; points: number; firstExpiry: Date; lotIds: string[] }[]>`
    SELECT "userId", SUM(remaining)::int AS points, MIN("expiresAt") AS "firstExpiry", array_agg(id) AS "lotIds"
    FROM "PointsLot"
    WHERE remaining > 0 AND "releasedAt" IS NOT NULL AND "remindedAt" IS NULL AND "expiresAt" > ${now} AND "expiresAt" <= ${until}
    GROUP BY "userId" LIMIT 5000`;
  let sent = 0;
  for (const row of due) {
    // Marked first, in one statement: a rerun after a crash skips these lots rather than emailing twice.
    await db.pointsLot.updateMany({ where: { id: { in: row.lotIds }, remindedAt: null }, data: { remindedAt: now } });
    if (!(await emailAllowed(row.userId, "points_expiry"))) continue;
    const user = await db.user.findUnique({ where: { id: row.userId }, select: { email: true, locale: true, disabledAt: true } });
    if (!user || user.disabledAt) continue;
    const locale = user.locale as Locale;
    await enqueueEmail({
      to: user.email,
      locale,
      template: {
        name: "pointsExpiring",
        points: new Intl.NumberFormat(locale).format(row.points),
        date: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: businessTimeZone() }).format(
          new Date(row.firstExpiry.getTime() - 1),
        ),
        url: portalUrl(locale, "/mypage/points"),
      },
    });
    sent++;
  }
  return sent;
}

/** The nightly proof; findings raise an alert: an audit event and an email to every admin. */
export async function reconcileLedger(): Promise<Reconciliation> {
  const result = await db.$transaction((tx) => reconcile(tx), { timeout: 10 * 60_000 });
  if (result.findings.length === 0) return result;
  logger.error({ findings: result.findings.slice(0, 50) }, "points reconciliation found differences");
  await recordAudit({
    action: "points.reconciliation_failed",
    outcome: "FAILURE",
    actorLabel: "system",
    details: { count: result.findings.length, findings: result.findings.slice(0, 50) },
  });
  const admins = await db.user.findMany({ where: { role: "ADMIN", disabledAt: null }, select: { email: true, locale: true } });
  for (const admin of admins) {
    await enqueueEmail({
      to: admin.email,
      locale: admin.locale as Locale,
      template: {
        name: "pointsReconciliation",
        count: String(result.findings.length),
        url: portalUrl(admin.locale as Locale, "/admin/points"),
      },
    });
  }
  return result;
}

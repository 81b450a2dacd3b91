import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requestMeta } from "@/lib/request-context";
import type { Tx } from "./ledger";

/**
 * Velocity checks on earning (issue 12): many registrations from one address in a day, or serials
 * registered and removed in a loop, hold the awards pending until staff review them (PointsFlag).
 * The limits are the program's settings.
 */
export type VelocityFlag = { reason: "address_velocity" | "serial_loop"; details: Prisma.InputJsonValue };

export async function programSettings(tx: Tx) {
  return tx.pointsProgram.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
}

/** The program's settings for a page (the row is made by the migration). */
export function readProgramSettings() {
  return db.pointsProgram.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
}

export async function registrationVelocity(tx: Tx, userId: string, now: Date): Promise<VelocityFlag | null> {
  const settings = await programSettings(tx);
  const { ipAddress } = await requestMeta();
  if (ipAddress) {
    // This registration's own audit entry is written after the commit: count it as one more.
    const [recent] = await tx.$queryRaw<{ count: number }[]>`
      SELECT COUNT(*)::int AS count FROM "AuditEvent"
      WHERE action = 'product.registered' AND "ipAddress" = ${ipAddress} AND at > ${new Date(now.getTime() - 86_400_000)}`;
    const count = (recent?.count ?? 0) + 1;
    if (count > settings.maxRegistrationsPerAddressPerDay) {
      return {
        reason: "address_velocity",
        details: { ipAddress, registrations24h: count, limit: settings.maxRegistrationsPerAddressPerDay },
      };
    }
  }
  const removed = await tx.ownership.count({
    where: { userId, endReason: "UNREGISTERED", endedAt: { gt: new Date(now.getTime() - 30 * 86_400_000) } },
  });
  if (removed > settings.maxRemovalsPerMonth) {
    return { reason: "serial_loop", details: { removed30d: removed, limit: settings.maxRemovalsPerMonth } };
  }
  return null;
}

export async function flagLots(tx: Tx, userId: string, lotIds: string[], flag: VelocityFlag): Promise<void> {
  if (lotIds.length === 0) return;
  await tx.pointsFlag.createMany({ data: lotIds.map((lotId) => ({ lotId, userId, reason: flag.reason, details: flag.details })) });
}

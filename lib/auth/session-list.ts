import "server-only";
import { UAParser } from "ua-parser-js";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sessionDeadline } from "./session-policy";
import { endAppSignIns, endOtherSessions, SESSION_TIMEOUTS } from "./sessions";
import type { Role } from "@/lib/generated/prisma/enums";

export type SessionListItem = {
  id: string;
  current: boolean;
  browser: string | null;
  os: string | null;
  deviceType: string | null;
  /** Shortened address, or "local" for loopback and private networks. */
  place: string | null;
  method: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
};

/** "203.0.113.x" rather than the full address; an approximate place without a GeoIP database. */
export function describeAddress(ip: string | null): string | null {
  if (!ip) return null;
  const v4 = ip.replace(/^::ffff:/, "");
  if (/^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(v4) || ip === "::1") return "local";
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return v4.replace(/\.\d+$/, ".x");
  return ip.split(":").slice(0, 3).join(":") + ":…";
}

export async function listOwnSessions(user: { id: string; role: Role }, currentSessionId: string): Promise<SessionListItem[]> {
  const rows = await db.session.findMany({ where: { userId: user.id }, orderBy: { lastSeenAt: "desc" } });
  const now = Date.now();
  return rows
    .map((row) => {
      const ua = new UAParser(row.userAgent ?? "").getResult();
      return {
        id: row.id,
        current: row.id === currentSessionId,
        browser: ua.browser.name ? [ua.browser.name, ua.browser.major].filter(Boolean).join(" ") : null,
        os: ua.os.name ? [ua.os.name, ua.os.version].filter(Boolean).join(" ") : null,
        deviceType: ua.device.type ?? null,
        place: describeAddress(row.ipAddress),
        method: row.method,
        createdAt: row.createdAt,
        lastSeenAt: row.lastSeenAt,
        expiresAt: sessionDeadline(row, user.role, SESSION_TIMEOUTS),
      };
    })
    .filter((item) => item.expiresAt.getTime() > now);
}

/** Sign out one of the user's own sessions; another user's session id is "not found". */
export async function revokeOwnSession(userId: string, sessionId: string): Promise<void> {
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } });
  if (count !== 1) throw new AppError("NOT_FOUND");
  // Which apps that device signed in to is not known here: every app sign-in of the account ends.
  await endAppSignIns(userId);
  await recordAudit({ action: "auth.session_revoked", outcome: "SUCCESS", actorId: userId, targetType: "Session", targetId: sessionId });
}

export async function revokeOtherOwnSessions(userId: string, currentSessionId: string): Promise<number> {
  const count = await endOtherSessions(userId, currentSessionId);
  await recordAudit({ action: "auth.session_revoked", outcome: "SUCCESS", actorId: userId, details: { others: count } });
  return count;
}

import "server-only";
import { db } from "@/lib/db";

export type RateState = { limit: number; remaining: number; resetSeconds: number; allowed: boolean };

/**
 * A fixed one-minute window per client, counted in PostgreSQL so every app process shares it.
 * One statement: the count cannot be raced past the limit by parallel requests.
 */
export async function takeRateLimit(clientId: string, limit: number, now: Date = new Date()): Promise<RateState> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "ApiRateWindow" ("clientId", "windowStart", "count") VALUES (${clientId}, ${windowStart}, 1)
    ON CONFLICT ("clientId", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1
    RETURNING "count"`;
  const count = row?.count ?? 1;
  const resetSeconds = Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000));
  return { limit, remaining: Math.max(0, limit - count), resetSeconds, allowed: count <= limit };
}

/** RateLimit and RateLimit-Policy fields (IETF draft-ietf-httpapi-ratelimit-headers). */
export function rateLimitHeaders(state: RateState): Record<string, string> {
  return {
    "RateLimit-Policy": `"per-minute";q=${state.limit};w=60`,
    RateLimit: `"per-minute";r=${state.remaining};t=${state.resetSeconds}`,
  };
}

/** Windows older than an hour are of no use (the retention job). */
export async function purgeRateWindows(now: Date = new Date()): Promise<number> {
  const { count } = await db.apiRateWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 3_600_000) } } });
  return count;
}

import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";

export type Health = { status: "ok" | "error"; database: "ok" | "unreachable"; time: string };

export async function checkHealth(): Promise<Health> {
  const time = new Date().toISOString();
  try {
    await db.$queryRaw`SELECT 1`;
    return { status: "ok", database: "ok", time };
  } catch (error) {
    // The reason goes to the log; the response names no host, user or driver detail.
    logger.error({ err: error }, "health check: database unreachable");
    return { status: "error", database: "unreachable", time };
  }
}

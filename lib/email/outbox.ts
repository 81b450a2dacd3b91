import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * The outbox page exists only where emails are not really sent and nothing real is at stake:
 * development, and the demo started by `npm start`. In production it is a 404.
 */
export function isOutboxVisible(): boolean {
  return !env.SMTP_URL && (env.NODE_ENV !== "production" || env.DEMO_MODE);
}

export function listOutbox(take = 50) {
  return db.outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take });
}

import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CHAT_CHANNEL, type ChatEvent } from "./hub";

/**
 * Announce an event to every app process (decision 0009). Inside a transaction (`tx`) it is sent
 * when the transaction commits, and not at all if it rolls back. New messages need no call: a
 * trigger on ChatMessage announces them.
 */
export async function publishChatEvent(event: ChatEvent, tx: Prisma.TransactionClient = db): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CHAT_CHANNEL}, ${JSON.stringify(event)})`;
}

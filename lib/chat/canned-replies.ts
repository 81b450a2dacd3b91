import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { z } from "zod";
import type { ZCannedReplySchema } from "./schemas";

/**
 * Canned replies (issue 11): texts in Japanese and English that leads and admins keep, and agents
 * insert into a chat in the customer's language with `{name}` replaced by the customer's name.
 */
export const NAME_PLACEHOLDER = "{name}";

export async function listCannedReplies() {
  return db.cannedReply.findMany({
    select: { id: true, titleJa: true, titleEn: true, bodyJa: true, bodyEn: true, updatedAt: true },
    orderBy: [{ titleJa: "asc" }, { id: "asc" }],
    take: 200,
  });
}

/** The reply in the customer's language with their name in it (`fallback` when they gave none). */
export function fillCannedReply(
  reply: { bodyJa: string; bodyEn: string },
  customer: { locale: string; name: string | null },
  fallback: string,
): string {
  const body = customer.locale === "en" ? reply.bodyEn : reply.bodyJa;
  return body.split(NAME_PLACEHOLDER).join(customer.name?.trim() || fallback);
}

export async function saveCannedReply(actor: Actor, input: z.output<typeof ZCannedReplySchema>): Promise<{ id: string }> {
  if (!can(actor, "chat.replies.manage")) throw new AppError("FORBIDDEN");
  const data = { titleJa: input.titleJa, titleEn: input.titleEn, bodyJa: input.bodyJa, bodyEn: input.bodyEn, updatedById: actor.id };
  let id = input.id;
  if (id) {
    const updated = await db.cannedReply.updateMany({ where: { id }, data });
    if (updated.count === 0) throw new AppError("NOT_FOUND");
  } else {
    id = (await db.cannedReply.create({ data, select: { id: true } })).id;
  }
  await recordAudit({
    action: "chat.replies_updated",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "CannedReply",
    targetId: id,
    details: { change: input.id ? "updated" : "created", titleJa: input.titleJa },
  });
  return { id };
}

export async function deleteCannedReply(actor: Actor, id: string): Promise<void> {
  if (!can(actor, "chat.replies.manage")) throw new AppError("FORBIDDEN");
  const removed = await db.cannedReply.deleteMany({ where: { id } });
  if (removed.count === 0) throw new AppError("NOT_FOUND");
  await recordAudit({
    action: "chat.replies_updated",
    outcome: "SUCCESS",
    actorId: actor.id,
    targetType: "CannedReply",
    targetId: id,
    details: { change: "deleted" },
  });
}

import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor, FilePurpose } from "@/lib/auth/permissions";
import { PUBLIC_IMAGE_PURPOSES, storedFileWhereFor } from "@/lib/auth/scopes";
import { newFileKeys } from "./local-store";
import { processImage, readLimited } from "./process-image";
import { currentStore, storeFor, type Delivery } from "./store";

/** Uploads per user per hour: enough for any real form, a wall for a script. */
const UPLOADS_PER_HOUR = 60;

export type SavedFile = { id: string; width: number; height: number };

/**
 * The upload pipeline: read with a byte limit, check and re-encode (no EXIF/GPS), store under a
 * generated name, record who uploaded it and why. Nothing the client sent (name, type) is kept.
 */
export async function saveImageUpload(ownerId: string, purpose: FilePurpose, body: AsyncIterable<Uint8Array>): Promise<SavedFile> {
  const recent = await db.storedFile.count({ where: { ownerId, createdAt: { gt: new Date(Date.now() - 3_600_000) } } });
  if (recent >= UPLOADS_PER_HOUR) throw new AppError("RATE_LIMITED", { messageKey: "files.tooMany" });

  const image = await processImage(await readLimited(body));
  const store = await currentStore();
  const { key, thumbnailKey } = newFileKeys();
  try {
    await store.put(key, image.image, image.contentType);
    await store.put(thumbnailKey, image.thumbnail, image.contentType);
    const file = await db.storedFile.create({
      data: {
        ownerId,
        storage: store.kind,
        key,
        thumbnailKey,
        contentType: image.contentType,
        byteSize: image.image.byteLength,
        width: image.width,
        height: image.height,
        purpose,
      },
      select: { id: true, width: true, height: true },
    });
    return file;
  } catch (error) {
    // Nothing half-stored is left behind.
    await Promise.allSettled([store.remove(key), store.remove(thumbnailKey)]);
    throw error;
  }
}

/**
 * A file for a reader who passed the access check, or null (404) — also when the file exists but
 * belongs to someone this reader may not see.
 */
export async function deliverFile(
  actor: (Actor & { strong?: boolean }) | null,
  fileId: string,
  variant: "full" | "thumb",
): Promise<Delivery> {
  // The access check is the query (conventions: Ownership lives in the query): storedFileWhereFor().
  const file = await db.storedFile.findFirst({
    where: { AND: [storedFileWhereFor(actor), { id: fileId }] },
    select: {
      id: true,
      ownerId: true,
      purpose: true,
      storage: true,
      key: true,
      thumbnailKey: true,
      repairPhoto: { select: { ticket: { select: { id: true, customerId: true } } } },
      chatMessage: { select: { conversation: { select: { id: true, customerId: true } } } },
    },
  });
  if (!file) return null;
  // A repair photo's target is its ticket, a chat image's its conversation.
  const parent = file.repairPhoto
    ? { type: "RepairTicket", ...file.repairPhoto.ticket }
    : file.chatMessage
      ? { type: "Conversation", ...file.chatMessage.conversation }
      : null;
  if (actor && actor.id !== file.ownerId && !PUBLIC_IMAGE_PURPOSES.includes(file.purpose) && actor.id !== parent?.customerId) {
    // Staff looking at a customer's photo is a view of personal data.
    await recordAudit({
      action: "personal_data.viewed",
      outcome: "SUCCESS",
      actorId: actor.id,
      targetType: parent ? parent.type : "StoredFile",
      targetId: parent ? parent.id : file.id,
      subjectIds: [parent?.customerId ?? file.ownerId],
      details: { variant, fileId: file.id },
    });
  }
  const store = await storeFor(file.storage);
  return store.deliver(variant === "thumb" && file.thumbnailKey ? file.thumbnailKey : file.key);
}

/**
 * Remove a photo the user uploaded but has not sent yet ("remove before sending"). A photo that is
 * already part of a registration or claim stays: it is evidence.
 */
export async function discardOwnDraftFile(ownerId: string, fileId: string): Promise<void> {
  const file = await db.storedFile.findFirst({
    where: { id: fileId, ownerId, deletedAt: null },
    select: {
      id: true,
      storage: true,
      key: true,
      thumbnailKey: true,
      repairPhoto: { select: { id: true } },
      chatMessage: { select: { id: true } },
      _count: { select: { ownerships: true, claims: true } },
    },
  });
  if (!file) throw new AppError("NOT_FOUND");
  const modelImage = await db.productModel.count({ where: { imageFileId: file.id } });
  if (file._count.ownerships > 0 || file._count.claims > 0 || file.repairPhoto || file.chatMessage || modelImage > 0)
    throw new AppError("CONFLICT", { messageKey: "files.inUse" });
  await db.storedFile.update({ where: { id: file.id }, data: { deletedAt: new Date() } });
  const store = await storeFor(file.storage);
  await Promise.all([store.remove(file.key), file.thumbnailKey ? store.remove(file.thumbnailKey) : undefined]);
}

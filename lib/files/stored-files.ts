import "server-only";
import { db } from "@/lib/db";

/**
 * A stored file of this user (for this purpose, if given), or null. Another user's file id reads
 * as not found: ownership lives in the query (conventions: Ownership lives in the query).
 */
export function findOwnFile(userId: string, fileId: string, purpose?: string) {
  return db.storedFile.findFirst({
    where: { id: fileId, ownerId: userId, deletedAt: null, ...(purpose ? { purpose } : {}) },
    select: { id: true, purpose: true },
  });
}

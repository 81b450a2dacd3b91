import "server-only";
import { db } from "@/lib/db";

/** The signed-in customer's own details for My Page. Scoped by id from the session only. */
export function getOwnProfile(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, nameKana: true, email: true, emailVerified: true, phone: true, createdAt: true },
  });
}

import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";

/**
 * The dealership of a dealer staff member, looked up through the member's own dealerId (never an
 * id from the URL), so one dealer's staff cannot open another dealer.
 */
export function getOwnDealer(user: CurrentUser) {
  if (!user.dealerId) return null;
  return db.dealer.findUnique({
    where: { id: user.dealerId },
    select: { code: true, name: true, prefecture: true, phone: true, _count: { select: { staff: true } } },
  });
}

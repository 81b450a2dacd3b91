import "server-only";
import { requireArea, requirePagePermission } from "@/lib/auth/permissions.server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { staffPage, type StaffPath } from "./staff-pages";

/**
 * The opening of every staff page: the staff area guard (sign-in redirect, 404 for other roles,
 * second factor) and then the page's own permission from STAFF_PAGES, with the same audited denial
 * and 404 as a wrong area (conventions: One policy module). Returns the signed-in staff user.
 */
export async function requireStaffPage(path: StaffPath): Promise<CurrentUser> {
  const user = await requireArea("staff");
  await requirePagePermission(user, staffPage(path).permission);
  return user;
}

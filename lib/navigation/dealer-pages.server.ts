import "server-only";
import { notFound } from "next/navigation";
import { requireArea, requirePagePermission } from "@/lib/auth/permissions.server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { dealerPage, type DealerPath } from "./dealer-pages";

/**
 * The opening of every dealer page: the dealer area guard (sign-in, 404 for other roles, second
 * factor), the page's own permission, and a dealership: an account without one sees nothing.
 */
export async function requireDealerPage(path: DealerPath): Promise<CurrentUser & { dealerId: string }> {
  const user = await requireArea("dealer");
  await requirePagePermission(user, dealerPage(path).permission);
  if (!user.dealerId) notFound();
  return { ...user, dealerId: user.dealerId };
}

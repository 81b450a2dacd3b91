import "server-only";
import { db } from "@/lib/db";

/**
 * What the request form needs besides the product: the shops a unit can be dropped off at, and
 * which contact details the profile already has (progressive profiling: the form asks only for
 * what is missing, and lib/repairs/requests.ts saves what was typed).
 */
export async function repairFormOptions(userId: string) {
  const [dealers, profile] = await Promise.all([
    db.dealer.findMany({
      where: { deactivatedAt: null },
      select: { id: true, name: true, prefecture: true },
      orderBy: [{ prefecture: "asc" }, { name: "asc" }],
      take: 500,
    }),
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { phone: true, postalCode: true, prefecture: true, city: true, addressLine1: true, addressLine2: true },
    }),
  ]);
  const hasAddress = Boolean(profile.postalCode && profile.prefecture && profile.city && profile.addressLine1);
  const address = hasAddress
    ? [`〒${profile.postalCode}`, profile.prefecture, profile.city, profile.addressLine1, profile.addressLine2].filter(Boolean).join(" ")
    : null;
  return { dealers, profileAddress: address, profilePhone: profile.phone || null };
}

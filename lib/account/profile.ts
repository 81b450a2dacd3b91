import "server-only";
import { forgetShown } from "@/lib/cache/shown";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { earnForProfile } from "@/lib/points/earning";
import type { z } from "zod";
import type { ZProfileSchema } from "./schemas";

/** The signed-in user's own details (My Page, account page). Scoped by id from the session only. */
export function getOwnAccount(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      emailVerified: true,
      name: true,
      nameKana: true,
      phone: true,
      postalCode: true,
      prefecture: true,
      city: true,
      addressLine1: true,
      addressLine2: true,
      locale: true,
      role: true,
      createdAt: true,
    },
  });
}

const blankToNull = (value: string) => (value === "" ? null : value);

/** Every field a complete profile has (points for completing it, issue 12). */
const COMPLETE_PROFILE = ["name", "nameKana", "phone", "postalCode", "prefecture", "city", "addressLine1"] as const;

export async function updateOwnProfile(userId: string, input: z.output<typeof ZProfileSchema>): Promise<void> {
  const complete = COMPLETE_PROFILE.every((field) => input[field].trim() !== "");
  const role = await db.$transaction(async (tx) => {
    const { role } = await tx.user.update({
      where: { id: userId },
      data: {
        name: blankToNull(input.name),
        nameKana: blankToNull(input.nameKana),
        phone: blankToNull(input.phone),
        postalCode: blankToNull(input.postalCode.replace(/^(\d{3})(\d{4})$/, "$1-$2")),
        prefecture: blankToNull(input.prefecture),
        city: blankToNull(input.city),
        addressLine1: blankToNull(input.addressLine1),
        addressLine2: blankToNull(input.addressLine2),
        locale: input.locale,
      },
      select: { role: true },
    });
    // Points are a customer programme: staff completing their own profile earn nothing.
    if (complete && role === "CUSTOMER") await earnForProfile(tx, { userId });
    return role;
  });
  // Staff names are shown in the desk's filter form (lib/cache/shown.ts).
  if (role !== "CUSTOMER") forgetShown("staff");
  await recordAudit({ action: "profile.updated", outcome: "SUCCESS", actorId: userId, targetType: "User", targetId: userId });
}

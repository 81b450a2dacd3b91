import "server-only";
import { cache } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { auth } from "./index";

export type CurrentUser = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  dealerId: string | null;
  locale: string;
  /** The Session row of this browser. */
  sessionId: string;
  /** This session used a second factor or a passkey. */
  strong: boolean;
};

/** The signed-in user, or null. The role is read from the database on every request (ASVS 8.3.2). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const { id, email, name, role, dealerId, locale } = session.user;
  return { id, email, name, role, dealerId, locale, sessionId: session.sessionId, strong: session.strong };
});

import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { requestMeta } from "@/lib/request-context";
import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS } from "./cookies";

/**
 * Start a database session for a user who has just proved who they are, and set its cookie.
 * Any session the browser carried before is deleted first, so a token planted before sign-in is
 * useless afterwards (session fixation, ASVS 7.2.4).
 */
export async function startSession(userId: string): Promise<void> {
  const jar = await cookies();
  const previous = jar.get(SESSION_COOKIE.name)?.value;
  if (previous) await db.session.deleteMany({ where: { sessionToken: previous } });

  const meta = await requestMeta();
  const sessionToken = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.session.create({
    data: { sessionToken, userId, expires, ipAddress: meta.ipAddress, userAgent: meta.userAgent },
  });
  jar.set(SESSION_COOKIE.name, sessionToken, { ...SESSION_COOKIE.options, expires });
}

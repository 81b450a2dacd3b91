import "server-only";
import { db } from "@/lib/db";
import type { AuthTokenPurpose, Prisma } from "@/lib/generated/prisma/client";
import { generateToken, hashToken } from "./token-hash";
import { tokenExpiry } from "./token-policy";

export type IssuedToken = { token: string; expiresAt: Date };

/**
 * Issue a single-use token. Earlier unused tokens of the same purpose for the same user are
 * removed, so only the newest link in the inbox works.
 */
export async function issueAuthToken(
  input: { purpose: AuthTokenPurpose; userId?: string; email?: string; data?: Prisma.InputJsonValue },
  now: Date = new Date(),
): Promise<IssuedToken> {
  const token = generateToken();
  const expiresAt = tokenExpiry(input.purpose, now);
  if (input.userId) {
    await db.authToken.deleteMany({ where: { userId: input.userId, purpose: input.purpose, usedAt: null } });
  }
  // Housekeeping: tokens a day past their expiry are of no use to anyone.
  await db.authToken.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  await db.authToken.create({
    data: {
      tokenHash: hashToken(token),
      purpose: input.purpose,
      userId: input.userId,
      email: input.email,
      data: input.data,
      expiresAt,
      createdAt: now,
    },
  });
  return { token, expiresAt };
}

export type ConsumedToken = {
  id: string;
  userId: string | null;
  email: string | null;
  data: Prisma.JsonValue;
};

/**
 * Use a token once: the row is marked used in the same statement that checks it is unused and
 * unexpired, so two parallel requests cannot both succeed.
 */
export async function consumeAuthToken(token: string, purpose: AuthTokenPurpose, now: Date = new Date()): Promise<ConsumedToken | null> {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const { count } = await db.authToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) return null;
  return db.authToken.findUnique({
    where: { tokenHash },
    select: { id: true, userId: true, email: true, data: true },
  });
}

/** Look at a token without using it (to show the right form before the user submits). */
export async function peekAuthToken(token: string, purpose: AuthTokenPurpose, now: Date = new Date()) {
  if (!token || token.length > 200) return null;
  return db.authToken.findFirst({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    select: { id: true, userId: true, email: true, data: true, expiresAt: true },
  });
}

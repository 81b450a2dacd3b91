import "server-only";
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { keyedHash } from "./sealed-secrets";

/** Ten one-time codes like "k7wq-3m9d-xp2f" (about 60 bits each); only keyed hashes are stored. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const COUNT = 10;

function generateCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((group) => group.join("")).join("-");
}

export function normalizeRecoveryCode(code: string): string {
  return code
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .replace(/(.{4})(.{4})(.{4})/, "$1-$2-$3");
}

/** Replace a user's recovery codes; the plain codes are shown once and never stored. */
export async function regenerateRecoveryCodes(userId: string): Promise<string[]> {
  const codes = Array.from({ length: COUNT }, generateCode);
  await db.$transaction([
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: keyedHash(code) })) }),
  ]);
  return codes;
}

export async function redeemRecoveryCode(userId: string, code: string): Promise<boolean> {
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: keyedHash(normalizeRecoveryCode(code)), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

export async function remainingRecoveryCodes(userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

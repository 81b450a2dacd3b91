import { createHash, randomBytes } from "node:crypto";

/** A random URL-safe token with 256 bits of entropy. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * What the database keeps of a token: its SHA-256. The tokens are random and long, so a plain
 * hash is enough (no salt or slow hash needed); a copy of the table cannot be replayed (ASVS 6.4.3).
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with OWASP's minimum (ASVS 11.4.2): m = 19 MiB, t = 2, p = 1.
 * Verification reads the parameters from the stored PHC string, so raising them later needs no
 * migration: old hashes keep verifying and can be re-hashed at the next sign-in.
 */
export const ARGON2_OPTIONS = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, which isolatedModules cannot import)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// Verified against when no account matches, so an unknown email costs the same argon2 work as a
// wrong password (ASVS 6.3.8). Precomputed with ARGON2_OPTIONS: creating it at run time would make
// the first unknown-email attempt of each process measurably slower.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$XqU0iNouwW2J/Wxk9LVUsw$Tg14H5hlX8NPZfgcNIJbGCZrJ0b9ENgr4B/aJNumZbQ";

export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    await verify(DUMMY_HASH, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false; // malformed stored hash: treat as a wrong password, never as a 500
  }
}

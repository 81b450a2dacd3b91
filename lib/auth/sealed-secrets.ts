import "server-only";
import { env } from "@/lib/env";
import { keyedHasher, secretBox } from "./secret-box";

const box = secretBox(env.AUTH_SECRET);
export const sealSecret = box.seal;
export const openSecret = box.open;

/**
 * HMAC-SHA-256 under a key derived from AUTH_SECRET, for short secrets such as recovery codes
 * (about 60 bits): a copy of the database alone cannot be searched offline for them.
 */
export const keyedHash = keyedHasher(env.AUTH_SECRET);

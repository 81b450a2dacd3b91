import "server-only";
import { createHmac, hkdfSync } from "node:crypto";
import { env } from "@/lib/env";
import { secretBox } from "./secret-box";

const box = secretBox(env.AUTH_SECRET);
export const sealSecret = box.seal;
export const openSecret = box.open;

const hmacKey = Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "owners-portal", "keyed-hash v1", 32));

/**
 * HMAC-SHA-256 under a key derived from AUTH_SECRET, for short secrets such as recovery codes
 * (about 60 bits): a copy of the database alone cannot be searched offline for them.
 */
export function keyedHash(value: string): string {
  return createHmac("sha256", hmacKey).update(value, "utf8").digest("hex");
}

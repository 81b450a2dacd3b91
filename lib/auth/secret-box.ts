import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encrypts small secrets kept in the database (TOTP seeds) with AES-256-GCM under a key derived
 * from AUTH_SECRET, so a database dump alone does not give away anyone's second factor.
 * A factory, so the seed script can use it with the secret the start script holds.
 */
export function secretBox(authSecret: string) {
  const key = Buffer.from(hkdfSync("sha256", authSecret, "owners-portal", "secret-box v1", 32));
  return {
    seal(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
    },
    open(sealed: string): string {
      const [version, iv, body, tag] = sealed.split(".");
      if (version !== "v1" || !iv || !body || !tag) throw new Error("Unknown sealed secret format");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}

/** HMAC-SHA-256 under a key derived from AUTH_SECRET (lib/auth/sealed-secrets.ts keyedHash); a factory for the seed script. */
export function keyedHasher(authSecret: string): (value: string) => string {
  const key = Buffer.from(hkdfSync("sha256", authSecret, "owners-portal", "keyed-hash v1", 32));
  return (value) => createHmac("sha256", key).update(value, "utf8").digest("hex");
}

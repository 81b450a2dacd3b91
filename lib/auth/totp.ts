import { Secret, TOTP } from "otpauth";

/**
 * TOTP (RFC 6238) as authenticator apps expect it: SHA-1, 6 digits, 30 s. One step of clock drift
 * is accepted either way. Pure apart from the clock, which callers pass in.
 */
const PERIOD = 30;

export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: "Owners Portal", label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

export function totpUri(secret: string, accountEmail: string): string {
  return totpFor(secret, accountEmail).toString();
}

export function totpCode(secret: string, now: Date): string {
  return totpFor(secret, "code").generate({ timestamp: now.getTime() });
}

/**
 * The time step the code belongs to, or null when it is wrong. Callers store the step and refuse
 * a second use of the same or an earlier step, so an observed code cannot be replayed.
 */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  const cleaned = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(cleaned)) return null;
  const delta = totpFor(secret, "code").validate({ token: cleaned, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

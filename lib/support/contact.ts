import "server-only";
import { env } from "@/lib/env";

/** How customers reach support (from the environment), for pages that ask them to get in touch. */
export function supportContact(): { phone: string | null; email: string | null } {
  return { phone: env.SUPPORT_PHONE ?? null, email: env.SUPPORT_EMAIL ?? null };
}

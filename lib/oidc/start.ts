import "server-only";
import { logger } from "@/lib/log";
import { getOidcProvider, reloadOidcProviderIfKeysChanged } from "./provider";

/** How often each process looks for a new or newly active signing key (lib/oidc/keys.ts). */
const KEY_CHECK_MS = 60_000;

/** Build this server's OpenID provider and keep its keys current (instrumentation.ts). */
export async function startOidcProvider(): Promise<void> {
  await getOidcProvider();
  setInterval(() => {
    reloadOidcProviderIfKeysChanged().catch((error: unknown) =>
      logger.error({ err: error }, "reloading the OpenID provider's keys failed"),
    );
  }, KEY_CHECK_MS).unref();
}

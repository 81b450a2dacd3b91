import "server-only";
import pino from "pino";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/** Structured JSON logs on stdout; one line per event, with the request id when there is one. */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "portal" },
  redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "sessionToken"], remove: true },
});

export const REQUEST_ID_HEADER = "x-request-id";

/** A child logger bound to the current request id (set by proxy.ts). */
export async function requestLogger(): Promise<pino.Logger> {
  return logger.child({ requestId: await currentRequestId() });
}

export async function currentRequestId(): Promise<string | undefined> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  } catch {
    return undefined; // outside a request (scripts, tests)
  }
}

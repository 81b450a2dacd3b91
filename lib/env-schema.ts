/**
 * The environment's schema, pure so that the start script can check a configuration before it
 * builds and starts anything. The app reads the parsed result from lib/env.ts.
 */
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((value) => value === "true" || value === "1");

const ZEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "is required (the start script sets it when it runs the embedded PostgreSQL)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string"),
  AUTH_SECRET: z.string({ error: "is required" }).min(32, "must be at least 32 characters"),
  AUTH_URL: z.url("must be the portal's public URL, e.g. http://localhost:3000"),
  /** Demo mode: the seed has run with demo accounts; the sign-in page lists them. */
  DEMO_MODE: booleanFlag,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Session lifetime in hours, extended while in use (default 14 days). Per-role idle and
   * absolute timeouts (ASVS 7.3.1) come with issue 3. */
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().positive().default(24 * 14),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (see lib/request-context.ts). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(5).default(1),
  /** Missing translations throw instead of falling back (set by the test scripts). */
  I18N_STRICT: booleanFlag,
  UPLOADTHING_TOKEN: z.string().optional(),
  SMTP_URL: z.string().optional(),
});

export type TEnv = z.infer<typeof ZEnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const result = ZEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}


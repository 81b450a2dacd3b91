/**
 * The only place that reads process.env (house style 8). Parsed once with zod; a bad or missing
 * variable fails at start-up with a message that names it.
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
  /** Customer sessions: absolute lifetime in hours (default 14 days, ASVS 7.3.1). */
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().positive().default(24 * 14),
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

// `next build` imports server modules to collect pages but serves no request, so the build does
// not need the run-time secrets; placeholders let it run in CI and in Docker builds.
const isBuild = process.env.NEXT_PHASE === "phase-production-build";
export const env: TEnv = parseEnv(
  isBuild
    ? {
        DATABASE_URL: "postgresql://build@localhost/build",
        AUTH_SECRET: "build-time-placeholder-secret-not-used-at-run-time",
        AUTH_URL: "http://localhost:3000",
        ...process.env,
      }
    : process.env,
);

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
  /** Session timeouts (ASVS 7.3.1): idle = since the last request, absolute = since sign-in.
   * "Staff" covers support, admin and dealer accounts. */
  SESSION_IDLE_MINUTES_STAFF: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS_STAFF: z.coerce.number().int().positive().default(12),
  SESSION_IDLE_MINUTES_CUSTOMER: z.coerce
    .number()
    .int()
    .positive()
    .default(14 * 24 * 60),
  SESSION_ABSOLUTE_HOURS_CUSTOMER: z.coerce
    .number()
    .int()
    .positive()
    .default(30 * 24),
  /** Minutes after a sign-in or re-authentication during which sensitive changes need no new proof. */
  STEP_UP_MINUTES: z.coerce.number().int().positive().default(10),
  /** Reverse proxies in front of the app that append to X-Forwarded-For; 0: none, use the connection (lib/security/client-address.ts). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Missing translations throw instead of falling back (set by the test scripts). */
  I18N_STRICT: booleanFlag,
  UPLOADTHING_TOKEN: z.string().optional(),
  /** Override uploadthing's ingest and API servers (only for tests against a local fake). */
  UPLOADTHING_INGEST_URL: z.url().optional(),
  UPLOADTHING_API_URL: z.url().optional(),
  /** The private local store for uploads when uploadthing is not configured (never under public/). */
  UPLOADS_DIR: z.string().default(".data/uploads"),
  /** smtp://user:pass@host:port or smtps://...; without it emails go to the database outbox. */
  SMTP_URL: z.url("must be an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().default("Owners Portal <no-reply@portal.invalid>"),
  /** Sign-in providers: each is enabled when its id and secret are set. */
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  /** Overrides Google's issuer (only for tests against a local OIDC server). */
  AUTH_GOOGLE_ISSUER: z.url().optional(),
  AUTH_LINE_ID: z.string().optional(),
  AUTH_LINE_SECRET: z.string().optional(),
  AUTH_LINE_ISSUER: z.url().optional(),
  /** Any OpenID Connect issuer (Keycloak, Entra ID, ...). */
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_ID: z.string().optional(),
  AUTH_OIDC_SECRET: z.string().optional(),
  /** Button label for the generic OIDC provider. */
  AUTH_OIDC_NAME: z.string().default("OpenID Connect"),
  /** The business's time zone: "today", business hours, SLA clocks and date filters count in it (lib/time/business-time.ts). */
  BUSINESS_TIME_ZONE: z
    .string()
    .default("Asia/Tokyo")
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, "must be an IANA time zone such as Asia/Tokyo"),
  /** Support contact shown to customers where they need to act (recall notices): either or both. */
  SUPPORT_PHONE: z
    .string()
    .regex(/^\+?[0-9][0-9 -]{3,20}$/, "must be a phone number (digits, spaces, hyphens)")
    .optional(),
  SUPPORT_EMAIL: z.email("must be an email address").optional(),
  /** Whether this app server also works the job queues (lib/jobs). `off` for web-only instances when
   * the jobs run in their own processes (`npm run worker`); senders enqueue either way. */
  JOB_WORKERS: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  /** The load harness's framework floors (`npm run bench`, issue 17): `/mypage/floor`, `/admin/floor` and
   * `/dealer/floor` are pages in each area's layout that read nothing, `POST /api/floor/sign-in` a
   * sign-in without the database; off (404) unless set, and only for a portal on localhost. */
  BENCH_FLOOR_PAGES: z.enum(["on", "off"], { error: "must be on or off" }).default("off"),
  /** Webhooks (lib/webhooks): tries per delivery, the first retry's delay (doubling after), and how
   * many deliveries in a row may fail before a subscription is disabled. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).max(100).default(3),
});

const LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/** Production over plain http would send the session cookie without Secure (ASVS 3.3.1). */
const ZCheckedEnvSchema = ZEnvSchema.superRefine((env, context) => {
  const url = URL.parse(env.AUTH_URL);
  if (!url) return; // already reported by the field's own check
  // Demo mode lists accounts and passwords and shows everyone's emails at /dev/outbox.
  if (env.DEMO_MODE && !LOCAL_HOSTS.includes(url.hostname)) {
    context.addIssue({ code: "custom", path: ["DEMO_MODE"], message: "is for localhost only (AUTH_URL is not local)" });
  }
  // The floors answer anyone, unthrottled (the sign-in floor runs argon2id for every caller).
  if (env.BENCH_FLOOR_PAGES === "on" && !LOCAL_HOSTS.includes(url.hostname)) {
    context.addIssue({ code: "custom", path: ["BENCH_FLOOR_PAGES"], message: "is for localhost only (AUTH_URL is not local)" });
  }
  if (env.NODE_ENV === "production" && url.protocol !== "https:" && !LOCAL_HOSTS.includes(url.hostname)) {
    context.addIssue({ code: "custom", path: ["AUTH_URL"], message: "must use https:// in production (http is only for localhost)" });
  }
});

export type TEnv = z.infer<typeof ZEnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const result = ZCheckedEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

import { randomBytes, randomUUID } from "node:crypto";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { hashPassword } from "../lib/auth/password";
import { secretBox } from "../lib/auth/secret-box";
import { hashToken } from "../lib/auth/token-hash";
import { generateTotpSecret, totpCode } from "../lib/auth/totp";
import { E2E_AUTH_SECRET, E2E_MAIL_API_PORT } from "../scripts/test/e2e-env";
import pg from "pg";

/**
 * Fixtures (conventions: Tests): every test makes its own users; `login({ role })` creates one and
 * a database session directly and sets the cookie, so only the sign-in tests go through the form.
 */
export type Role = "CUSTOMER" | "SUPPORT_AGENT" | "SUPPORT_LEAD" | "ADMIN" | "DEALER_STAFF" | "DEALER_ADMIN";
export type TestUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  password: string;
  dealerId: string | null;
  /** Base32 TOTP secret when the user has two-step verification on (always for staff roles). */
  totpSecret: string | null;
};

const PRIVILEGED: readonly Role[] = ["SUPPORT_AGENT", "SUPPORT_LEAD", "ADMIN", "DEALER_STAFF", "DEALER_ADMIN"];

export const SESSION_COOKIE = "portal.session-token"; // http://localhost: no __Host- prefix

const pool = new pg.Pool({ connectionString: process.env.E2E_DATABASE_URL, max: 4 });

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await pool.query<T>(sql, params)).rows;
}

export async function createDealer(): Promise<string> {
  const id = randomUUID();
  await query(`INSERT INTO "Dealer" (id, code, name, prefecture, "updatedAt") VALUES ($1, $2, $3, '東京都', now())`, [
    id,
    `E2E-${id.slice(0, 8)}`,
    `E2E販売店 ${id.slice(0, 4)}`,
  ]);
  return id;
}

// Test users share one random password per worker, hashed once: an argon2 hash per user cost the
// suite seconds for the many tests that never type a password (their users sign in by cookie).
const DEFAULT_PASSWORD = `pw-${randomBytes(12).toString("hex")}`;
let defaultHash: Promise<string> | undefined;
const defaultPasswordHash = () => (defaultHash ??= hashPassword(DEFAULT_PASSWORD));

/** A user of `role`; staff roles get two-step verification (required for them), others when asked. */
export async function createUser(
  role: Role,
  options: { password?: string; name?: string; totp?: boolean; acceptedTerms?: boolean; dealerId?: string } = {},
): Promise<TestUser> {
  const id = randomUUID();
  const email = `${role.toLowerCase()}-${id}@e2e.example`;
  const password = options.password ?? DEFAULT_PASSWORD;
  const name = options.name ?? `E2E ${role.toLowerCase()} ${id.slice(0, 4)}`;
  const dealerId = role === "DEALER_STAFF" || role === "DEALER_ADMIN" ? (options.dealerId ?? (await createDealer())) : null;
  const passwordHash = await (options.password ? hashPassword(password) : defaultPasswordHash());
  const totpSecret = (options.totp ?? PRIVILEGED.includes(role)) ? generateTotpSecret() : null;
  await query(
    `INSERT INTO "User" (id, email, name, role, "dealerId", "passwordHash", "emailVerified", "totpSecret", "totpEnabledAt", "updatedAt")
     VALUES ($1, $2, $3, $4::"Role", $5, $6, now(), $7, $8, now())`,
    [
      id,
      email,
      name,
      role,
      dealerId,
      passwordHash,
      totpSecret ? secretBox(E2E_AUTH_SECRET).seal(totpSecret) : null,
      totpSecret ? new Date() : null,
    ],
  );
  if (role === "CUSTOMER" && options.acceptedTerms !== false) {
    // As after sign-up: the current terms and privacy policy were accepted.
    for (const purpose of ["terms", "privacy"] as const) {
      await query(
        `INSERT INTO "Consent" (id, "userId", purpose, "policyVersion", "textHash", channel)
         SELECT $1, $2, $3, version, "textHash", 'e2e_fixture' FROM "PolicyVersion" WHERE "purposeId" = $3 ORDER BY "publishedAt" DESC LIMIT 1`,
        [randomUUID(), id, purpose],
      );
    }
  }
  return { id, email, name, role, password, dealerId, totpSecret };
}

/** What the Session table stores of a cookie value (the app's own hash). */
export const hashSessionToken = hashToken;

/** A session row as a sign-in would make it (the table keeps the token's hash); returns the cookie value. */
export async function createSession(userId: string, options: { strong?: boolean } = {}): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await query(`INSERT INTO "Session" (id, "sessionToken", "userId", expires, strong) VALUES ($1, $2, $3, now() + interval '1 day', $4)`, [
    randomUUID(),
    hashSessionToken(token),
    userId,
    options.strong ?? true,
  ]);
  return token;
}

/** The current code of a test user's authenticator; `offset` steps of 30 s for a fresh code. */
export function currentTotp(user: TestUser, offsetSteps = 0): string {
  if (!user.totpSecret) throw new Error(`${user.email} has no TOTP secret`);
  return totpCode(user.totpSecret, new Date(Date.now() + offsetSteps * 30_000));
}

const SIGN_IN_FORM = {
  ja: { email: "メールアドレス", password: "パスワード", submit: "ログイン" },
  en: { email: "Email address", password: "Password", submit: "Sign in" },
} as const;

/** Fill the sign-in form on the current page (in `locale`) and submit it, as a user would. */
export async function signInThroughForm(page: Page, locale: "ja" | "en", email: string, password: string): Promise<void> {
  const labels = SIGN_IN_FORM[locale];
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
}

const SECOND_FACTOR_FORM = {
  ja: { code: "認証コード", submit: "確認" },
  en: { code: "Authentication code", submit: "Verify" },
} as const;

/** Password, then (for a user with two-step verification) the code from the authenticator. */
export async function signInWithSecondFactor(page: Page, locale: "ja" | "en", user: TestUser): Promise<void> {
  await signInThroughForm(page, locale, user.email, user.password);
  if (!user.totpSecret) return;
  const labels = SECOND_FACTOR_FORM[locale];
  await page.getByLabel(labels.code).fill(currentTotp(user));
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
}

export type CaughtEmail = { to: string[]; subject: string; text: string; html: string };

/** The newest email to `to` (matching `subject`) that the local SMTP catcher received; waits for it. */
export async function readEmail(to: string, subject?: RegExp): Promise<CaughtEmail & { link: string | null }> {
  let found: CaughtEmail | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`http://127.0.0.1:${E2E_MAIL_API_PORT}/messages?to=${encodeURIComponent(to)}`);
        const messages = (await response.json()) as CaughtEmail[];
        found = messages.filter((m) => !subject || subject.test(m.subject)).at(-1);
        return Boolean(found);
      },
      // Emails are jobs (lib/jobs): sent within a second or two, later on a loaded CI machine.
      { timeout: 20_000, message: `email to ${to}` },
    )
    .toBe(true);
  return { ...found!, link: found!.text.match(/https?:\/\/\S+/)?.[0] ?? null };
}

export async function expectAccessible(page: Page): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]);
  // By default axe checks each frame apart and joins the results in a blank page it opens for
  // every check (about half a second each, most of an axe check here). A page without frames
  // gets the same rules from axe.run() in the page itself; pages with frames (a campaign's
  // sandboxed email previews) keep the default, which also reaches frames of another origin.
  if (page.frames().length === 1) builder.setLegacyMode();
  const results = await builder.analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export const test = base.extend<{ login: (role: Role) => Promise<TestUser> }>({
  login: async ({ context, baseURL }, use) => {
    await use(async (role) => {
      const user = await createUser(role);
      const token = await createSession(user.id);
      await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
      return user;
    });
  },
});

export { expect };

/** Its own client address per test, so per-address limits (sign-in, serial look-ups) do not collide. */
export function randomClientAddress(): string {
  return `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
}

/** A second browser, signed in as `userId` (for tests with two people, e.g. seller and buyer). */
export async function newContextAs(browser: Browser, baseURL: string, userId: string): Promise<BrowserContext> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomClientAddress() } });
  await context.addCookies([{ name: SESSION_COOKIE, value: await createSession(userId), url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return context;
}

/**
 * A product model of this test alone (serials `<PREFIX>` + 6 digits, no check digit) with `count`
 * units in the registry. Returns the model code and the serials.
 */
export async function createModelWithUnits(
  count: number,
  options: { warrantyMonths?: number; bonusMonths?: number; manufacturedOn?: string; lot?: string } = {},
): Promise<{ modelId: string; code: string; serials: string[]; unitIds: string[] }> {
  const suffix = randomBytes(3).toString("hex").toUpperCase();
  const prefix = `T${suffix}`;
  const modelId = randomUUID();
  const code = `E2E-${suffix}`;
  await query(
    `INSERT INTO "ProductModel" (id, code, "nameJa", "nameEn", category, "warrantyMonths", "registrationBonusMonths", "registrationWindowDays", "serialPattern", "checkDigit", "updatedAt")
     VALUES ($1, $2, $3, $4, 'test', $5, $6, NULL, $7, 'NONE', now())`,
    [modelId, code, `テスト機 ${code}`, `Test model ${code}`, options.warrantyMonths ?? 12, options.bonusMonths ?? 0, `${prefix}[0-9]{6}`],
  );
  const serials: string[] = [];
  const unitIds: string[] = [];
  for (let i = 1; i <= count; i++) {
    const id = randomUUID();
    const serial = `${prefix}${String(i).padStart(6, "0")}`;
    await query(`INSERT INTO "SerialUnit" (id, serial, "modelId", "manufacturedOn", lot) VALUES ($1, $2, $3, $4::date, $5)`, [
      id,
      serial,
      modelId,
      options.manufacturedOn ?? "2026-01-15",
      options.lot ?? null,
    ]);
    serials.push(serial);
    unitIds.push(id);
  }
  return { modelId, code, serials, unitIds };
}

/** Register a unit to a user directly (as if they had done it through the form). Returns the ownership id. */
export async function giveUnit(userId: string, unitId: string, purchasedOn = "2026-03-01"): Promise<string> {
  const id = randomUUID();
  await query(`INSERT INTO "Ownership" (id, "unitId", "userId", "purchasedOn") VALUES ($1, $2, $3, $4::date)`, [
    id,
    unitId,
    userId,
    purchasedOn,
  ]);
  return id;
}

/** A stored photo of a user, made through the real upload route with that user's cookie. */
export async function uploadPhotoAs(
  page: Page,
  purpose: "proof_of_purchase" | "claim_evidence" | "repair_photo",
  image: Buffer,
): Promise<string> {
  const response = await page.request.post(`/api/files?purpose=${purpose}`, {
    data: image,
    headers: { "Content-Type": "application/octet-stream" },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

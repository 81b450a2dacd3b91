import { randomBytes, randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { hashPassword } from "../lib/auth/password";
import pg from "pg";

/**
 * Fixtures (house style 14): every test makes its own users; `login({ role })` creates one and
 * a database session directly and sets the cookie, so only the sign-in tests go through the form.
 */
export type Role = "CUSTOMER" | "SUPPORT_AGENT" | "SUPPORT_LEAD" | "ADMIN" | "DEALER_STAFF";
export type TestUser = { id: string; email: string; name: string; role: Role; password: string; dealerId: string | null };

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

export async function createUser(role: Role, options: { password?: string; name?: string } = {}): Promise<TestUser> {
  const id = randomUUID();
  const email = `${role.toLowerCase()}-${id}@e2e.example`;
  const password = options.password ?? `pw-${randomBytes(12).toString("hex")}`;
  const name = options.name ?? `E2E ${role.toLowerCase()} ${id.slice(0, 4)}`;
  const dealerId = role === "DEALER_STAFF" ? await createDealer() : null;
  const passwordHash = await hashPassword(password);
  await query(
    `INSERT INTO "User" (id, email, name, role, "dealerId", "passwordHash", "emailVerified", "updatedAt")
     VALUES ($1, $2, $3, $4::"Role", $5, $6, now(), now())`,
    [id, email, name, role, dealerId, passwordHash],
  );
  return { id, email, name, role, password, dealerId };
}

export async function createSession(userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await query(`INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, now() + interval '1 day')`, [
    randomUUID(),
    token,
    userId,
  ]);
  return token;
}

const SIGN_IN_FORM = {
  ja: { email: "メールアドレス", password: "パスワード", submit: "ログイン" },
  en: { email: "Email address", password: "Password", submit: "Sign in" },
} as const;

/** Fill the sign-in form on the current page (in `locale`) and submit it, as a user would. */
export async function signInThroughForm(page: Page, locale: "ja" | "en", email: string, password: string): Promise<void> {
  const labels = SIGN_IN_FORM[locale];
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
}

export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
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

/**
 * Who the fuzz test (lib/security/fuzz.test.ts) calls as, and the record ids it mixes into
 * generated input. Import after mocking `next/headers` (sessions and requests read it).
 *
 * A principal is a user of one role with a strong, freshly authenticated session (so staff
 * actions and step-up actions run rather than stop at the second factor). Fuzzed actions may sign
 * it out, disable it, delete it or rotate its token: the test then asks for a new one.
 */
import { randomUUID } from "node:crypto";
import { can, ROLES, type Permission } from "@/lib/auth/permissions";
import { SESSION_COOKIE } from "@/lib/auth/cookies";
import { generateToken, hashToken } from "@/lib/auth/token-hash";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { fakeRequest } from "./fake-request";
import { customerWithRepairs } from "./repair-factories";

export type Principal = { role: Role; userId: string; token: string };

/** The first role (in the policy's order) that holds `permission`. */
export function roleFor(permission: Permission): Role {
  const role = ROLES.find((candidate) => can({ id: "fuzz", role: candidate, dealerId: "fuzz" }, permission));
  if (!role) throw new Error(`no role holds ${permission}`);
  return role;
}

const principals = new Map<Role, Principal>();

/** The current principal of `role`, made (with its own records, for a customer) when there is none. */
export async function principalFor(role: Role): Promise<Principal> {
  const known = principals.get(role);
  if (known) return known;
  let userId: string;
  if (role === "CUSTOMER") {
    userId = (await customerWithRepairs(2)).customer.id;
  } else {
    const dealer =
      role === "DEALER_STAFF" || role === "DEALER_ADMIN"
        ? await db.dealer.create({ data: { code: `FZ-${randomUUID().slice(0, 8)}`, name: "ファズ販売店" } })
        : null;
    userId = (await db.user.create({ data: { email: `fuzz-${randomUUID()}@test.example`, role, dealerId: dealer?.id ?? null } })).id;
  }
  await db.user.update({ where: { id: userId }, data: { emailVerified: new Date(), name: "ファズ 太郎" } });
  const token = generateToken();
  const now = new Date();
  await db.session.create({
    data: { sessionToken: hashToken(token), userId, expires: new Date(now.getTime() + 86_400_000), strong: true, authenticatedAt: now },
  });
  const principal = { role, userId, token };
  principals.set(role, principal);
  return principal;
}

/** The principal's session still works (not signed out, the account neither disabled nor deleted). */
export async function isSignedIn(principal: Principal): Promise<boolean> {
  const session = await db.session.findUnique({
    where: { sessionToken: hashToken(principal.token) },
    select: { user: { select: { disabledAt: true, erasureRequestedAt: true, dealer: { select: { deactivatedAt: true } } } } },
  });
  return Boolean(session && !session.user.disabledAt && !session.user.erasureRequestedAt && !session.user.dealer?.deactivatedAt);
}

/** Forget a principal that a fuzzed call signed out, disabled or deleted. */
export function dropPrincipal(role: Role): void {
  principals.delete(role);
}

/**
 * Keep every principal's session fresh: its last-seen time is touched at most once a minute on a
 * read (lib/auth/sessions.ts), and that write must not land inside a checked call.
 */
export async function refreshPrincipals(): Promise<void> {
  const now = new Date();
  await db.session.updateMany({
    where: { sessionToken: { in: [...principals.values()].map((principal) => hashToken(principal.token)) } },
    data: { lastSeenAt: now, authenticatedAt: now },
  });
}

/** This request comes from `principal`'s browser (or a signed-out one). */
export function actAs(principal: Principal | null, headers: Record<string, string> = {}): void {
  fakeRequest.reset({
    headers: { "x-forwarded-for": "198.51.100.77", "user-agent": "fuzz", ...headers },
    cookies: principal ? { [SESSION_COOKIE.name]: principal.token } : {},
  });
}

/** After a call: a rotated session token (step-up, second factor) stays the principal's. */
export function followCookie(principal: Principal | null): void {
  const cookie = fakeRequest.cookies.get(SESSION_COOKIE.name);
  if (principal && cookie && cookie.value) principal.token = cookie.value;
}

let idQuery: string | undefined;

/**
 * Ids of existing records by table, newest first, a few per table: generated `…Id` fields use them
 * as often as made-up ones, so handlers find something and go on past "not found". One query.
 */
export async function recordIds(perTable = 4): Promise<Map<string, string[]>> {
  if (!idQuery) {
    const tables = await db.$queryRaw<{ table: string }[]>`
      SELECT table_name AS "table" FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'text' ORDER BY 1`;
    idQuery = tables
      .map(({ table }) => `(SELECT '${table}' AS "table", id FROM "${table.replaceAll('"', '""')}" ORDER BY id DESC LIMIT ${perTable})`)
      .join(" UNION ALL ");
  }
  const byTable = new Map<string, string[]>();
  for (const { table, id } of await db.$queryRawUnsafe<{ table: string; id: string }[]>(idQuery)) {
    byTable.set(table, [...(byTable.get(table) ?? []), id]);
  }
  return byTable;
}

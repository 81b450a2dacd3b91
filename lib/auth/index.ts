import "server-only";
import NextAuth, { type Session } from "next-auth";
import type { Adapter, AdapterSession, AdapterUser } from "next-auth/adapters";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { cache } from "react";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/log";
import { requestMeta } from "@/lib/request-context";
import { SESSION_COOKIE } from "./cookies";
import { configuredProviders } from "./providers";
import { oidcSignInGate } from "./oidc-gate";
import { sessionFromCookie } from "./current-session";
import { findLiveSession, LONGEST_SESSION_SECONDS } from "./sessions";
import { hashToken } from "./token-hash";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string | null; role: Role; dealerId: string | null; locale: string };
    /** The Session row (for "this device" and step-up). */
    sessionId: string;
    strong: boolean;
    authenticatedAt: string;
  }
}

declare module "next-auth/adapters" {
  interface AdapterUser {
    role: Role;
    dealerId: string | null;
    locale: string;
    disabledAt: Date | null;
  }
  interface AdapterSession {
    id?: string;
    strong?: boolean;
    authenticatedAt?: Date;
  }
}

/**
 * Sessions live in the database (ASVS 7.4.1): the cookie carries a random token, the table only
 * its SHA-256. Auth.js reads sessions through this adapter, and creates them itself only for
 * OIDC sign-ins; password, magic-link and passkey sign-ins create them in lib/auth/sessions.ts
 * (docs/decisions/0002-database-sessions.md). Idle and absolute timeouts per role are checked on
 * every read (ASVS 7.3.1).
 */
function createAdapter(): Adapter {
  // The Prisma 7 client is generated into lib/generated; its type is the same shape the adapter
  // expects from @prisma/client, which TypeScript cannot see across the two packages.
  const base = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    async createSession(session) {
      const meta = await requestMeta();
      const created = await db.session.create({
        data: {
          sessionToken: hashToken(session.sessionToken),
          userId: session.userId,
          expires: session.expires,
          method: "oidc",
          ipAddress: meta.ipAddress,
          userAgent: meta.userAgent,
        },
      });
      return { sessionToken: session.sessionToken, userId: created.userId, expires: created.expires };
    },
    async getSessionAndUser(sessionToken) {
      const found = await findLiveSession(sessionToken);
      if (!found) return null;
      const { user, deadline, ...row } = found;
      const session: AdapterSession = {
        sessionToken,
        userId: row.userId,
        expires: deadline,
        id: row.id,
        strong: row.strong,
        authenticatedAt: row.authenticatedAt,
      };
      return { session, user: { ...user, email: user.email } as AdapterUser };
    },
    // Auth.js never extends a session here (updateAge = maxAge below); lastSeenAt is kept by
    // findLiveSession instead.
    async updateSession(session) {
      return { sessionToken: session.sessionToken, userId: session.userId ?? "", expires: session.expires ?? new Date() };
    },
    async deleteSession(sessionToken) {
      await db.session.deleteMany({ where: { sessionToken: hashToken(sessionToken) } });
    },
  };
}

const nextAuth = NextAuth({
  adapter: createAdapter(),
  secret: env.AUTH_SECRET,
  session: { strategy: "database", maxAge: LONGEST_SESSION_SECONDS, updateAge: LONGEST_SESSION_SECONDS },
  cookies: { sessionToken: SESSION_COOKIE },
  providers: configuredProviders(),
  pages: { signIn: "/signin", error: "/signin" },
  callbacks: {
    signIn: ({ user, account, profile }) => oidcSignInGate({ user, account, profile }),
    session({ session, user }) {
      const u = user as AdapterUser;
      const s = session as unknown as AdapterSession;
      // Only what pages need; never the password hash or other columns of the row.
      return {
        expires: session.expires,
        sessionId: s.id ?? "",
        strong: s.strong ?? false,
        authenticatedAt: (s.authenticatedAt ?? new Date(0)).toISOString(),
        user: { id: u.id, email: u.email, name: u.name ?? null, role: u.role, dealerId: u.dealerId, locale: u.locale },
      };
    },
  },
  events: {
    // Only accounts whose provider verified the address get this far (oidc-gate.ts).
    async createUser({ user }) {
      if (!user.id) return;
      await db.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
      await recordAudit({ action: "auth.sign_up", outcome: "SUCCESS", actorId: user.id, details: { via: "provider" } });
    },
    async signIn({ user, account, isNewUser }) {
      if (!account || !user.id) return;
      await recordAudit({
        action: "auth.sign_in",
        outcome: "SUCCESS",
        actorId: user.id,
        details: { method: `oidc:${account.provider}`, newAccount: Boolean(isNewUser) },
      });
    },
    async linkAccount({ user, account }) {
      await recordAudit({ action: "auth.provider_linked", outcome: "SUCCESS", actorId: user.id, details: { provider: account.provider } });
    },
  },
  logger: {
    error: (error) => logger.error({ err: error }, "auth error"),
    warn: (code) => logger.warn({ code }, "auth warning"),
    debug: () => {},
  },
});

export const { handlers, signIn, signOut } = nextAuth;

/**
 * The current session, read once per request (React cache). Read from the session cookie through
 * `cookies()` rather than Auth.js's `auth()`, which parses the raw Cookie header: after a server
 * action rotates the token (step-up, second factor), Next re-renders the page with the new cookie
 * visible through `cookies()` only. The same adapter lookup (timeouts, disabled accounts) applies.
 */
export const auth = cache(async (): Promise<Session | null> => {
  const found = await sessionFromCookie();
  if (!found) return null;
  const { user } = found;
  return {
    expires: found.deadline.toISOString(),
    sessionId: found.id,
    strong: found.strong,
    authenticatedAt: found.authenticatedAt.toISOString(),
    user: { id: user.id, email: user.email, name: user.name ?? null, role: user.role, dealerId: user.dealerId, locale: user.locale },
  };
});

import "server-only";
import NextAuth from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { cache } from "react";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/log";
import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS } from "./cookies";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string | null; role: Role; dealerId: string | null; locale: string };
  }
}

declare module "next-auth/adapters" {
  interface AdapterUser {
    role: Role;
    dealerId: string | null;
    locale: string;
    disabledAt: Date | null;
  }
}

/**
 * Sessions live in the database (ASVS 7.4.1): the cookie carries an opaque token, and deleting the
 * Session row signs that browser out on its next request. Auth.js reads and revokes them; password
 * sign-in creates them itself (lib/auth/sign-in.ts) because Auth.js's Credentials provider only
 * works with JWT sessions. See docs/decisions/0002-database-sessions.md.
 */
function createAdapter(): Adapter {
  // The Prisma 7 client is generated into lib/generated; its type is the same shape the adapter
  // expects from @prisma/client, which TypeScript cannot see across the two packages.
  const base = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    async getSessionAndUser(sessionToken) {
      const found = await base.getSessionAndUser!(sessionToken);
      if (!found) return null;
      // A disabled account is signed out everywhere at its next request (ASVS 7.4.2).
      if (found.user.disabledAt) {
        await db.session.deleteMany({ where: { userId: found.user.id } });
        return null;
      }
      return found;
    },
  };
}

const nextAuth = NextAuth({
  adapter: createAdapter(),
  secret: env.AUTH_SECRET,
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  cookies: { sessionToken: SESSION_COOKIE },
  // Sign-in methods beyond email + password (magic link, passkeys, OIDC/LINE) arrive with issue 3.
  providers: [],
  pages: { signIn: "/signin" },
  callbacks: {
    session({ session, user }) {
      const u = user as AdapterUser;
      // Only what pages need; never the password hash or other columns of the row.
      return {
        expires: session.expires,
        user: { id: u.id, email: u.email, name: u.name ?? null, role: u.role, dealerId: u.dealerId, locale: u.locale },
      };
    },
  },
  logger: {
    error: (error) => logger.error({ err: error }, "auth error"),
    warn: (code) => logger.warn({ code }, "auth warning"),
    debug: () => {},
  },
});

export const { handlers, signIn, signOut } = nextAuth;

/** The current session, read once per request (React cache). */
export const auth = cache(nextAuth.auth);

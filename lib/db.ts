import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/** The one database client (conventions: One database client). PostgreSQL only, through the pg driver adapter. */
function createClient(): PrismaClient {
  // Every session in UTC: Prisma keeps instants as UTC in columns without a zone, and the SQL that
  // compares them with now() or turns them into dates (segments, the warranty in SQL) must read
  // them the same way whatever zone an external database defaults to.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL, options: "-c TimeZone=UTC" }) });
}

// Hot reload re-evaluates modules; keep one client (and one pool) per process.
const globalForDb = globalThis as unknown as { db?: PrismaClient };
export const db: PrismaClient = globalForDb.db ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.db = db;

import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { minimumOf, purposesWithVersions } from "@/lib/consents/policies";
import { currentConsentSql } from "@/lib/segments/compile";

/**
 * Surveys that invite by themselves (issue 15): an open survey with a trigger invites, once, each
 * customer whose repair was completed, or whose product has been registered for 30 days, since the
 * survey opened, if their current consent allows research and surveys. A job runs this every hour
 * (queue `surveys.invite`); each invitation comes with a My Page notice. Insert-or-skip, so a
 * second run invites no one twice.
 */
const newId = Prisma.sql`replace(gen_random_uuid()::text, '-', '')`;

export async function inviteByTriggers(now: Date = new Date()): Promise<number> {
  const research = (await purposesWithVersions()).find((purpose) => purpose.id === "research");
  if (!research || research.versions.length === 0) return 0;
  const consent = currentConsentSql(Prisma.sql`u.id`, "research", minimumOf(research).publishedAt);
  const surveys = await db.survey.findMany({
    where: { status: "OPEN", trigger: { not: "NONE" } },
    select: { id: true, trigger: true, openedAt: true },
  });
  let invited = 0;
  for (const survey of surveys) {
    const since = survey.openedAt ?? now;
    const candidates =
      survey.trigger === "REPAIR_COMPLETED"
        ? Prisma.sql`SELECT DISTINCT ON (t."customerId") t."customerId" AS id, t.id AS cause
            FROM "RepairEvent" e JOIN "RepairTicket" t ON t.id = e."ticketId"
            WHERE e."toStatus" = 'COMPLETED' AND e.at >= ${since} AND e.at <= ${now} AND t.status = 'COMPLETED'`
        : Prisma.sql`SELECT DISTINCT ON (o."userId") o."userId" AS id, o.id AS cause FROM "Ownership" o
            WHERE o."endedAt" IS NULL AND o."registeredAt" <= ${now}::timestamptz - interval '30 days'
              AND o."registeredAt" >= ${since}::timestamptz - interval '30 days'`;
    const cause = survey.trigger === "REPAIR_COMPLETED" ? "repair" : "registration";
    // The invitations and their notices in one statement: a crash cannot leave one without the other.
    const rows = await db.$queryRaw<{ userId: string }[]>`
      WITH candidates AS (${candidates}), invited AS (
        INSERT INTO "SurveyInvitation" (id, "surveyId", "userId", "causeKind", "causeId")
        SELECT 'i' || ${newId}, ${survey.id}, c.id, ${cause}, c.cause
        FROM candidates c JOIN "User" u ON u.id = c.id
        WHERE u.role = 'CUSTOMER' AND u."disabledAt" IS NULL AND u."erasureRequestedAt" IS NULL AND ${consent}
        ON CONFLICT ("surveyId", "userId") DO NOTHING
        RETURNING "userId"
      )
      INSERT INTO "Notice" (id, "userId", kind, "surveyId")
      SELECT 'n' || ${newId}, i."userId", 'SURVEY', ${survey.id} FROM invited i
      RETURNING "userId"`;
    invited += rows.length;
  }
  return invited;
}

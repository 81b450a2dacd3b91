import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { openSecret, sealSecret } from "@/lib/auth/sealed-secrets";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { storeFor } from "@/lib/files/store";
import { enqueue, enqueueEmail } from "@/lib/jobs/enqueue";
import { ACCOUNT_ERASURE_QUEUE } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";
import { businessToday } from "@/lib/time/business-time";
import { retentionDays, type HoldKind } from "./retention-rules";

/**
 * Deleting an account (issue 14, GDPR 17; decision 0012). The request ends every session and
 * refuses sign-in at once; a job (keyed by the user, so a double click or a retry queues one, and a
 * restart runs it again) then pseudonymises: the User row stays as an empty shell with a made-up
 * address, so the records the law makes us keep (repair and warranty records, the points ledger,
 * consent proofs) still hang together, stripped of names, contacts, free text and photos. Each kept
 * kind has a hold until its retention period ends (RetentionRule), and the retention job removes
 * them then. The customer's last email says what was kept, why and until when.
 */
export const ERASED_EMAIL_DOMAIN = "erased.invalid";

export function erasedEmail(userId: string): string {
  return `erased-${userId}@${ERASED_EMAIL_DOMAIN}`;
}

export type Hold = { kind: HoldKind; count: number; until: string };

/** Ask for the erasure; the caller has checked a recent re-authentication (step-up). Idempotent. */
export async function requestErasure(userId: string, now = new Date()): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, email: true, locale: true, erasedAt: true } });
  // Staff and dealer accounts are closed by an administrator, not erased by their holder.
  if (!user || user.role !== "CUSTOMER") throw new AppError("NOT_FOUND");
  if (user.erasedAt) return;
  const first = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const existing = await tx.accountErasure.findUnique({ where: { userId }, select: { userId: true } });
    await tx.user.update({ where: { id: userId }, data: { erasureRequestedAt: now, disabledAt: now } });
    await tx.session.deleteMany({ where: { userId } });
    if (existing) return false;
    await tx.accountErasure.create({
      data: { userId, requestedAt: now, sealedNotice: sealSecret(JSON.stringify({ email: user.email, locale: user.locale })) },
    });
    return true;
  });
  await enqueue(ACCOUNT_ERASURE_QUEUE, { userId }, { singletonKey: userId });
  if (first)
    await recordAudit({ action: "account.erasure_requested", outcome: "SUCCESS", actorId: userId, targetType: "User", targetId: userId });
}

/** The job. Safe to run twice: a finished erasure only sends its email if that is still owed. */
export async function runErasure({ userId }: { userId: string }, now = new Date()): Promise<void> {
  const erasure = await db.accountErasure.findUnique({ where: { userId }, select: { completedAt: true } });
  if (!erasure) return;
  let files: { storage: "LOCAL" | "UPLOADTHING"; key: string; thumbnailKey: string | null }[] = [];
  if (!erasure.completedAt) {
    const days = await retentionDays();
    const holdUntil = (kind: HoldKind) => businessToday(new Date(now.getTime() + days[kind] * 86_400_000));
    files = await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
        const [repairs, ownerships, entries, consents] = await Promise.all([
          tx.repairTicket.count({ where: { customerId: userId } }),
          tx.ownership.count({ where: { userId } }),
          tx.pointsEntry.count({ where: { userId } }),
          tx.consent.count({ where: { userId } }),
        ]);
        const holds: Hold[] = [
          { kind: "repair_records" as const, count: repairs },
          { kind: "warranty_records" as const, count: ownerships },
          { kind: "points_ledger" as const, count: entries },
          { kind: "consent_proofs" as const, count: consents },
        ]
          .filter((hold) => hold.count > 0)
          .map((hold) => ({ ...hold, until: holdUntil(hold.kind) }));
        const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });

        // Sign-in: every way in goes.
        await tx.session.deleteMany({ where: { userId } });
        await tx.account.deleteMany({ where: { userId } });
        await tx.passkey.deleteMany({ where: { userId } });
        await tx.recoveryCode.deleteMany({ where: { userId } });
        await tx.authToken.deleteMany({ where: { userId } });
        await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
        await tx.notificationChoice.deleteMany({ where: { userId } });

        // Kept records, stripped of what identifies the person or what they wrote.
        await tx.repairTicket.updateMany({
          where: { customerId: userId },
          data: {
            description: "",
            pickupPostalCode: null,
            pickupPrefecture: null,
            pickupCity: null,
            pickupLine1: null,
            pickupLine2: null,
            contactPhone: null,
            ratingComment: null,
          },
        });
        await tx.repairEvent.updateMany({ where: { actorId: userId }, data: { message: null } });
        await tx.conversation.updateMany({ where: { customerId: userId }, data: { subject: "" } });
        await tx.chatMessage.updateMany({ where: { senderId: userId }, data: { body: "" } });
        await tx.ownershipClaim.updateMany({ where: { claimantId: userId }, data: { message: "" } });
        await tx.dealerSale.updateMany({ where: { customerEmail: user.email }, data: { customerEmail: null } });

        // Photos the customer uploaded (proofs, repair and chat photos): the rows say a photo was there.
        const owned = await tx.storedFile.findMany({
          where: { ownerId: userId, deletedAt: null },
          select: { storage: true, key: true, thumbnailKey: true },
        });
        await tx.storedFile.updateMany({ where: { ownerId: userId, deletedAt: null }, data: { deletedAt: now } });
        const exports = await tx.dataExport.findMany({
          where: { userId, storageKey: { not: null }, removedAt: null },
          select: { storage: true, storageKey: true },
        });
        await tx.dataExport.deleteMany({ where: { userId } });

        await tx.user.update({
          where: { id: userId },
          data: {
            email: erasedEmail(userId),
            emailVerified: null,
            name: null,
            nameKana: null,
            phone: null,
            image: null,
            passwordHash: null,
            totpSecret: null,
            totpEnabledAt: null,
            totpLastStep: null,
            postalCode: null,
            prefecture: null,
            city: null,
            addressLine1: null,
            addressLine2: null,
            erasedAt: now,
            disabledAt: now,
          },
        });
        await tx.accountErasure.update({ where: { userId }, data: { completedAt: now, holds } });
        return [...owned, ...exports.map((row) => ({ storage: row.storage!, key: row.storageKey!, thumbnailKey: null }))];
      },
      { timeout: 60_000 },
    );
    await recordAudit({
      action: "account.erased",
      outcome: "SUCCESS",
      actorId: null,
      targetType: "User",
      targetId: userId,
      details: { holds: (await db.accountErasure.findUniqueOrThrow({ where: { userId }, select: { holds: true } })).holds ?? [] },
    });
  }
  for (const file of files) {
    const store = await storeFor(file.storage);
    for (const key of [file.key, file.thumbnailKey]) {
      if (key) await store.remove(key).catch((error: unknown) => logger.warn({ err: error }, "erased file was not removed"));
    }
  }
  await sendFinalEmail(userId);
}

async function sendFinalEmail(userId: string): Promise<void> {
  const erasure = await db.accountErasure.findUniqueOrThrow({ where: { userId }, select: { sealedNotice: true, holds: true } });
  if (!erasure.sealedNotice) return;
  const { email, locale } = JSON.parse(openSecret(erasure.sealedNotice)) as { email: string; locale: string };
  const holds = (erasure.holds ?? []) as Hold[];
  const until = (kind: HoldKind) => holds.find((hold) => hold.kind === kind)?.until ?? "-";
  await enqueueEmail({
    to: email,
    locale,
    template: {
      name: "accountErased",
      repairs: until("repair_records"),
      warranty: until("warranty_records"),
      points: until("points_ledger"),
      consents: until("consent_proofs"),
    },
  });
  // The address is forgotten once the email job holds it (sealed, lib/jobs/email.ts).
  await db.accountErasure.update({ where: { userId }, data: { sealedNotice: null } });
}

/** For the customer's page: whether an erasure is under way (the page is reached only while signed in). */
export function erasureOf(userId: string) {
  return db.accountErasure.findUnique({ where: { userId }, select: { requestedAt: true, completedAt: true } });
}

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
import { erasedEmail } from "./erased-address";
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
export { ERASED_EMAIL_DOMAIN, erasedEmail } from "./erased-address";

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
    await tx.oidcArtifact.deleteMany({ where: { accountId: userId } });
    // An export being made now would write a zip of everything after the erasure: it stops here.
    await tx.dataExport.updateMany({
      where: { userId, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "FAILED", finishedAt: now },
    });
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
  if (!erasure.completedAt) {
    const days = await retentionDays();
    const holdUntil = (kind: HoldKind) => businessToday(new Date(now.getTime() + days[kind] * 86_400_000));
    await db.$transaction(
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
        // Apps and agents lose every grant, token and single sign-on session (issue 16).
        await tx.oidcArtifact.deleteMany({ where: { accountId: userId } });
        await tx.account.deleteMany({ where: { userId } });
        await tx.passkey.deleteMany({ where: { userId } });
        await tx.recoveryCode.deleteMany({ where: { userId } });
        await tx.authToken.deleteMany({ where: { userId } });
        await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
        await tx.notificationChoice.deleteMany({ where: { userId } });
        // What they told us and what they were sent (issue 15): answers and notices go; a survey
        // response stays counted, its free text blanked; campaign recipient rows keep the counts.
        await tx.attributeAnswer.deleteMany({ where: { userId } });
        await tx.profilePromptView.deleteMany({ where: { userId } });
        await tx.notice.deleteMany({ where: { userId } });
        await tx.surveyAnswer.updateMany({ where: { response: { userId }, text: { not: null } }, data: { text: "" } });
        // Answers a survey also saved to a profile attribute go with the profile answers.
        await tx.surveyAnswer.deleteMany({ where: { response: { userId }, question: { attributeId: { not: null } } } });
        await tx.surveyInvitation.deleteMany({ where: { userId } });
        // The links in campaign emails already sent stop working (the counts stay).
        await tx.$executeRaw`UPDATE "CampaignRecipient" SET token = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '') WHERE "userId" = ${userId}`;

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
        // Both sides of the customer's conversations and ticket timelines, and staff notes on their
        // tickets: staff replies and notes address the customer by name and repeat their details.
        const tickets = { customerId: userId };
        await tx.repairEvent.updateMany({ where: { ticket: tickets }, data: { message: null } });
        await tx.repairNote.updateMany({ where: { ticket: tickets }, data: { body: "" } });
        await tx.conversation.updateMany({ where: { customerId: userId }, data: { subject: "" } });
        // A message keeps a body or a photo (a CHECK in the chat migration): text-only ones get a dash.
        await tx.chatMessage.updateMany({ where: { conversation: { customerId: userId }, fileId: { not: null } }, data: { body: "" } });
        await tx.chatMessage.updateMany({ where: { conversation: { customerId: userId }, fileId: null }, data: { body: "—" } });
        await tx.ownershipClaim.updateMany({ where: { claimantId: userId }, data: { message: "" } });
        await tx.ownershipClaim.updateMany({
          where: { claimantId: userId, status: "OPEN" },
          data: { status: "REJECTED", decidedAt: now, decisionNote: "account deleted" },
        });
        // What dealers hold: the buyer's address on sales (this one, an earlier one, or the sale the
        // registration came from) and on invitations; a shop name the customer typed.
        // Only this customer's address is erased: a linked sale may name another buyer, whose
        // address is not ours to erase elsewhere.
        const linked = (await tx.dealerSale.findMany({ where: { ownerships: { some: { userId } } }, select: { id: true } })).map(
          (sale) => sale.id,
        );
        await tx.dealerSale.updateMany({
          where: { OR: [{ id: { in: linked } }, { customerEmail: user.email }] },
          data: { customerEmail: null },
        });
        await tx.dealerInvitation.updateMany({
          where: { OR: [{ email: user.email }, { saleId: { in: linked } }] },
          data: { email: erasedEmail(userId) },
        });
        await tx.ownership.updateMany({ where: { userId, otherShopName: { not: null } }, data: { otherShopName: "—" } });
        // The units are free for their next owner; transfers the customer started are off.
        await tx.ownershipTransfer.updateMany({
          where: { ownership: { userId }, acceptedAt: null, cancelledAt: null },
          data: { cancelledAt: now },
        });
        await tx.ownership.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now, endReason: "ACCOUNT_ERASED" } });
        // Consent records stay as proof (held), but none of them allows anything any more.
        await tx.consent.updateMany({ where: { userId, withdrawnAt: null }, data: { withdrawnAt: now } });

        // Photos the customer uploaded (proofs, repair and chat photos): the rows say a photo was
        // there; the files go after the commit (removeErasedFiles), and again on any later run.
        await tx.storedFile.updateMany({ where: { ownerId: userId, deletedAt: null }, data: { deletedAt: now } });
        await tx.dataExport.updateMany({ where: { userId, removedAt: null }, data: { removedAt: now } });

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
  await removeErasedFiles(userId);
  await sendFinalEmail(userId);
}

/** The erased customer's photos and export zips, from the store (removing a removed file is a no-op, so every run does it). */
async function removeErasedFiles(userId: string): Promise<void> {
  const [photos, exports] = await Promise.all([
    db.storedFile.findMany({
      where: { ownerId: userId, deletedAt: { not: null } },
      select: { storage: true, key: true, thumbnailKey: true },
    }),
    db.dataExport.findMany({ where: { userId, storageKey: { not: null } }, select: { storage: true, storageKey: true } }),
  ]);
  const files = [
    ...photos.flatMap((photo) => [photo.key, photo.thumbnailKey].flatMap((key) => (key ? [{ storage: photo.storage, key }] : []))),
    ...exports.map((row) => ({ storage: row.storage!, key: row.storageKey! })),
  ];
  for (const file of files) {
    await (
      await storeFor(file.storage)
    )
      .remove(file.key)
      .catch((error: unknown) => logger.warn({ err: error }, "erased file was not removed"));
  }
}

/** Erasures whose job was lost (the queue insert failed after the request): queued again by the nightly retention run. */
export async function requeueStalledErasures(now = new Date()): Promise<number> {
  const stalled = await db.accountErasure.findMany({
    where: { completedAt: null, requestedAt: { lt: new Date(now.getTime() - 10 * 60_000) } },
    select: { userId: true },
  });
  for (const { userId } of stalled) await enqueue(ACCOUNT_ERASURE_QUEUE, { userId }, { singletonKey: userId });
  return stalled.length;
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

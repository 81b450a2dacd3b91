import "server-only";
import { listAppCalls, listConnectedApps } from "@/lib/oidc/grants";
import { db } from "@/lib/db";
import { listOwnProducts, listPastProducts } from "@/lib/products/my-products";

/**
 * Everything the portal keeps about a customer, as one JSON-ready object (GDPR 20; issue 14's
 * export). Secrets (password hash, second-factor secret, token hashes) and staff-only records
 * (internal notes, who on the staff did what) are left out; staff who viewed the customer's data
 * appear by role and shop, as on the "who saw my data" page.
 */
export async function collectCustomerData(userId: string) {
  const actor = { id: userId, role: "CUSTOMER" as const, dealerId: null };
  const [profile, products, pastProducts, rest] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        id: true,
        email: true,
        emailVerified: true,
        name: true,
        nameKana: true,
        phone: true,
        locale: true,
        postalCode: true,
        prefecture: true,
        city: true,
        addressLine1: true,
        addressLine2: true,
        createdAt: true,
        totpEnabledAt: true,
        accounts: { select: { provider: true, type: true } },
        passkeys: { select: { name: true, createdAt: true, lastUsedAt: true } },
      },
    }),
    listOwnProducts(actor),
    listPastProducts(actor),
    collectRecords(userId),
  ]);
  const engagement = await collectEngagement(userId);
  // Apps and agents the customer let act for them (issue 16), with their recent calls.
  const connectedApps = (await listConnectedApps(userId)).map(({ key: _key, ...app }) => app);
  const appCalls = await listAppCalls(userId, 10_000);
  const { accounts, passkeys, ...person } = profile;
  return {
    exportedAt: new Date().toISOString(),
    format: "owners-portal customer export, version 1",
    profile: person,
    signInMethods: { providers: accounts, passkeys, secondFactor: Boolean(profile.totpEnabledAt) },
    products: products.map(({ warranty, ...product }) => ({ ...product, warranty })),
    pastProducts,
    ...rest,
    ...engagement,
    connectedApps,
    appCalls,
  };
}

/** What the customer told us and what they received (issue 15): profile answers, surveys, notices, campaigns. */
async function collectEngagement(userId: string) {
  const [answers, surveys, notices, campaigns, invitations, prompts] = await Promise.all([
    db.attributeAnswer.findMany({
      where: { userId },
      select: {
        choices: true,
        number: true,
        date: true,
        yes: true,
        source: true,
        answeredAt: true,
        updatedAt: true,
        attribute: { select: { code: true, labelJa: true, labelEn: true, purposeJa: true, purposeEn: true } },
      },
    }),
    db.surveyResponse.findMany({
      where: { userId },
      select: {
        submittedAt: true,
        survey: { select: { titleJa: true, titleEn: true } },
        answers: {
          select: {
            choices: true,
            number: true,
            date: true,
            yes: true,
            text: true,
            question: { select: { labelJa: true, labelEn: true } },
          },
        },
      },
    }),
    db.notice.findMany({
      where: { userId },
      select: { kind: true, createdAt: true, readAt: true, campaign: { select: { subjectJa: true, subjectEn: true } } },
    }),
    db.campaignRecipient.findMany({
      where: { userId },
      select: {
        createdAt: true,
        excluded: true,
        emailSentAt: true,
        clickedAt: true,
        unsubscribedAt: true,
        campaign: { select: { subjectJa: true, subjectEn: true, purposeId: true } },
      },
    }),
    db.surveyInvitation.findMany({
      where: { userId },
      select: { createdAt: true, causeKind: true, survey: { select: { titleJa: true, titleEn: true } } },
    }),
    db.profilePromptView.findMany({ where: { userId }, select: { shownAt: true, outcome: true, prompt: { select: { moment: true } } } }),
  ]);
  return { profileAnswers: answers, profilePrompts: prompts, surveyInvitations: invitations, surveyResponses: surveys, notices, campaigns };
}

async function collectRecords(userId: string) {
  const [
    claims,
    repairs,
    conversations,
    points,
    consents,
    notificationChoices,
    recallNotices,
    dealerMessages,
    securityEvents,
    viewsOfMyData,
    exports,
  ] = await Promise.all([
    db.ownershipClaim.findMany({
      where: { claimantId: userId },
      select: {
        id: true,
        createdAt: true,
        status: true,
        message: true,
        decidedAt: true,
        decisionReason: true,
        unit: { select: { serial: true } },
      },
    }),
    db.repairTicket.findMany({
      where: { customerId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        number: true,
        createdAt: true,
        status: true,
        description: true,
        delivery: true,
        pickupPostalCode: true,
        pickupPrefecture: true,
        pickupCity: true,
        pickupLine1: true,
        pickupLine2: true,
        preferredDates: true,
        contactPreference: true,
        contactPhone: true,
        coverage: true,
        warrantySnapshot: true,
        outcome: true,
        closeReason: true,
        closedAt: true,
        rating: true,
        ratingComment: true,
        unit: { select: { serial: true } },
        symptomCategory: { select: { code: true } },
        dealer: { select: { name: true } },
        // The timeline the customer sees; internal notes are staff records, not the customer's.
        events: { orderBy: { at: "asc" }, select: { at: true, kind: true, fromStatus: true, toStatus: true, message: true } },
        estimates: { select: { sentAt: true, lines: true, totalYen: true, note: true, status: true, decidedAt: true } },
        photos: { select: { file: { select: { id: true, contentType: true } } } },
      },
    }),
    db.conversation.findMany({
      where: { customerId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        subject: true,
        status: true,
        createdAt: true,
        ticket: { select: { number: true } },
        messages: { orderBy: { seq: "asc" }, select: { createdAt: true, side: true, body: true, fileId: true } },
      },
    }),
    db.pointsEntry.findMany({
      where: { userId },
      orderBy: { effectiveAt: "asc" },
      select: {
        id: true,
        effectiveAt: true,
        kind: true,
        causeKind: true,
        postings: { where: { account: { userId } }, select: { amount: true, account: { select: { kind: true } } } },
      },
    }),
    db.consent.findMany({
      where: { userId },
      orderBy: { grantedAt: "asc" },
      select: {
        purpose: true,
        policyVersion: true,
        textHash: true,
        channel: true,
        grantedAt: true,
        withdrawnAt: true,
        dealer: { select: { name: true } },
      },
    }),
    db.notificationChoice.findMany({ where: { userId }, select: { kind: true, email: true, updatedAt: true } }),
    db.recallNotice.findMany({
      where: { userId },
      select: {
        notifiedAt: true,
        acknowledgedAt: true,
        completedAt: true,
        campaign: { select: { titleJa: true, titleEn: true } },
        unit: { select: { serial: true } },
      },
    }),
    db.dealerMessage.findMany({
      where: { userId },
      select: { sentAt: true, body: true, readAt: true, dealer: { select: { name: true } } },
    }),
    db.auditEvent.findMany({
      where: { actorId: userId },
      orderBy: { id: "asc" },
      take: 5_000,
      select: { at: true, action: true, outcome: true, ipAddress: true, userAgent: true },
    }),
    db.auditEvent.findMany({
      where: { subjectIds: { has: userId }, NOT: { actorId: userId } },
      orderBy: { id: "asc" },
      take: 5_000,
      select: {
        at: true,
        action: true,
        targetType: true,
        details: true,
        actor: { select: { role: true, dealer: { select: { name: true } } } },
      },
    }),
    db.dataExport.findMany({ where: { userId }, select: { requestedAt: true, status: true, finishedAt: true } }),
  ]);
  const photoIds = [
    ...repairs.flatMap((ticket) => ticket.photos.map((photo) => photo.file.id)),
    ...conversations.flatMap((conversation) => conversation.messages.flatMap((message) => (message.fileId ? [message.fileId] : []))),
  ];
  return {
    ownershipClaims: claims,
    repairs: repairs.map(({ photos, ...ticket }) => ({ ...ticket, photos: photos.map((photo) => `photos/${photo.file.id}.webp`) })),
    conversations: conversations.map((conversation) => ({
      ...conversation,
      messages: conversation.messages.map(({ fileId, ...message }) => ({ ...message, photo: fileId ? `photos/${fileId}.webp` : null })),
    })),
    points: points.map(({ postings, ...entry }) => ({
      ...entry,
      movements: postings.map((posting) => ({ wallet: posting.account.kind, points: posting.amount })),
    })),
    consents: consents.map(({ dealer, ...consent }) => ({ ...consent, dealer: dealer?.name ?? null })),
    notificationChoices,
    recallNotices,
    dealerMessages: dealerMessages.map(({ dealer, ...message }) => ({ ...message, dealer: dealer.name })),
    securityEvents,
    viewsOfMyData: viewsOfMyData.map(({ actor, details, ...event }) => ({
      ...event,
      by: actor?.dealer ? { dealer: actor.dealer.name } : { role: actor?.role ?? null },
      reason: typeof details === "object" && details && "reason" in details ? String((details as { reason: unknown }).reason) : null,
    })),
    dataExports: exports,
    /** Files added to the zip beside this JSON (photos/<id>.webp), with every photo the customer uploaded. */
    photoFileIds: [...new Set(photoIds)],
  };
}

export type CustomerData = Awaited<ReturnType<typeof collectCustomerData>>;

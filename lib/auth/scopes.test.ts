import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";

const { db } = await import("@/lib/db");
const { own, testCustomer, testModelWithUnits, testStaff } = await import("@/scripts/test/product-factories");
const { claimWhereFor, endedOwnershipWhereFor, ownershipWhereFor, recallNoticeWhereFor, storedFileWhereFor } = await import("./scopes");

type Actor = import("@/lib/auth/permissions").Actor;

async function dealerStaff(dealerId: string): Promise<Actor> {
  return db.user.create({ data: { email: `d-${randomUUID()}@test.example`, role: "DEALER_STAFF", dealerId } });
}

function newDealer() {
  return db.dealer.create({ data: { code: `D-${randomUUID().slice(0, 8)}`, name: "Test shop" } });
}

/**
 * Two customers each with one current registration (the first bought at a dealer of ours), a past
 * registration, a claim and a recall notice each, and their uploaded files: every test reads only
 * these rows.
 */
async function world() {
  const [alice, bob] = [await testCustomer(), await testCustomer()];
  const [shop, otherShop] = [await newDealer(), await newDealer()];
  const { model, units } = await testModelWithUnits(3);
  const aliceOwns = await db.ownership.create({ data: { userId: alice.id, unitId: units[0]!.id, dealerId: shop.id } });
  const bobOwns = await own(bob.id, units[1]!.id);
  const alicePast = await db.ownership.create({
    data: { userId: alice.id, unitId: units[2]!.id, dealerId: shop.id, endedAt: new Date(), endReason: "UNREGISTERED" },
  });
  const aliceClaim = await db.ownershipClaim.create({ data: { unitId: units[1]!.id, claimantId: alice.id, message: "mine" } });
  const bobClaim = await db.ownershipClaim.create({ data: { unitId: units[0]!.id, claimantId: bob.id, message: "mine" } });
  const admin = await testStaff("ADMIN");
  const campaign = await db.recallCampaign.create({
    data: {
      code: `RC-${randomUUID().slice(0, 8)}`,
      modelId: model.id,
      titleJa: "t",
      titleEn: "t",
      messageJa: "m",
      messageEn: "m",
      status: "PUBLISHED",
      createdById: admin.id,
    },
  });
  const aliceNotice = await db.recallNotice.create({ data: { campaignId: campaign.id, unitId: units[0]!.id, userId: alice.id } });
  const bobNotice = await db.recallNotice.create({ data: { campaignId: campaign.id, unitId: units[1]!.id, userId: bob.id } });
  const file = (ownerId: string, purpose: string, deletedAt: Date | null = null) =>
    db.storedFile.create({
      data: {
        ownerId,
        purpose,
        deletedAt,
        storage: "LOCAL",
        key: `test/${randomUUID()}`,
        contentType: "image/webp",
        byteSize: 1,
        width: 1,
        height: 1,
      },
    });
  const files = {
    aliceProof: await file(alice.id, "proof_of_purchase"),
    aliceDeleted: await file(alice.id, "proof_of_purchase", new Date()),
    bobEvidence: await file(bob.id, "claim_evidence"),
    catalogImage: await file(admin.id, "model_image"),
    rewardImage: await file(admin.id, "reward_image"),
  };
  return {
    alice,
    bob,
    admin,
    shop,
    otherShop,
    ownerships: { aliceOwns, bobOwns, alicePast },
    claims: { aliceClaim, bobClaim },
    notices: { aliceNotice, bobNotice },
    files,
  };
}

type World = Awaited<ReturnType<typeof world>>;

function idsOf(rows: { id: string }[]): string[] {
  return rows.map((row) => row.id).sort();
}

const sorted = (...ids: string[]) => ids.sort();

async function ownershipsSeenBy(w: World, actor: Actor) {
  const mine = Object.values(w.ownerships).map((row) => row.id);
  return idsOf(await db.ownership.findMany({ where: { AND: [ownershipWhereFor(actor), { id: { in: mine } }] }, select: { id: true } }));
}

async function endedOwnershipsSeenBy(w: World, actor: Actor) {
  const mine = Object.values(w.ownerships).map((row) => row.id);
  return idsOf(
    await db.ownership.findMany({ where: { AND: [endedOwnershipWhereFor(actor), { id: { in: mine } }] }, select: { id: true } }),
  );
}

async function claimsSeenBy(w: World, actor: Actor) {
  const mine = Object.values(w.claims).map((row) => row.id);
  return idsOf(await db.ownershipClaim.findMany({ where: { AND: [claimWhereFor(actor), { id: { in: mine } }] }, select: { id: true } }));
}

async function noticesSeenBy(w: World, actor: Actor) {
  const mine = Object.values(w.notices).map((row) => row.id);
  return idsOf(
    await db.recallNotice.findMany({ where: { AND: [recallNoticeWhereFor(actor), { id: { in: mine } }] }, select: { id: true } }),
  );
}

async function filesSeenBy(w: World, actor: (Actor & { strong?: boolean }) | null) {
  const mine = Object.values(w.files).map((row) => row.id);
  return idsOf(await db.storedFile.findMany({ where: { AND: [storedFileWhereFor(actor), { id: { in: mine } }] }, select: { id: true } }));
}

describe("[8.2.2] scope predicates: each actor reads only what the policy allows, in the query", () => {
  it("ownershipWhereFor: a customer their own current registrations, reviewers all, a dealer those bought at their shop", async () => {
    const w = await world();
    const { aliceOwns, bobOwns } = w.ownerships;
    expect(await ownershipsSeenBy(w, w.alice)).toEqual([aliceOwns.id]);
    expect(await ownershipsSeenBy(w, w.bob)).toEqual([bobOwns.id]);
    expect(await ownershipsSeenBy(w, await testCustomer())).toEqual([]);
    expect(await ownershipsSeenBy(w, await testStaff("SUPPORT_LEAD"))).toEqual(sorted(aliceOwns.id, bobOwns.id));
    expect(await ownershipsSeenBy(w, w.admin)).toEqual(sorted(aliceOwns.id, bobOwns.id));
    // Desk agents read them for the customer panel beside a ticket.
    expect(await ownershipsSeenBy(w, await testStaff("SUPPORT_AGENT"))).toEqual(sorted(aliceOwns.id, bobOwns.id));
    expect(await ownershipsSeenBy(w, await dealerStaff(w.shop.id))).toEqual([aliceOwns.id]);
    expect(await ownershipsSeenBy(w, await dealerStaff(w.otherShop.id))).toEqual([]);
    expect(await ownershipsSeenBy(w, { id: randomUUID(), role: "DEALER_STAFF", dealerId: null })).toEqual([]);
  });

  it("endedOwnershipWhereFor: past registrations for the same actors", async () => {
    const w = await world();
    const { alicePast } = w.ownerships;
    expect(await endedOwnershipsSeenBy(w, w.alice)).toEqual([alicePast.id]);
    expect(await endedOwnershipsSeenBy(w, w.bob)).toEqual([]);
    expect(await endedOwnershipsSeenBy(w, w.admin)).toEqual([alicePast.id]);
    expect(await endedOwnershipsSeenBy(w, await testStaff("SUPPORT_AGENT"))).toEqual([]);
    expect(await endedOwnershipsSeenBy(w, await dealerStaff(w.shop.id))).toEqual([alicePast.id]);
    expect(await endedOwnershipsSeenBy(w, await dealerStaff(w.otherShop.id))).toEqual([]);
  });

  it("claimWhereFor: a customer the claims they filed, reviewers all, agents and dealers none", async () => {
    const w = await world();
    const { aliceClaim, bobClaim } = w.claims;
    expect(await claimsSeenBy(w, w.alice)).toEqual([aliceClaim.id]);
    expect(await claimsSeenBy(w, w.bob)).toEqual([bobClaim.id]);
    expect(await claimsSeenBy(w, await testCustomer())).toEqual([]);
    expect(await claimsSeenBy(w, await testStaff("SUPPORT_LEAD"))).toEqual(sorted(aliceClaim.id, bobClaim.id));
    expect(await claimsSeenBy(w, await testStaff("SUPPORT_AGENT"))).toEqual([]);
    expect(await claimsSeenBy(w, await dealerStaff(w.shop.id))).toEqual([]);
  });

  it("recallNoticeWhereFor: a customer the notices addressed to them, recall admins and the desk all, a dealer those of units it sold", async () => {
    const w = await world();
    const { aliceNotice, bobNotice } = w.notices;
    expect(await noticesSeenBy(w, w.alice)).toEqual([aliceNotice.id]);
    expect(await noticesSeenBy(w, w.bob)).toEqual([bobNotice.id]);
    expect(await noticesSeenBy(w, await testCustomer())).toEqual([]);
    expect(await noticesSeenBy(w, w.admin)).toEqual(sorted(aliceNotice.id, bobNotice.id));
    // Leads and agents work the desk, whose customer panel lists a customer's notices.
    expect(await noticesSeenBy(w, await testStaff("SUPPORT_LEAD"))).toEqual(sorted(aliceNotice.id, bobNotice.id));
    // Recall follow-up (issue 13): Alice registered her unit as bought at the shop.
    expect(await noticesSeenBy(w, await dealerStaff(w.shop.id))).toEqual([aliceNotice.id]);
    expect(await noticesSeenBy(w, await dealerStaff(w.otherShop.id))).toEqual([]);
  });

  it("storedFileWhereFor: own files, catalog images for all, proofs for reviewers in a strong session only, deleted for none", async () => {
    const w = await world();
    const { aliceProof, bobEvidence, catalogImage, rewardImage } = w.files;
    expect(await filesSeenBy(w, w.alice)).toEqual(sorted(aliceProof.id, catalogImage.id, rewardImage.id));
    expect(await filesSeenBy(w, w.bob)).toEqual(sorted(bobEvidence.id, catalogImage.id, rewardImage.id));
    expect(await filesSeenBy(w, null)).toEqual(sorted(catalogImage.id, rewardImage.id));
    const lead = await testStaff("SUPPORT_LEAD");
    expect(await filesSeenBy(w, { ...lead, strong: true })).toEqual(sorted(aliceProof.id, bobEvidence.id, catalogImage.id, rewardImage.id));
    expect(await filesSeenBy(w, { ...lead, strong: false })).toEqual(sorted(catalogImage.id, rewardImage.id));
    expect(await filesSeenBy(w, { ...(await testStaff("SUPPORT_AGENT")), strong: true })).toEqual(sorted(catalogImage.id, rewardImage.id));
    expect(await filesSeenBy(w, { ...(await dealerStaff(w.shop.id)), strong: true })).toEqual(sorted(catalogImage.id, rewardImage.id));
  });
});

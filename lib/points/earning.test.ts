import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { testCustomer, testModelWithUnits, testStaff } = await import("@/scripts/test/product-factories");
const { registerProduct, fileOwnershipClaim } = await import("@/lib/products/registration");
const { acceptTransfer, startTransfer, unregisterProduct } = await import("@/lib/products/transfers");
const { decideClaim } = await import("@/lib/products/claims");
const { updateOwnProfile } = await import("@/lib/account/profile");
const { walletBalances } = await import("./ledger");
const { stopJobWorkers } = await import("@/lib/jobs/worker");

afterAll(() => stopJobWorkers());

let address = "";
beforeEach(() => {
  // An address of its own (random IPv6): the velocity check counts every registration from it in this database.
  address = `2001:db8::${randomBytes(6).toString("hex").match(/.{4}/g)!.join(":")}`;
  fakeRequest.reset({ headers: { "x-forwarded-for": address } });
});

const balances = (userId: string) => db.$transaction((tx) => walletBalances(tx, userId));
const register = (userId: string, serial: string) =>
  registerProduct(userId, { serial, purchasedOn: null, dealerId: null, otherShopName: null, proofFileId: null });
const awardsOf = (userId: string) =>
  db.pointsEntry.findMany({ where: { userId, kind: "AWARD" }, include: { ruleVersion: true, lot: true }, orderBy: { createdAt: "asc" } });

describe("earning points", () => {
  it("a registration earns the rule's points, pending for its days, naming the rule version", async () => {
    const { units } = await testModelWithUnits(1);
    const user = await testCustomer();
    await register(user.id, units[0]!.serial);
    expect(await balances(user.id)).toEqual({ PENDING: 100, AVAILABLE: 0, DEBT: 0 });
    const [award] = await awardsOf(user.id);
    expect(award?.ruleVersion).toMatchObject({ id: "rule-registration-v1", version: 1 });
    expect(award?.lot?.availableFrom.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
  });

  it("a serial earns once ever: removing it claws the points back, registering it again (by anyone) earns nothing", async () => {
    const { units } = await testModelWithUnits(1);
    const first = await testCustomer();
    const { ownershipId } = await register(first.id, units[0]!.serial);
    await unregisterProduct(first.id, ownershipId);
    expect(await balances(first.id)).toEqual({ PENDING: 0, AVAILABLE: 0, DEBT: 0 });
    expect(await db.pointsEntry.count({ where: { userId: first.id, kind: "CLAWBACK" } })).toBe(1);
    const second = await testCustomer();
    await register(second.id, units[0]!.serial);
    expect(await balances(second.id)).toEqual({ PENDING: 0, AVAILABLE: 0, DEBT: 0 });
    await register(first.id, units[0]!.serial).catch(() => null);
    expect(await db.pointsEntry.count({ where: { kind: "AWARD", causeKind: "registration", userId: { in: [first.id, second.id] } } })).toBe(
      1,
    );
  });

  it("a transfer keeps the seller's points; a claim decided for the rightful owner moves them", async () => {
    const { units } = await testModelWithUnits(2);
    const seller = await testCustomer();
    const sold = await register(seller.id, units[0]!.serial);
    const { code } = await startTransfer(seller.id, sold.ownershipId);
    const buyer = await testCustomer();
    await acceptTransfer(buyer.id, code);
    expect((await balances(seller.id)).PENDING).toBe(100);
    expect((await balances(buyer.id)).PENDING).toBe(0);

    const squatter = await testCustomer();
    await register(squatter.id, units[1]!.serial);
    const owner = await testCustomer();
    const { claimId } = await fileOwnershipClaim(owner.id, { serial: units[1]!.serial, message: "私の製品です。", evidenceFileId: null });
    const current = await db.ownership.findFirstOrThrow({ where: { unitId: units[1]!.id, endedAt: null } });
    await decideClaim((await testStaff("SUPPORT_LEAD")).id, { claimId, approve: true, note: "", reviewedOwnershipId: current.id });
    expect(await balances(squatter.id)).toEqual({ PENDING: 0, AVAILABLE: 0, DEBT: 0 });
    expect((await balances(owner.id)).PENDING).toBe(100);
  });

  it("holds the awards of a registration from an address that registered too many today, with a flag for review", async () => {
    const { units } = await testModelWithUnits(7);
    const settings = await db.pointsProgram.findUniqueOrThrow({ where: { id: 1 } });
    const users = await Promise.all(units.map(() => testCustomer()));
    for (const [index, unit] of units.entries()) {
      await register(users[index]!.id, unit.serial);
    }
    const limit = settings.maxRegistrationsPerAddressPerDay;
    const flags = await db.pointsFlag.findMany({ where: { userId: { in: users.map((u) => u.id) } }, include: { lot: true } });
    expect(flags).toHaveLength(units.length - limit);
    expect(flags[0]).toMatchObject({ reason: "address_velocity", details: { ipAddress: address, limit } });
    expect(flags[0]!.lot.heldAt).not.toBeNull();
  });

  it("a campaign adds its points to registrations of its category while it runs, within its caps", async () => {
    const { units, model } = await testModelWithUnits(3);
    const rule = await db.pointsRule.create({
      data: {
        kind: "CAMPAIGN",
        code: `campaign-${randomUUID()}`,
        versions: {
          create: {
            version: 1,
            nameJa: "春のキャンペーン",
            nameEn: "Spring campaign",
            points: 80,
            expiryMonths: 6,
            category: model.category,
            startsAt: new Date(Date.now() - 86_400_000),
            endsAt: new Date(Date.now() + 86_400_000),
            capPerCustomer: 120,
          },
        },
      },
    });
    const user = await testCustomer();
    for (const unit of units) await register(user.id, unit.serial);
    const campaignAwards = await db.pointsEntry.findMany({
      where: { userId: user.id, ruleVersion: { ruleId: rule.id } },
      include: { postings: true },
    });
    // 80 + 40 (the cap of 120 reached), then nothing.
    expect(campaignAwards.map((e) => e.postings.find((p) => p.accountId === "program:ISSUED")!.amount).sort()).toEqual([-40, -80]);
    await db.pointsRuleVersion.updateMany({ where: { ruleId: rule.id }, data: { active: false } });
  });

  it("a repair rating earns once; withdrawing it claws the points back into a debt when they were spent", async () => {
    const { earnForRepairRating, clawBackCause } = await import("./earning");
    const { spendPoints } = await import("./movements");
    const user = await testCustomer();
    const ticketId = randomUUID();
    await db.$transaction((tx) => earnForRepairRating(tx, { userId: user.id, ticketId }));
    await db.$transaction((tx) => earnForRepairRating(tx, { userId: user.id, ticketId }));
    expect(await balances(user.id)).toEqual({ PENDING: 0, AVAILABLE: 30, DEBT: 0 });
    await db.$transaction((tx) =>
      spendPoints(tx, { userId: user.id, points: 20, key: randomUUID(), request: {}, kind: "REDEMPTION", to: "REDEEMED" }),
    );
    await db.$transaction((tx) => clawBackCause(tx, { kinds: ["repair_rating"], id: ticketId }, "rating_withdrawn"));
    expect(await balances(user.id)).toEqual({ PENDING: 0, AVAILABLE: 0, DEBT: -20 });
  });

  it("completing the profile earns once", async () => {
    const user = await testCustomer();
    const profile = {
      name: "山田 花子",
      nameKana: "ヤマダ ハナコ",
      phone: "090-1234-5678",
      postalCode: "1000001",
      prefecture: "東京都",
      city: "千代田区",
      addressLine1: "千代田1-1",
      addressLine2: "",
      locale: "ja" as const,
      needs: [],
    };
    await updateOwnProfile(user.id, { ...profile, phone: "" });
    expect((await balances(user.id)).AVAILABLE).toBe(0);
    await updateOwnProfile(user.id, profile);
    await updateOwnProfile(user.id, { ...profile, city: "港区" });
    expect((await balances(user.id)).AVAILABLE).toBe(50);
  });
});

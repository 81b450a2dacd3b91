import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { testCustomer, testModelWithUnits, testStaff, own } = await import("@/scripts/test/product-factories");
const { walletBalances } = await import("./ledger");
const { awardPoints } = await import("./movements");
const { redeemReward } = await import("./rewards");
const { decideAdjustment, proposeAdjustment } = await import("./adjustments");
const { saveRuleVersion, getRule } = await import("./rules");
const { liabilityReport } = await import("./liability");
const { saveTier } = await import("./settings");
const { reconcileLedger, remindExpiringPoints, settleDueLots } = await import("./jobs");
const { settleJobs } = await import("@/scripts/test/jobs");
const { stopJobWorkers } = await import("@/lib/jobs/worker");

afterAll(() => stopJobWorkers());
beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` } }));

const balances = (userId: string) => db.$transaction((tx) => walletBalances(tx, userId));
const give = (userId: string, points: number, options: { pendingDays?: number; now?: Date } = {}) =>
  db.$transaction((tx) =>
    awardPoints(tx, {
      userId,
      points,
      key: `test:${randomUUID()}`,
      cause: { kind: "test", id: "t" },
      pendingDays: options.pendingDays ?? 0,
      expiryMonths: 12,
      now: options.now,
    }),
  );
const actorOf = (user: { id: string; role: Role }) => ({ id: user.id, role: user.role, dealerId: null });

describe("rewards", () => {
  it("hands out one coupon code per redemption, replays a key, and refuses past the limit and the stock", async () => {
    const reward = await db.reward.create({
      data: {
        kind: "COUPON",
        nameJa: "クーポン",
        nameEn: "Coupon",
        cost: 100,
        perCustomerLimit: 2,
        stock: 3,
        coupons: { create: [{ code: "A-1" }, { code: "A-2" }, { code: "A-3" }] },
      },
    });
    const user = await testCustomer();
    await give(user.id, 1000);
    const key = randomUUID();
    const first = await redeemReward(user.id, { rewardId: reward.id, cost: reward.cost, ownershipId: "", idempotencyKey: key });
    const replay = await redeemReward(user.id, { rewardId: reward.id, cost: reward.cost, ownershipId: "", idempotencyKey: key });
    expect(replay).toEqual({ ...first, replayed: true });
    expect(first).toMatchObject({ couponCode: "A-1", availableAfter: 900, replayed: false });
    const second = await redeemReward(user.id, { rewardId: reward.id, cost: reward.cost, ownershipId: "", idempotencyKey: randomUUID() });
    expect(second.couponCode).toBe("A-2");
    await expect(
      redeemReward(user.id, { rewardId: reward.id, cost: reward.cost, ownershipId: "", idempotencyKey: randomUUID() }),
    ).rejects.toMatchObject({
      messageKey: "points.limitReached",
    });
    const other = await testCustomer();
    await give(other.id, 1000);
    await redeemReward(other.id, { rewardId: reward.id, cost: reward.cost, ownershipId: "", idempotencyKey: randomUUID() });
    // Stock is gone: refused, and nothing was spent.
    const third = await testCustomer();
    await give(third.id, 1000);
    await expect(
      redeemReward(third.id, { rewardId: reward.id, cost: reward.cost, ownershipId: "", idempotencyKey: randomUUID() }),
    ).rejects.toMatchObject({
      messageKey: "points.soldOut",
    });
    expect((await balances(third.id)).AVAILABLE).toBe(1000);
  });

  it("adds an extended warranty plan to one of the customer's products of the plan's model", async () => {
    const { units, model } = await testModelWithUnits(1);
    const plan = await db.extendedWarrantyPlan.create({
      data: { modelId: model.id, nameJa: "延長1年", nameEn: "1 more year", months: 12 },
    });
    const reward = await db.reward.create({
      data: { kind: "WARRANTY_EXTENSION", nameJa: "延長", nameEn: "Extension", cost: 500, planId: plan.id },
    });
    const user = await testCustomer();
    const ownership = await own(user.id, units[0]!.id);
    await give(user.id, 600);
    await expect(
      redeemReward(user.id, { rewardId: reward.id, cost: reward.cost, ownershipId: "", idempotencyKey: randomUUID() }),
    ).rejects.toMatchObject({
      cause: { ownershipId: "points.productRequired" },
    });
    await redeemReward(user.id, { rewardId: reward.id, cost: reward.cost, ownershipId: ownership.id, idempotencyKey: randomUUID() });
    expect(await db.unitExtension.count({ where: { unitId: units[0]!.id, planId: plan.id } })).toBe(1);
    expect((await balances(user.id)).AVAILABLE).toBe(100);
  });
});

describe("reversals by staff", () => {
  it("a lead reverses a redemption with a reason: the points come back, the redemption says so, an agent cannot", async () => {
    const { reverseEntry } = await import("./staff");
    const reward = await db.reward.create({ data: { kind: "GOODS", nameJa: "グッズ", nameEn: "Goods", cost: 70 } });
    const user = await testCustomer();
    await give(user.id, 100);
    const { redemptionId } = await redeemReward(user.id, {
      rewardId: reward.id,
      cost: reward.cost,
      ownershipId: "",
      idempotencyKey: randomUUID(),
    });
    const redemption = await db.redemption.findUniqueOrThrow({ where: { id: redemptionId } });
    await expect(reverseEntry(actorOf(await testStaff("SUPPORT_AGENT")), redemption.entryId, "wrong item")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const lead = actorOf(await testStaff("SUPPORT_LEAD"));
    await reverseEntry(lead, redemption.entryId, "out of stock at the warehouse");
    await reverseEntry(lead, redemption.entryId, "out of stock at the warehouse");
    expect((await balances(user.id)).AVAILABLE).toBe(100);
    expect((await db.redemption.findUniqueOrThrow({ where: { id: redemptionId } })).reversedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "points.reversed", actorId: lead.id } })).toBe(1);
  });
});

describe("what the reviewer found", () => {
  it("a coupon exchange is not reversible; goods are, and go back into stock", async () => {
    const { reverseEntry } = await import("./staff");
    const lead = actorOf(await testStaff("SUPPORT_LEAD"));
    const coupon = await db.reward.create({
      data: { kind: "COUPON", nameJa: "券", nameEn: "Coupon", cost: 10, coupons: { create: [{ code: `C-${randomUUID()}` }] } },
    });
    const goods = await db.reward.create({ data: { kind: "GOODS", nameJa: "品", nameEn: "Goods", cost: 10, stock: 5 } });
    const user = await testCustomer();
    await give(user.id, 100);
    const c = await redeemReward(user.id, { rewardId: coupon.id, cost: 10, ownershipId: "", idempotencyKey: randomUUID() });
    const g = await redeemReward(user.id, { rewardId: goods.id, cost: 10, ownershipId: "", idempotencyKey: randomUUID() });
    const entryOf = async (id: string) => (await db.redemption.findUniqueOrThrow({ where: { id } })).entryId;
    await expect(reverseEntry(lead, await entryOf(c.redemptionId), "changed my mind")).rejects.toMatchObject({
      messageKey: "points.rewardNotReversible",
    });
    await reverseEntry(lead, await entryOf(g.redemptionId), "not shipped");
    expect((await db.reward.findUniqueOrThrow({ where: { id: goods.id } })).stock).toBe(5);
    expect((await balances(user.id)).AVAILABLE).toBe(90);
  });

  it("a redemption at a cost the customer did not see is refused; an edit does not overwrite stock taken meanwhile", async () => {
    const { saveReward } = await import("./rewards");
    const admin = await testStaff("ADMIN");
    const reward = await db.reward.create({ data: { kind: "GOODS", nameJa: "品", nameEn: "Goods", cost: 10, stock: 5 } });
    const user = await testCustomer();
    await give(user.id, 100);
    await expect(
      redeemReward(user.id, { rewardId: reward.id, cost: 5, ownershipId: "", idempotencyKey: randomUUID() }),
    ).rejects.toMatchObject({
      messageKey: "points.costChanged",
    });
    await redeemReward(user.id, { rewardId: reward.id, cost: 10, ownershipId: "", idempotencyKey: randomUUID() });
    const form = {
      rewardId: reward.id,
      kind: "GOODS" as const,
      nameJa: "品",
      nameEn: "New name",
      descriptionJa: "",
      descriptionEn: "",
      cost: 10,
      perCustomerLimit: null,
      planId: "",
      imageFileId: "",
      couponCodes: "",
      active: "yes" as const,
    };
    // Opened at 5, only the name changed: the stock stays 4.
    await saveReward(admin.id, { ...form, stock: 5, stockSeen: 5 });
    expect(await db.reward.findUniqueOrThrow({ where: { id: reward.id } })).toMatchObject({ stock: 4, nameEn: "New name" });
    // Opened at 5, stock set to 20: refused, nothing saved.
    await expect(saveReward(admin.id, { ...form, stock: 20, stockSeen: 5 })).rejects.toMatchObject({
      cause: { stock: "points.stockChangedMeanwhile" },
    });
    await saveReward(admin.id, { ...form, stock: 20, stockSeen: 4 });
    expect((await db.reward.findUniqueOrThrow({ where: { id: reward.id } })).stock).toBe(20);
  });

  it("a refused deduction stays refused on replay; the same key with another reason is 409; staff earn no profile points", async () => {
    const { updateOwnProfile } = await import("@/lib/account/profile");
    const customer = await testCustomer();
    const lead = actorOf(await testStaff("SUPPORT_LEAD"));
    const key = randomUUID();
    await expect(
      proposeAdjustment(lead, { customerId: customer.id, points: -80, reason: "duplicate award", idempotencyKey: key }),
    ).rejects.toMatchObject({
      messageKey: "points.notEnough",
    });
    await expect(
      proposeAdjustment(lead, { customerId: customer.id, points: -80, reason: "duplicate award", idempotencyKey: key }),
    ).rejects.toMatchObject({
      messageKey: "points.notEnough",
    });
    await expect(
      proposeAdjustment(lead, { customerId: customer.id, points: -80, reason: "another reason", idempotencyKey: key }),
    ).rejects.toMatchObject({
      messageKey: "points.keyReused",
    });
    const staff = await testStaff("SUPPORT_AGENT");
    await updateOwnProfile(staff.id, {
      name: "山田 太郎",
      nameKana: "ヤマダ タロウ",
      phone: "090-1111-2222",
      postalCode: "1000001",
      prefecture: "東京都",
      city: "千代田区",
      addressLine1: "1-1",
      addressLine2: "",
      locale: "ja",
      needs: [],
    });
    expect(await db.pointsEntry.count({ where: { userId: staff.id } })).toBe(0);
  });
});

describe("adjustments", () => {
  it("applies a small adjustment at once; a large one waits for a second staff member, never the proposer", async () => {
    const customer = await testCustomer();
    const lead = actorOf(await testStaff("SUPPORT_LEAD"));
    const admin = actorOf(await testStaff("ADMIN"));
    const small = await proposeAdjustment(lead, { customerId: customer.id, points: 200, reason: "goodwill", idempotencyKey: randomUUID() });
    expect(small.status).toBe("APPLIED");
    expect((await balances(customer.id)).AVAILABLE).toBe(200);
    const key = randomUUID();
    const large = await proposeAdjustment(lead, { customerId: customer.id, points: 5000, reason: "late repair", idempotencyKey: key });
    expect(large.status).toBe("AWAITING_APPROVAL");
    expect(await proposeAdjustment(lead, { customerId: customer.id, points: 5000, reason: "late repair", idempotencyKey: key })).toEqual(
      large,
    );
    expect((await balances(customer.id)).AVAILABLE).toBe(200);
    await expect(decideAdjustment(lead, { adjustmentId: large.adjustmentId, approve: "yes", note: "" })).rejects.toMatchObject({
      messageKey: "points.ownAdjustment",
    });
    // Two approvers at once: one decides.
    const admin2 = actorOf(await testStaff("ADMIN"));
    const results = await Promise.allSettled([
      decideAdjustment(admin, { adjustmentId: large.adjustmentId, approve: "yes", note: "" }),
      decideAdjustment(admin2, { adjustmentId: large.adjustmentId, approve: "yes", note: "" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await balances(customer.id)).AVAILABLE).toBe(5200);
    const entries = await db.pointsEntry.findMany({
      where: { userId: customer.id, kind: "ADJUSTMENT", actorId: { in: [admin.id, admin2.id] } },
    });
    expect(entries.map((e) => e.memo)).toEqual(["late repair"]);
    const audit = await db.auditEvent.findMany({
      where: { subjectIds: { has: customer.id }, action: { startsWith: "points.adjustment" } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      "points.adjustment_decided",
      "points.adjustment_proposed",
      "points.adjustment_proposed",
    ]);
  });

  it("a deduction larger than the balance is refused and recorded as rejected", async () => {
    const customer = await testCustomer();
    const lead = actorOf(await testStaff("SUPPORT_LEAD"));
    await give(customer.id, 50);
    await expect(
      proposeAdjustment(lead, { customerId: customer.id, points: -80, reason: "duplicate award", idempotencyKey: randomUUID() }),
    ).rejects.toMatchObject({
      messageKey: "points.notEnough",
    });
    expect(await db.pointsAdjustment.findFirst({ where: { userId: customer.id } })).toMatchObject({ status: "REJECTED" });
    expect((await balances(customer.id)).AVAILABLE).toBe(50);
  });
});

describe("rules", () => {
  it("a change is a new version; awards keep naming the version that made them", async () => {
    const admin = await testStaff("ADMIN");
    const base = {
      nameJa: "キャンペーン",
      nameEn: "Campaign",
      active: "yes" as const,
      pendingDays: 0,
      expiryMonths: 6,
      startsOn: "",
      endsOn: "",
      category: `none-${randomUUID()}`,
      capPerCustomer: null,
      capTotal: null,
    };
    const created = await saveRuleVersion(admin.id, { ...base, ruleId: "", points: 100, note: "start" });
    const changed = await saveRuleVersion(admin.id, { ...base, ruleId: created.ruleId, points: 150, note: "more" });
    expect([created.version, changed.version]).toEqual([1, 2]);
    const rule = await getRule(created.ruleId);
    expect(rule?.versions.map((v) => [v.version, v.points, v.note])).toEqual([
      [2, 150, "more"],
      [1, 100, "start"],
    ]);
  });
});

describe("tiers", () => {
  it("saving a tier that is not there (deleted meanwhile, or a made-up id) is not found, not a 500", async () => {
    const admin = await testStaff("ADMIN");
    const tier = {
      code: `t-${randomUUID().slice(0, 8)}`,
      nameJa: "金",
      nameEn: "Gold",
      threshold: Math.floor(Math.random() * 100_000_000),
    };
    const input = { ...tier, bonusWarrantyMonths: 0, benefitsJa: "", benefitsEn: "" };
    await expect(saveTier(admin.id, { ...input, tierId: `missing-${randomUUID()}` })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.pointsTier.count({ where: { code: tier.code } })).toBe(0);
  });
});

describe("jobs and reports", () => {
  it("releases and expires what is due, reminds 30 days ahead once, and reports the liability", async () => {
    const user = await testCustomer("en");
    const now = new Date();
    await give(user.id, 300, { pendingDays: 1, now: new Date(now.getTime() - 2 * 86_400_000) });
    await give(user.id, 40, { now: new Date(now.getTime() - 350 * 86_400_000) });
    await settleDueLots(now);
    expect(await balances(user.id)).toEqual({ PENDING: 0, AVAILABLE: 340, DEBT: 0 });
    expect(await remindExpiringPoints(now)).toBeGreaterThanOrEqual(1);
    expect(await db.pointsLot.count({ where: { userId: user.id, remindedAt: { not: null } } })).toBe(1);
    const again = await remindExpiringPoints(now);
    expect(await db.pointsLot.count({ where: { userId: user.id, remindedAt: { not: null } } })).toBe(1);
    expect(again).toBe(0);
    await settleJobs();
    const email = await db.outboxEmail.findFirst({ where: { to: user.email }, orderBy: { createdAt: "desc" } });
    expect(email?.subject).toBe("40 points expire soon");
    // 40 days later the old lot has expired.
    await settleDueLots(new Date(now.getTime() + 40 * 86_400_000));
    expect((await balances(user.id)).AVAILABLE).toBe(300);
    const report = await liabilityReport();
    expect(report.available).toBeGreaterThanOrEqual(300);
    expect(report.months.length).toBeGreaterThan(0);
  });

  it("the reconciliation finds nothing on an honest ledger, and raises an alert when a balance was tampered with", async () => {
    const user = await testCustomer();
    await give(user.id, 100);
    expect((await reconcileLedger()).findings).toEqual([]);
    // A balance changed behind the ledger's back (the table has no append-only trigger; its CHECKs allow this).
    await db.$executeRaw`UPDATE "PointsAccount" SET balance = balance + 5 WHERE id = ${`w:AVAILABLE:${user.id}`}`;
    const result = await reconcileLedger();
    expect(result.findings).toContainEqual(
      expect.objectContaining({ kind: "balance_mismatch", accountId: `w:AVAILABLE:${user.id}`, stored: 105, postings: 100 }),
    );
    expect(await db.auditEvent.count({ where: { action: "points.reconciliation_failed" } })).toBeGreaterThanOrEqual(1);
    await db.$executeRaw`UPDATE "PointsAccount" SET balance = balance - 5 WHERE id = ${`w:AVAILABLE:${user.id}`}`;
  });
});

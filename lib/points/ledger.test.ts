import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const { db } = await import("@/lib/db");
const { testCustomer } = await import("@/scripts/test/product-factories");
const { walletBalances, walletId } = await import("./ledger");
const { awardPoints, clawBackLot, grantAdjustment, reverseSpend, settleCustomer, spendPoints } = await import("./movements");
const { reconcile } = await import("./reconcile");

const DAY = 86_400_000;
const T0 = new Date("2027-01-10T03:00:00Z");

function award(userId: string, points: number, options: { pendingDays?: number; expiryMonths?: number; now?: Date; key?: string } = {}) {
  return db.$transaction((tx) =>
    awardPoints(tx, {
      userId,
      points,
      key: options.key ?? `test:${randomUUID()}`,
      cause: { kind: "test", id: "t" },
      pendingDays: options.pendingDays ?? 0,
      expiryMonths: options.expiryMonths ?? 12,
      now: options.now ?? T0,
    }),
  );
}

function redeem(userId: string, points: number, options: { key?: string; request?: unknown; now?: Date } = {}) {
  return db.$transaction((tx) =>
    spendPoints(tx, {
      userId,
      points,
      key: options.key ?? `redeem:${randomUUID()}`,
      request: options.request ?? { points },
      kind: "REDEMPTION",
      to: "REDEEMED",
      now: options.now ?? T0,
    }),
  );
}

const balances = (userId: string) => db.$transaction((tx) => walletBalances(tx, userId));
const findings = async (userId: string) => (await db.$transaction((tx) => reconcile(tx, { userIds: [userId] }))).findings;

describe("points ledger", () => {
  it("keeps an award pending until its days have passed, then makes it available", async () => {
    const user = await testCustomer();
    await award(user.id, 300, { pendingDays: 14 });
    expect(await balances(user.id)).toEqual({ PENDING: 300, AVAILABLE: 0, DEBT: 0 });
    await expect(redeem(user.id, 100, { now: new Date(T0.getTime() + 13 * DAY) })).rejects.toMatchObject({
      messageKey: "points.notEnough",
    });
    await db.$transaction((tx) => settleCustomer(tx, user.id, new Date(T0.getTime() + 14 * DAY)));
    expect(await balances(user.id)).toEqual({ PENDING: 0, AVAILABLE: 300, DEBT: 0 });
    expect(await findings(user.id)).toEqual([]);
  });

  it("spends the lots that expire first, and expires what is left on its date", async () => {
    const user = await testCustomer();
    const older = await award(user.id, 100, { expiryMonths: 6 });
    const newer = await award(user.id, 100, { expiryMonths: 12, now: new Date(T0.getTime() + DAY) });
    await redeem(user.id, 150, { now: new Date(T0.getTime() + 2 * DAY) });
    const lots = await db.pointsLot.findMany({ where: { userId: user.id }, select: { id: true, remaining: true } });
    expect(lots.find((lot) => lot.id === older.lotId)?.remaining).toBe(0);
    expect(lots.find((lot) => lot.id === newer.lotId)?.remaining).toBe(50);
    // 13 months later the rest has expired: nothing to spend, and (once the job ran) an expiry entry says why.
    const later = new Date(T0.getTime() + 400 * DAY);
    await expect(redeem(user.id, 10, { now: later })).rejects.toMatchObject({ messageKey: "points.notEnough" });
    await db.$transaction((tx) => settleCustomer(tx, user.id, later));
    expect(await balances(user.id)).toEqual({ PENDING: 0, AVAILABLE: 0, DEBT: 0 });
    expect(await db.pointsEntry.count({ where: { userId: user.id, kind: "EXPIRY" } })).toBe(1);
    expect(await findings(user.id)).toEqual([]);
  });

  it("[2.3.3] fifty parallel redemptions against one balance: exactly the affordable number succeed, never negative", async () => {
    const user = await testCustomer();
    await award(user.id, 245);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => redeem(user.id, 10)));
    const succeeded = results.filter((result) => result.status === "fulfilled");
    const refused = results.filter((result) => result.status === "rejected");
    expect(succeeded).toHaveLength(24);
    for (const result of refused) expect((result as PromiseRejectedResult).reason).toMatchObject({ messageKey: "points.notEnough" });
    expect(await balances(user.id)).toEqual({ PENDING: 0, AVAILABLE: 5, DEBT: 0 });
    expect(await db.pointsEntry.count({ where: { userId: user.id, kind: "REDEMPTION" } })).toBe(24);
    expect(await findings(user.id)).toEqual([]);
  });

  it("[2.3.4] a replayed key returns the first result and writes nothing; the same key with another body is refused (409)", async () => {
    const user = await testCustomer();
    await award(user.id, 500);
    const key = `redeem:${randomUUID()}`;
    const first = await redeem(user.id, 100, { key, request: { rewardId: "r1" } });
    const again = await redeem(user.id, 100, { key, request: { rewardId: "r1" } });
    expect(again).toMatchObject({ entryId: first.entryId, replayed: true });
    // At the same time too: both wait for the customer's lock, the second finds the first.
    const key2 = `redeem:${randomUUID()}`;
    const both = await Promise.all([redeem(user.id, 50, { key: key2 }), redeem(user.id, 50, { key: key2 })]);
    expect(both[0].entryId).toBe(both[1].entryId);
    expect(await db.pointsEntry.count({ where: { userId: user.id, kind: "REDEMPTION" } })).toBe(2);
    expect(await db.pointsPosting.count({ where: { entryId: first.entryId } })).toBe(2);
    const conflict = redeem(user.id, 100, { key, request: { rewardId: "r2" } });
    await expect(conflict).rejects.toMatchObject({ code: "CONFLICT", status: 409, messageKey: "points.keyReused" });
    expect((await balances(user.id)).AVAILABLE).toBe(350);
  });

  it("[2.3.3b] the database refuses to change or remove an entry, a posting or a lot use, and an entry that does not balance", async () => {
    const user = await testCustomer();
    const { entryId } = await award(user.id, 100);
    await expect(db.$executeRaw`UPDATE "PointsEntry" SET memo = 'x' WHERE id = ${entryId}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "PointsPosting" WHERE "entryId" = ${entryId}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE "PointsPosting" SET amount = 1000 WHERE "entryId" = ${entryId}`).rejects.toThrow(/append-only/);
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO "PointsEntry" (id, kind, "userId", "idempotencyKey", "requestHash") VALUES (${randomUUID()}, 'AWARD', ${user.id}, ${randomUUID()}, 'x')`;
        await tx.$executeRaw`INSERT INTO "PointsPosting" ("entryId", "accountId", amount) SELECT id, ${walletId(user.id, "AVAILABLE")}, 50 FROM "PointsEntry" WHERE "userId" = ${user.id} AND "requestHash" = 'x'`;
        await tx.$executeRaw`INSERT INTO "PointsPosting" ("entryId", "accountId", amount) SELECT id, 'program:ISSUED', -40 FROM "PointsEntry" WHERE "userId" = ${user.id} AND "requestHash" = 'x'`;
      }),
    ).rejects.toThrow(/does not balance/);
    // A wallet cannot go below zero even if the code forgot to check.
    await expect(
      db.$transaction(async (tx) => {
        const id = randomUUID();
        await tx.$executeRaw`INSERT INTO "PointsEntry" (id, kind, "userId", "idempotencyKey", "requestHash") VALUES (${id}, 'REDEMPTION', ${user.id}, ${id}, 'y')`;
        await tx.$executeRaw`INSERT INTO "PointsPosting" ("entryId", "accountId", amount) VALUES (${id}, ${walletId(user.id, "AVAILABLE")}, -101), (${id}, 'program:REDEEMED', 101)`;
      }),
    ).rejects.toThrow(/PointsAccount_balance_sign/);
    expect(await balances(user.id)).toEqual({ PENDING: 0, AVAILABLE: 100, DEBT: 0 });
  });

  it("claws back an award: what is left leaves the wallet, what was spent becomes a debt that the next award repays", async () => {
    const user = await testCustomer();
    const first = await award(user.id, 100);
    await redeem(user.id, 70);
    await db.$transaction((tx) => clawBackLot(tx, first.lotId!, { reason: "registration removed", now: T0 }));
    expect(await balances(user.id)).toEqual({ PENDING: 0, AVAILABLE: 0, DEBT: -70 });
    // Once only.
    expect(await db.$transaction((tx) => clawBackLot(tx, first.lotId!, { reason: "again", now: T0 }))).toBeNull();
    await award(user.id, 50);
    expect(await balances(user.id)).toEqual({ PENDING: 0, AVAILABLE: 0, DEBT: -20 });
    await award(user.id, 50, { pendingDays: 3 });
    expect(await balances(user.id)).toEqual({ PENDING: 30, AVAILABLE: 0, DEBT: 0 });
    expect(await findings(user.id)).toEqual([]);
  });

  it("reversing a spend whose lot was clawed back since repays the clawback's debt first", async () => {
    const user = await testCustomer();
    const first = await award(user.id, 100);
    const spent = await redeem(user.id, 100);
    await db.$transaction((tx) => clawBackLot(tx, first.lotId!, { reason: "registration removed", now: T0 }));
    expect(await balances(user.id)).toEqual({ PENDING: 0, AVAILABLE: 0, DEBT: -100 });
    await db.$transaction((tx) => reverseSpend(tx, spent.entryId, { reason: "order cancelled", now: T0 }));
    expect(await balances(user.id)).toEqual({ PENDING: 0, AVAILABLE: 0, DEBT: 0 });
    expect(await findings(user.id)).toEqual([]);
  });

  it("reverses a redemption into the lots it came from, once", async () => {
    const user = await testCustomer();
    await award(user.id, 100);
    const spent = await redeem(user.id, 60);
    const reversal = await db.$transaction((tx) => reverseSpend(tx, spent.entryId, { reason: "order cancelled", now: T0 }));
    expect(await balances(user.id)).toEqual({ PENDING: 0, AVAILABLE: 100, DEBT: 0 });
    const again = await db.$transaction((tx) => reverseSpend(tx, spent.entryId, { reason: "again", now: T0 }));
    expect(again).toEqual({ entryId: reversal.entryId, replayed: true });
    const entry = await db.pointsEntry.findUniqueOrThrow({ where: { id: reversal.entryId } });
    expect(entry).toMatchObject({ kind: "REVERSAL", reversesId: spent.entryId });
    expect(await findings(user.id)).toEqual([]);
  });
});

/**
 * [2.3.3b] Random sequences of awards (pending or not, short or long expiry), redemptions,
 * adjustments, clawbacks and reversals, with the clock moving forward between steps. After every
 * step: every entry balances, every balance equals its postings and its lots; a spend succeeds
 * exactly when the unexpired, released points cover it; no spend ever took expired or pending points.
 */
describe("[2.3.3b] points ledger properties", () => {
  type Command =
    | { op: "award"; points: number; pendingDays: number; expiryMonths: number }
    | { op: "grant"; points: number }
    | { op: "spend"; points: number }
    | { op: "clawback"; pick: number }
    | { op: "reverse"; pick: number }
    | { op: "wait"; days: number };

  const command: fc.Arbitrary<Command> = fc.oneof(
    fc.record({
      op: fc.constant("award" as const),
      points: fc.integer({ min: 1, max: 500 }),
      pendingDays: fc.constantFrom(0, 0, 7, 30),
      expiryMonths: fc.constantFrom(1, 3, 12),
    }),
    fc.record({ op: fc.constant("grant" as const), points: fc.integer({ min: 1, max: 200 }) }),
    fc.record({ op: fc.constant("spend" as const), points: fc.integer({ min: 1, max: 400 }) }),
    fc.record({ op: fc.constant("clawback" as const), pick: fc.nat() }),
    fc.record({ op: fc.constant("reverse" as const), pick: fc.nat() }),
    fc.record({ op: fc.constant("wait" as const), days: fc.integer({ min: 1, max: 120 }) }),
  );

  async function spendableAt(userId: string, now: Date): Promise<number> {
    const [row] = await db.$queryRaw<{ points: number }[]>`
      SELECT COALESCE(SUM(remaining), 0)::int AS points FROM "PointsLot"
      WHERE "userId" = ${userId} AND "expiresAt" > ${now}
        AND ("releasedAt" IS NOT NULL OR ("heldAt" IS NULL AND "availableFrom" <= ${now}))`;
    return row?.points ?? 0;
  }

  it("keeps every entry balanced and every balance equal to its postings and lots", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 25 }), async (commands) => {
        const user = await testCustomer();
        let now = T0;
        const lots: string[] = [];
        const spends: string[] = [];
        for (const step of commands) {
          if (step.op === "wait") now = new Date(now.getTime() + step.days * DAY);
          if (step.op === "award") {
            const result = await award(user.id, step.points, { pendingDays: step.pendingDays, expiryMonths: step.expiryMonths, now });
            if (result.lotId) lots.push(result.lotId);
          }
          if (step.op === "grant") {
            const key = `grant:${randomUUID()}`;
            const posted = await db.$transaction((tx) =>
              grantAdjustment(tx, {
                userId: user.id,
                points: step.points,
                key,
                request: {},
                actorId: user.id,
                memo: "test",
                expiryMonths: 2,
                now,
              }),
            );
            const lot = await db.pointsLot.findUnique({ where: { awardEntryId: posted.entryId }, select: { id: true } });
            if (lot) lots.push(lot.id);
          }
          if (step.op === "spend") {
            const affordable = (await spendableAt(user.id, now)) >= step.points;
            const outcome = await redeem(user.id, step.points, { now }).then(
              (result) => result,
              (error: unknown) => error,
            );
            if (affordable) {
              expect(outcome).toHaveProperty("entryId");
              spends.push((outcome as { entryId: string }).entryId);
            } else {
              expect(outcome).toMatchObject({ messageKey: "points.notEnough" });
            }
          }
          if (step.op === "clawback" && lots.length > 0) {
            await db.$transaction((tx) => clawBackLot(tx, lots[step.pick % lots.length]!, { reason: "test", now }));
          }
          if (step.op === "reverse" && spends.length > 0) {
            const [spend] = spends.splice(step.pick % spends.length, 1);
            await db.$transaction((tx) => reverseSpend(tx, spend!, { reason: "test", now }));
          }
          expect(await findings(user.id)).toEqual([]);
        }
        // No spend took points from a lot that was pending or expired at the time.
        const [bad] = await db.$queryRaw<{ count: number }[]>`
          SELECT COUNT(*)::int AS count FROM "PointsLotUse" u
          JOIN "PointsEntry" e ON e.id = u."entryId" JOIN "PointsLot" l ON l.id = u."lotId"
          WHERE l."userId" = ${user.id} AND e.kind = 'REDEMPTION'
            AND (l."releasedAt" IS NULL OR l."releasedAt" > e."effectiveAt" OR l."expiresAt" <= e."effectiveAt")`;
        expect(bad?.count).toBe(0);
        const { AVAILABLE, PENDING, DEBT } = await balances(user.id);
        expect(AVAILABLE).toBeGreaterThanOrEqual(0);
        expect(PENDING).toBeGreaterThanOrEqual(0);
        expect(DEBT).toBeLessThanOrEqual(0);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { OwnershipFollowUp } from "./lifecycle";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { own, testCustomer, testModelWithUnits, testStaff } = await import("@/scripts/test/product-factories");
const { OWNERSHIP_FOLLOW_UPS, endOwnership, startOwnership } = await import("./lifecycle");
const { settleJobs } = await import("@/scripts/test/jobs");
const { stopJobWorkers } = await import("@/lib/jobs/worker");

afterAll(() => stopJobWorkers());

async function publishedCampaign(modelId: string, status: "PUBLISHED" | "DRAFT" = "PUBLISHED", lots: string[] = []) {
  const admin = await testStaff("ADMIN");
  return db.recallCampaign.create({
    data: {
      code: `RC-${randomUUID().slice(0, 8)}`,
      modelId,
      lots,
      titleJa: "点検",
      titleEn: "Inspection",
      messageJa: "m",
      messageEn: "m",
      status,
      createdById: admin.id,
    },
  });
}

function openCode(ownershipId: string) {
  return db.ownershipTransfer.create({
    data: { ownershipId, codeHash: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) },
  });
}

describe("ownership lifecycle", () => {
  it("startOwnership creates the ownership and the new owner's notices for open campaigns covering the unit; emails go after the commit", async () => {
    const owner = await testCustomer();
    const { model, units } = await testModelWithUnits(1, { lot: "L1" });
    const covering = await publishedCampaign(model.id);
    await publishedCampaign(model.id, "DRAFT");
    await publishedCampaign(model.id, "PUBLISHED", ["OTHER-LOT"]);

    const { ownershipId, afterCommit } = await db.$transaction((tx) => startOwnership(tx, { unitId: units[0]!.id, userId: owner.id }));
    expect(await db.ownership.findUniqueOrThrow({ where: { id: ownershipId } })).toMatchObject({ userId: owner.id, endedAt: null });
    const notices = await db.recallNotice.findMany({ where: { unitId: units[0]!.id } });
    expect(notices.map((notice) => [notice.campaignId, notice.userId, notice.emailSentAt])).toEqual([[covering.id, owner.id, null]]);

    await afterCommit();
    await settleJobs();
    expect(await db.outboxEmail.count({ where: { to: owner.email, template: "recallNotice" } })).toBe(1);
    expect((await db.recallNotice.findFirstOrThrow({ where: { unitId: units[0]!.id } })).emailSentAt).not.toBeNull();
  });

  it("a second active owner for the unit is refused by the unique index (P2002), and nothing is left behind", async () => {
    const [first, second] = [await testCustomer(), await testCustomer()];
    const { units } = await testModelWithUnits(1);
    await own(first.id, units[0]!.id);
    await expect(db.$transaction((tx) => startOwnership(tx, { unitId: units[0]!.id, userId: second.id }))).rejects.toMatchObject({
      code: "P2002",
    });
    expect(await db.ownership.count({ where: { unitId: units[0]!.id } })).toBe(1);
  });

  it("endOwnership records the reason, voids open transfer codes and tells the former owner after the commit", async () => {
    const seller = await testCustomer();
    const { units } = await testModelWithUnits(1);
    const ownership = await own(seller.id, units[0]!.id);
    const code = await openCode(ownership.id);

    const ended = await db.$transaction((tx) => endOwnership(tx, { ownershipId: ownership.id, reason: "TRANSFERRED" }));
    expect(ended).not.toBeNull();
    const row = await db.ownership.findUniqueOrThrow({ where: { id: ownership.id } });
    expect(row.endReason).toBe("TRANSFERRED");
    expect(row.endedAt).not.toBeNull();
    expect((await db.ownershipTransfer.findUniqueOrThrow({ where: { id: code.id } })).cancelledAt).not.toBeNull();
    expect(await db.outboxEmail.count({ where: { to: seller.email } })).toBe(0);
    await ended!.afterCommit();
    await settleJobs();
    expect(await db.outboxEmail.count({ where: { to: seller.email, template: "transferCompleted" } })).toBe(1);
  });

  it("ending an ownership that has already ended is refused (null) and changes nothing; unregistering sends no email", async () => {
    const owner = await testCustomer();
    const { units } = await testModelWithUnits(1);
    const ownership = await own(owner.id, units[0]!.id);
    const first = await db.$transaction((tx) => endOwnership(tx, { ownershipId: ownership.id, reason: "UNREGISTERED" }));
    await first!.afterCommit();
    const before = await db.ownership.findUniqueOrThrow({ where: { id: ownership.id } });
    // A code made afterwards (it could not be, but it shows the second call touches nothing).
    const code = await openCode(ownership.id);
    const onEnd = vi.fn();
    const second = await db.$transaction((tx) =>
      endOwnership(tx, { ownershipId: ownership.id, reason: "CLAIM_DECIDED" }, [...OWNERSHIP_FOLLOW_UPS, { name: "spy", onEnd }]),
    );
    expect(second).toBeNull();
    expect(onEnd).not.toHaveBeenCalled();
    expect(await db.ownership.findUniqueOrThrow({ where: { id: ownership.id } })).toEqual(before);
    expect((await db.ownershipTransfer.findUniqueOrThrow({ where: { id: code.id } })).cancelledAt).toBeNull();
    expect(await db.outboxEmail.count({ where: { to: owner.email } })).toBe(0);
  });

  it("follow-ups run inside the transaction: one that fails undoes the start; a failing after-commit step is logged, not thrown", async () => {
    const owner = await testCustomer();
    const { units } = await testModelWithUnits(1);
    const failing: OwnershipFollowUp = { name: "failing", onStart: async () => Promise.reject(new Error("hook failed")) };
    await expect(db.$transaction((tx) => startOwnership(tx, { unitId: units[0]!.id, userId: owner.id }, [failing]))).rejects.toThrow(
      "hook failed",
    );
    expect(await db.ownership.count({ where: { unitId: units[0]!.id } })).toBe(0);

    const seen: string[] = [];
    const hooks: OwnershipFollowUp[] = [
      {
        name: "sees the new row",
        onStart: async (tx, event) => {
          seen.push((await tx.ownership.findUniqueOrThrow({ where: { id: event.ownershipId } })).userId);
          return async () => Promise.reject(new Error("mail down"));
        },
      },
      { name: "after", onStart: async () => async () => void seen.push("after ran") },
    ];
    const started = await db.$transaction((tx) => startOwnership(tx, { unitId: units[0]!.id, userId: owner.id }, hooks));
    await expect(started.afterCommit()).resolves.toBeUndefined();
    expect(seen).toEqual([owner.id, "after ran"]);
  });
});

import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { own, testCustomer, testModelWithUnits, testStaff } = await import("@/scripts/test/product-factories");
const { decideClaim, listOwnClaims } = await import("./claims");
const { fileOwnershipClaim } = await import("./registration");
const { acceptTransfer, startTransfer } = await import("./transfers");

beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` } }));

async function disputedUnit() {
  const { units } = await testModelWithUnits(1);
  const owner = await testCustomer();
  const ownership = await own(owner.id, units[0]!.id);
  const claimant = await testCustomer();
  const { claimId } = await fileOwnershipClaim(claimant.id, { serial: units[0]!.serial, message: "私の製品です。レシートがあります。", evidenceFileId: null });
  return { unit: units[0]!, owner, ownership, claimant, claimId };
}

describe("ownership claims", () => {
  it("approving moves the unit to the claimant, voids the old owner's transfer codes and tells both", async () => {
    const { unit, owner, ownership, claimant, claimId } = await disputedUnit();
    const { code } = await startTransfer(owner.id, ownership.id);
    await decideClaim((await testStaff("SUPPORT_LEAD")).id, { claimId, approve: true, note: "", reviewedOwnershipId: ownership.id });
    const current = await db.ownership.findFirstOrThrow({ where: { unitId: unit.id, endedAt: null } });
    expect(current.userId).toBe(claimant.id);
    expect((await db.ownership.findUniqueOrThrow({ where: { id: ownership.id } })).endReason).toBe("CLAIM_DECIDED");
    await expect(acceptTransfer((await testCustomer()).id, code)).rejects.toMatchObject({ cause: { code: "products.transferCodeWrong" } });
    expect(await db.outboxEmail.count({ where: { to: claimant.email, template: "claimDecided" } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: owner.email, template: "ownershipMoved" } })).toBe(1);
    expect((await listOwnClaims(claimant.id))[0]!.status).toBe("APPROVED");
  });

  it("a decision about an owner who is no longer the owner is refused, and the claim stays open", async () => {
    const { owner, ownership, claimId } = await disputedUnit();
    const { code } = await startTransfer(owner.id, ownership.id);
    await acceptTransfer((await testCustomer()).id, code);
    await expect(decideClaim((await testStaff("SUPPORT_LEAD")).id, { claimId, approve: true, note: "", reviewedOwnershipId: ownership.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await db.ownershipClaim.findUniqueOrThrow({ where: { id: claimId } })).status).toBe("OPEN");
  });

  it("a claim is decided once", async () => {
    const { ownership, claimId } = await disputedUnit();
    const staff = await testStaff("SUPPORT_LEAD");
    await decideClaim(staff.id, { claimId, approve: false, note: "領収書の日付が合いません", reviewedOwnershipId: ownership.id });
    await expect(decideClaim(staff.id, { claimId, approve: true, note: "", reviewedOwnershipId: ownership.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

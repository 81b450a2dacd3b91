import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { own, testCustomer, testModelWithUnits, testStaff } = await import("@/scripts/test/product-factories");
const { decideClaim, listClaimsForReview, listOwnClaims } = await import("./claims");
const { fileOwnershipClaim } = await import("./registration");
const { acceptTransfer, startTransfer } = await import("./transfers");
const { settleJobs } = await import("@/scripts/test/jobs");
const { stopJobWorkers } = await import("@/lib/jobs/worker");

afterAll(() => stopJobWorkers());

beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` } }));

async function disputedUnit(claimantLocale = "ja") {
  const { units } = await testModelWithUnits(1);
  const owner = await testCustomer();
  const ownership = await own(owner.id, units[0]!.id);
  const claimant = await testCustomer(claimantLocale);
  const { claimId } = await fileOwnershipClaim(claimant.id, {
    serial: units[0]!.serial,
    message: "私の製品です。レシートがあります。",
    evidenceFileId: null,
  });
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
    await settleJobs();
    expect(await db.outboxEmail.count({ where: { to: claimant.email, template: "claimDecided" } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: owner.email, template: "ownershipMoved" } })).toBe(1);
    expect((await listOwnClaims(claimant))[0]!.status).toBe("APPROVED");
  });

  it("a decision about an owner who is no longer the owner is refused, and the claim stays open", async () => {
    const { owner, ownership, claimId } = await disputedUnit();
    const { code } = await startTransfer(owner.id, ownership.id);
    await acceptTransfer((await testCustomer()).id, code);
    await expect(
      decideClaim((await testStaff("SUPPORT_LEAD")).id, { claimId, approve: true, note: "", reviewedOwnershipId: ownership.id }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await db.ownershipClaim.findUniqueOrThrow({ where: { id: claimId } })).status).toBe("OPEN");
  });

  it("a claim is decided once", async () => {
    const { ownership, claimId } = await disputedUnit();
    const staff = await testStaff("SUPPORT_LEAD");
    await decideClaim(staff.id, {
      claimId,
      approve: false,
      reason: "other",
      note: "領収書の日付が合いません",
      reviewedOwnershipId: ownership.id,
    });
    await expect(decideClaim(staff.id, { claimId, approve: true, note: "", reviewedOwnershipId: ownership.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("a rejection stores its reason and message, which the claimant sees and reads in the email in their language", async () => {
    const { ownership, claimant, claimId } = await disputedUnit("en");
    const staff = await testStaff("SUPPORT_LEAD");
    await decideClaim(staff.id, {
      claimId,
      approve: false,
      reason: "proofUnreadable",
      note: "The date on the receipt is cut off.",
      reviewedOwnershipId: ownership.id,
    });
    const stored = await db.ownershipClaim.findUniqueOrThrow({ where: { id: claimId } });
    expect(stored).toMatchObject({
      status: "REJECTED",
      decisionReason: "proofUnreadable",
      decisionNote: "The date on the receipt is cut off.",
      decidedById: staff.id,
    });
    expect((await listOwnClaims(claimant))[0]).toMatchObject({
      status: "REJECTED",
      decisionReason: "proofUnreadable",
      decisionNote: "The date on the receipt is cut off.",
    });
    await settleJobs();
    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: claimant.email, template: "claimDecided" } });
    expect(email.subject).toBe("Your review request was not approved");
    expect(email.text).toContain("We could not read the photo of your proof of purchase.");
    expect(email.text).toContain("Message from our staff: The date on the receipt is cut off.");
  });

  it("a rejection without a reason is refused and the claim stays open; an approval in Japanese says so", async () => {
    const { ownership, claimant, claimId } = await disputedUnit();
    const staff = await testStaff("SUPPORT_LEAD");
    await expect(
      decideClaim(staff.id, { claimId, approve: false, reason: null, note: "", reviewedOwnershipId: ownership.id }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      cause: { reason: "claimsAdmin.reasonRequired" },
    });
    expect((await db.ownershipClaim.findUniqueOrThrow({ where: { id: claimId } })).status).toBe("OPEN");
    await decideClaim(staff.id, { claimId, approve: true, reason: "other", note: "", reviewedOwnershipId: ownership.id });
    // An approval keeps no rejection reason, even if one was sent.
    expect((await db.ownershipClaim.findUniqueOrThrow({ where: { id: claimId } })).decisionReason).toBeNull();
    await settleJobs();
    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: claimant.email, template: "claimDecided" } });
    expect(email.subject).toBe("確認のご依頼の結果:承認");
    expect(email.text).toContain("製品をお客様のアカウントに登録しました");
    expect(email.text).not.toContain("スタッフからのメッセージ");
  });

  it("the staff history lists decided claims with who decided, filters by status and search, and audits whose data was shown", async () => {
    const { owner, ownership, claimant, claimId, unit } = await disputedUnit();
    const staff = await testStaff("SUPPORT_LEAD");
    const viewer = await testStaff("SUPPORT_LEAD");
    const open = await listClaimsForReview(viewer, { status: "open", search: unit.serial.toLowerCase() });
    expect(open.map((claim) => claim.id)).toEqual([claimId]);
    await decideClaim(staff.id, { claimId, approve: false, reason: "ownerHasProof", note: "", reviewedOwnershipId: ownership.id });
    expect(await listClaimsForReview(viewer, { status: "open", search: unit.serial })).toEqual([]);
    expect(await listClaimsForReview(viewer, { status: "approved", search: unit.serial })).toEqual([]);
    const [rejected] = await listClaimsForReview(viewer, { status: "rejected", search: claimant.email });
    expect(rejected).toMatchObject({ id: claimId, status: "REJECTED", decisionReason: "ownerHasProof", decidedBy: { id: staff.id } });
    const views = await db.auditEvent.findMany({ where: { actorId: viewer.id, action: "personal_data.viewed" }, orderBy: { id: "asc" } });
    expect(views[0]!.subjectIds.toSorted()).toEqual([claimant.id, owner.id].toSorted());
    expect(views.at(-1)!.subjectIds).toContain(claimant.id);
  });
});

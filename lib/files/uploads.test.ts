import sharp from "sharp";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { testCustomer, testModelWithUnits, testStaff } = await import("@/scripts/test/product-factories");
const { deliverFile, discardOwnDraftFile, saveImageUpload } = await import("./uploads");
const { can, uploadPermission } = await import("@/lib/auth/permissions");
const { storedFileWhereFor } = await import("@/lib/auth/scopes");

beforeEach(() => fakeRequest.reset());

async function* streamOf(buffer: Buffer) {
  yield buffer;
}

async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 300, channels: 3, background: "#ccc" } })
    .jpeg()
    .withExif({ IFD0: { Make: "Cam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "35/1 40/1 0/1" } })
    .toBuffer();
}

const actor = (user: { id: string; role: "CUSTOMER" | "SUPPORT_AGENT" | "DEALER_STAFF" | "ADMIN" | "SUPPORT_LEAD"; strong?: boolean }) => ({
  id: user.id,
  role: user.role,
  dealerId: null,
  strong: user.strong ?? true,
});

describe("upload pipeline (local store)", () => {
  it("[5.2.2][14.2.8] stores a checked, re-encoded WebP without EXIF/GPS under a generated name, and serves it to its owner only", async () => {
    const owner = await testCustomer();
    const input = await photoWithGps();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const saved = await saveImageUpload(owner.id, "proof_of_purchase", streamOf(input));
    const row = await db.storedFile.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row).toMatchObject({ storage: "LOCAL", contentType: "image/webp", purpose: "proof_of_purchase", width: 400, height: 300 });
    expect(row.key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}\.webp$/);

    const delivered = await deliverFile(actor({ id: owner.id, role: "CUSTOMER" }), saved.id, "full");
    expect(delivered?.kind).toBe("bytes");
    const metadata = await sharp((delivered as { data: Buffer }).data).metadata();
    expect(metadata.format).toBe("webp");
    expect(metadata.exif).toBeUndefined();
    const thumb = await deliverFile(actor({ id: owner.id, role: "CUSTOMER" }), saved.id, "thumb");
    expect((await sharp((thumb as { data: Buffer }).data).metadata()).width).toBe(320);

    // [8.2.2] Another customer, a dealer and a signed-out visitor get nothing.
    const stranger = await testCustomer();
    expect(await deliverFile(actor({ id: stranger.id, role: "CUSTOMER" }), saved.id, "full")).toBeNull();
    expect(await deliverFile(actor({ id: stranger.id, role: "DEALER_STAFF" }), saved.id, "full")).toBeNull();
    expect(await deliverFile(null, saved.id, "thumb")).toBeNull();
    // Staff who review claims may see it (and it is audited); other staff, or without a second factor, may not.
    const lead = await testStaff("SUPPORT_LEAD");
    expect(await deliverFile(actor({ id: lead.id, role: "SUPPORT_LEAD", strong: false }), saved.id, "full")).toBeNull();
    expect(await deliverFile(actor({ id: stranger.id, role: "SUPPORT_AGENT" }), saved.id, "full")).toBeNull();
    expect((await deliverFile(actor({ id: lead.id, role: "SUPPORT_LEAD" }), saved.id, "full"))?.kind).toBe("bytes");
    expect(await db.auditEvent.count({ where: { actorId: lead.id, action: "personal_data.viewed", targetId: saved.id } })).toBe(1);
  });

  it("refuses what is not an image, before storing anything", async () => {
    const owner = await testCustomer();
    await expect(saveImageUpload(owner.id, "proof_of_purchase", streamOf(Buffer.from("<svg onload=alert(1)>")))).rejects.toMatchObject({
      messageKey: "files.notAnImage",
    });
    expect(await db.storedFile.count({ where: { ownerId: owner.id } })).toBe(0);
  });

  it("a draft photo can be removed by its owner only, and not once it is evidence of a registration", async () => {
    const owner = await testCustomer();
    const draft = await saveImageUpload(owner.id, "proof_of_purchase", streamOf(await photoWithGps()));
    const stranger = await testCustomer();
    await expect(discardOwnDraftFile(stranger.id, draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await discardOwnDraftFile(owner.id, draft.id);
    expect(await deliverFile(actor({ id: owner.id, role: "CUSTOMER" }), draft.id, "full")).toBeNull();

    const proof = await saveImageUpload(owner.id, "proof_of_purchase", streamOf(await photoWithGps()));
    const { units } = await testModelWithUnits(1);
    await db.ownership.create({ data: { userId: owner.id, unitId: units[0]!.id, proofFileId: proof.id } });
    await expect(discardOwnDraftFile(owner.id, proof.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("the read policy, in the query: owner, reviewing staff in a strong session for proofs, anyone for catalog images", async () => {
    const owner = await testCustomer();
    const proof = await saveImageUpload(owner.id, "proof_of_purchase", streamOf(await photoWithGps()));
    const image = await saveImageUpload((await testStaff("ADMIN")).id, "model_image", streamOf(await photoWithGps()));
    const reads = async (who: Parameters<typeof storedFileWhereFor>[0], id: string) =>
      (await db.storedFile.count({ where: { AND: [storedFileWhereFor(who), { id }] } })) === 1;
    const lead = await testStaff("SUPPORT_LEAD");
    expect(await reads(actor({ id: owner.id, role: "CUSTOMER" }), proof.id)).toBe(true);
    expect(await reads(actor({ id: (await testCustomer()).id, role: "CUSTOMER" }), proof.id)).toBe(false);
    expect(await reads({ id: "dealer", role: "DEALER_STAFF", dealerId: "d", strong: true }, proof.id)).toBe(false);
    expect(await reads(actor({ id: lead.id, role: "SUPPORT_LEAD" }), proof.id)).toBe(true);
    expect(await reads(actor({ id: lead.id, role: "SUPPORT_LEAD", strong: false }), proof.id)).toBe(false);
    expect(await reads(actor({ id: (await testStaff("SUPPORT_AGENT")).id, role: "SUPPORT_AGENT" }), proof.id)).toBe(false);
    expect(await reads(null, proof.id)).toBe(false);
    expect(await reads(null, image.id)).toBe(true);
  });

  it("[8.2.2] who may upload repair photos: customers and desk staff, not dealers; a photo not yet on a ticket is its uploader's only", async () => {
    // Reading photos on tickets: lib/repairs/repairs.test.ts and e2e/repairs-desk.spec.ts.
    expect(can({ id: "c1", role: "CUSTOMER", dealerId: null }, uploadPermission("repair_photo"))).toBe(true);
    expect(can({ id: "a2", role: "SUPPORT_AGENT", dealerId: null }, uploadPermission("repair_photo"))).toBe(true);
    // Dealers get their own purpose with issue 13.
    expect(can({ id: "d1", role: "DEALER_STAFF", dealerId: "d" }, uploadPermission("repair_photo"))).toBe(false);
    const customer = await testCustomer();
    const draft = await saveImageUpload(customer.id, "repair_photo", streamOf(await photoWithGps()));
    const agent = await testStaff("SUPPORT_AGENT");
    const reads = async (who: Parameters<typeof storedFileWhereFor>[0]) =>
      (await db.storedFile.count({ where: { AND: [storedFileWhereFor(who), { id: draft.id }] } })) === 1;
    expect(await reads(actor({ id: customer.id, role: "CUSTOMER" }))).toBe(true);
    expect(await reads(actor({ id: agent.id, role: "SUPPORT_AGENT" }))).toBe(false);
  });
});

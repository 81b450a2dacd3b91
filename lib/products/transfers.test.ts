import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { own, testCustomer, testModelWithUnits } = await import("@/scripts/test/product-factories");
const { acceptTransfer, cancelTransfer, startTransfer, unregisterProduct } = await import("./transfers");
const { getOwnProduct, listOwnProducts } = await import("./my-products");
const { settleJobs } = await import("@/scripts/test/jobs");
const { stopJobWorkers } = await import("@/lib/jobs/worker");

afterAll(() => stopJobWorkers());

beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` } }));

async function ownedUnit() {
  const seller = await testCustomer();
  const { units } = await testModelWithUnits(1);
  const ownership = await own(seller.id, units[0]!.id, "2026-03-01");
  return { seller, unit: units[0]!, ownership };
}

describe("transfers", () => {
  it("moves the unit to the buyer with the code; the warranty keeps the first purchase; the seller is told", async () => {
    const { seller, ownership, unit } = await ownedUnit();
    const buyer = await testCustomer();
    const before = await getOwnProduct(seller, ownership.id, "2026-11-21");
    const { code } = await startTransfer(seller.id, ownership.id);
    const { ownershipId } = await acceptTransfer(buyer.id, code);

    expect(await getOwnProduct(seller, ownership.id)).toBeNull();
    const received = await getOwnProduct(buyer, ownershipId, "2026-11-21");
    expect(received).toMatchObject({ serial: unit.serial, purchasedOn: "2026-03-01", receivedOn: expect.any(String) });
    // The same coverage; only the explanation learns that it carried over.
    expect({ ...received!.warranty, transferredOn: null }).toEqual(before!.warranty);
    expect(received!.warranty.transferredOn).toBe(received!.receivedOn);
    const ended = await db.ownership.findUniqueOrThrow({ where: { id: ownership.id } });
    expect(ended.endReason).toBe("TRANSFERRED");
    await settleJobs();
    expect(await db.outboxEmail.count({ where: { to: seller.email, template: "transferCompleted" } })).toBe(1);
  });

  it("a code works once, even when two buyers send it at the same moment", async () => {
    const { seller, ownership, unit } = await ownedUnit();
    const buyers = await Promise.all([testCustomer(), testCustomer(), testCustomer()]);
    const { code } = await startTransfer(seller.id, ownership.id);
    const results = await Promise.allSettled(buyers.map((buyer) => acceptTransfer(buyer.id, code)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.ownership.count({ where: { unitId: unit.id, endedAt: null } })).toBe(1);
  });

  it("a new code, a cancellation or unregistering voids the old code; the seller cannot accept their own", async () => {
    const { seller, ownership } = await ownedUnit();
    const buyer = await testCustomer();
    const first = await startTransfer(seller.id, ownership.id);
    await expect(acceptTransfer(seller.id, first.code)).rejects.toMatchObject({ cause: { code: "products.transferToSelf" } });
    const second = await startTransfer(seller.id, ownership.id);
    await expect(acceptTransfer(buyer.id, first.code)).rejects.toMatchObject({ cause: { code: "products.transferCodeWrong" } });
    await cancelTransfer(seller.id, ownership.id);
    await expect(acceptTransfer(buyer.id, second.code)).rejects.toMatchObject({ cause: { code: "products.transferCodeWrong" } });
    const third = await startTransfer(seller.id, ownership.id);
    await unregisterProduct(seller.id, ownership.id);
    await expect(acceptTransfer(buyer.id, third.code)).rejects.toMatchObject({ cause: { code: "products.transferCodeWrong" } });
    expect(await listOwnProducts(seller)).toEqual([]);
  });

  it("an expired code is refused", async () => {
    const { seller, ownership } = await ownedUnit();
    const { code } = await startTransfer(seller.id, ownership.id);
    await db.ownershipTransfer.updateMany({ where: { ownershipId: ownership.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptTransfer((await testCustomer()).id, code)).rejects.toMatchObject({ cause: { code: "products.transferCodeWrong" } });
  });

  it("[8.2.2] another customer's product cannot be transferred, cancelled or unregistered (not found, nothing changes)", async () => {
    const { ownership } = await ownedUnit();
    const stranger = await testCustomer();
    await expect(startTransfer(stranger.id, ownership.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelTransfer(stranger.id, ownership.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(unregisterProduct(stranger.id, ownership.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.ownership.findUniqueOrThrow({ where: { id: ownership.id } })).endedAt).toBeNull();
  });

  it("[2.4.1] guessing codes is rate-limited per buyer", async () => {
    const buyer = await testCustomer();
    let limited = false;
    for (let i = 0; i < 15 && !limited; i++) {
      try {
        await acceptTransfer(buyer.id, `GUESS${String(i).padStart(5, "0")}`);
      } catch (error) {
        limited = (error as { code?: string }).code === "RATE_LIMITED";
      }
    }
    expect(limited).toBe(true);
  });
});

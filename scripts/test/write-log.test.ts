import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const { db } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { openWriteLog } = await import("./write-log");

describe("the fuzz test's write log", () => {
  let log: Awaited<ReturnType<typeof openWriteLog>>;
  beforeAll(async () => {
    log = await openWriteLog(env.DATABASE_URL);
  });
  afterAll(() => log?.close());

  it("names each table a committed insert, update or delete wrote, from any connection, and audit entries by action and outcome", async () => {
    const mark = await log.mark();
    expect(await log.writtenSince(mark)).toEqual([]);
    const user = await db.user.create({ data: { email: `log-${randomUUID()}@test.example` } });
    await db.auditEvent.create({ data: { action: "access.denied", outcome: "DENIED", actorId: user.id } });
    expect(await log.writtenSince(mark)).toEqual(["AuditEvent[access.denied DENIED]", "User"]);

    const next = await log.mark();
    await db.user.update({ where: { id: user.id }, data: { name: "x" } });
    await db.session.deleteMany({ where: { userId: user.id } }); // nothing to delete: nothing written
    expect(await log.writtenSince(next)).toEqual(["User"]);
    const dealer = await db.dealer.create({ data: { code: `L-${randomUUID().slice(0, 8)}`, name: "x" } });
    const last = await log.mark();
    await db.dealer.delete({ where: { id: dealer.id } });
    expect(await log.writtenSince(last)).toEqual(["Dealer"]);
  });

  it("does not count a transaction that rolled back", async () => {
    const mark = await log.mark();
    await expect(
      db.$transaction(async (tx) => {
        await tx.dealer.create({ data: { code: `L-${randomUUID().slice(0, 8)}`, name: "x" } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await log.writtenSince(mark)).toEqual([]);
  });

  it("leaves no trigger behind when closed", async () => {
    const count = async () =>
      (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_trigger WHERE tgname = 'fuzz_write_log'`)[0]!.n;
    expect(await count()).toBeGreaterThan(80);
    await log.close();
    expect(await count()).toBe(0);
    log = await openWriteLog(env.DATABASE_URL);
  });
});

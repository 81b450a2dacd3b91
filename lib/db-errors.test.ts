import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isMissingRecord, isUniqueViolation } from "./db-errors";

const { db } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { own, testCustomer, testModelWithUnits } = await import("@/scripts/test/product-factories");

async function caught(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("isUniqueViolation (real PostgreSQL)", () => {
  it("recognises Prisma's P2002, also inside a transaction, and checks the fields or the constraint's name", async () => {
    const email = `dup-${randomUUID()}@test.example`;
    await db.user.create({ data: { email } });
    const error = await caught(() => db.user.create({ data: { email } }));
    expect(error).toMatchObject({ code: "P2002" });
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, ["email"])).toBe(true);
    expect(isUniqueViolation(error, "User_email_key")).toBe(true);
    expect(isUniqueViolation(error, ["code"])).toBe(false);
    expect(isUniqueViolation(error, "User_phone_key")).toBe(false);

    const inTransaction = await caught(() => db.$transaction(async (tx) => tx.user.create({ data: { email } })));
    expect(isUniqueViolation(inTransaction, ["email"])).toBe(true);
  });

  it("recognises a raw query's unique violation (P2010 carrying 23505), as the registry import raises it", async () => {
    const email = `raw-${randomUUID()}@test.example`;
    await db.user.create({ data: { email } });
    const error = await caught(() => db.$executeRaw`INSERT INTO "User" (id, email, "updatedAt") VALUES (${randomUUID()}, ${email}, now())`);
    expect(error).toMatchObject({ code: "P2010" });
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, ["email"])).toBe(true);
  });

  it("names a hand-written partial index (one active owner per unit); a foreign key violation is not a unique one", async () => {
    const { units } = await testModelWithUnits(2);
    await own((await testCustomer()).id, units[0]!.id);
    const duplicate = await caught(async () => own((await testCustomer()).id, units[0]!.id));
    expect(isUniqueViolation(duplicate, "Ownership_one_active_owner")).toBe(true);
    expect(isUniqueViolation(duplicate, "Ownership_transferredFromId_key")).toBe(false);
    const noSuchUser = await caught(() => own(randomUUID(), units[1]!.id));
    expect(noSuchUser).toMatchObject({ code: "P2003" });
    expect(isUniqueViolation(noSuchUser)).toBe(false);
  });

  it("recognises a plain pg error with code 23505, and nothing else", async () => {
    const email = `pg-${randomUUID()}@test.example`;
    await db.user.create({ data: { email } });
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      const error = await caught(() =>
        client.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $2, now())`, [randomUUID(), email]),
      );
      expect(isUniqueViolation(error, ["email"])).toBe(true);
      expect(isUniqueViolation(error, "User_email_key")).toBe(true);
    } finally {
      await client.end();
    }
    for (const other of [null, undefined, "P2002", new Error("P2002"), { code: "P2003" }, { code: "P2010", message: "Code: `23503`" }]) {
      expect(isUniqueViolation(other)).toBe(false);
    }
  });
});

describe("isMissingRecord (real PostgreSQL)", () => {
  it("recognises Prisma's P2025 from an update of a row that is not there, and nothing else", async () => {
    const error = await caught(() => db.user.update({ where: { id: `missing-${randomUUID()}` }, data: { name: "x" } }));
    expect(isMissingRecord(error)).toBe(true);
    const email = `dup-${randomUUID()}@test.example`;
    await db.user.create({ data: { email } });
    expect(isMissingRecord(await caught(() => db.user.create({ data: { email } })))).toBe(false);
    expect(isMissingRecord(new Error("P2025"))).toBe(false);
    expect(isMissingRecord(null)).toBe(false);
  });
});

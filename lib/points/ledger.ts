import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PointsAccountKind, PointsEntryKind } from "@/lib/generated/prisma/enums";

/**
 * The points ledger (issue 12, decision 0010): the only module that writes entries, postings, lots
 * and lot uses. Every movement of a customer's points:
 *   1. locks the customer's AVAILABLE wallet row (one lock per customer: movements of one customer
 *      run one after another, different customers in parallel; program accounts are never locked),
 *   2. looks up its idempotency key: a replay returns the first entry and writes nothing, the same
 *      key with another request is refused (409),
 *   3. inserts one entry with postings that sum to zero, and moves lots to match.
 * The database keeps the rest (migration points_ledger): entries are append-only, each entry must
 * balance at commit, each posting adds itself to its wallet's balance, and a wallet below zero
 * aborts the transaction, so even a bug here cannot overspend.
 *
 * Invariants (proven by the nightly reconciliation and the property tests):
 *   PENDING balance   = remaining points of the customer's unreleased lots
 *   AVAILABLE balance = remaining points of their released lots
 *   lot.remaining     = lot.points - lot.debtRepaid + sum(lot uses)
 */
export type Tx = Prisma.TransactionClient;

export type WalletKind = Extract<PointsAccountKind, "PENDING" | "AVAILABLE" | "DEBT">;
export type ProgramAccountKind = Exclude<PointsAccountKind, WalletKind>;

/** Wallet ids are derived from the customer, so no lookup is needed to post to them. */
export const walletId = (userId: string, kind: WalletKind) => `w:${kind}:${userId}`;
export const programAccountId = (kind: ProgramAccountKind) => `program:${kind}`;

export type Leg = { accountId: string; amount: number };

export type EntryInput = {
  kind: PointsEntryKind;
  userId: string;
  idempotencyKey: string;
  /** What was asked for, hashed: a replay must ask for the same. */
  request: unknown;
  effectiveAt: Date;
  reversesId?: string | null;
  ruleVersionId?: string | null;
  causeKind?: string | null;
  causeId?: string | null;
  actorId?: string | null;
  memo?: string | null;
};

export type Posted = { entryId: string; replayed: boolean };

/** sha-256 of the request with object keys sorted, so `{a,b}` and `{b,a}` are one request. */
export function requestHash(request: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value instanceof Date) return value.toISOString();
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  return createHash("sha256")
    .update(JSON.stringify(canonical(request)))
    .digest("hex");
}

/**
 * Create the customer's wallets if they are new and lock them for this transaction. Every movement
 * starts here; the lock is on the AVAILABLE row.
 */
export async function lockWallets(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "PointsAccount" (id, kind, "userId", balance)
    VALUES (${walletId(userId, "PENDING")}, 'PENDING', ${userId}, 0),
           (${walletId(userId, "AVAILABLE")}, 'AVAILABLE', ${userId}, 0),
           (${walletId(userId, "DEBT")}, 'DEBT', ${userId}, 0)
    ON CONFLICT DO NOTHING`;
  await tx.$queryRaw`SELECT id FROM "PointsAccount" WHERE id = ${walletId(userId, "AVAILABLE")} FOR UPDATE`;
}

export async function walletBalances(tx: Tx, userId: string): Promise<Record<WalletKind, number>> {
  const rows = await tx.$queryRaw<{ kind: WalletKind; balance: number }[]>`
    SELECT kind, balance FROM "PointsAccount" WHERE "userId" = ${userId}`;
  const balances: Record<WalletKind, number> = { PENDING: 0, AVAILABLE: 0, DEBT: 0 };
  for (const row of rows) balances[row.kind] = row.balance;
  return balances;
}

/**
 * The entry already written under `key`, if any: a replay of the same request gets it back, another
 * request under the same key is refused. Call with the customer's wallets locked.
 */
export async function findReplay(tx: Tx, key: string, request: unknown): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string; requestHash: string }[]>`
    SELECT id, "requestHash" FROM "PointsEntry" WHERE "idempotencyKey" = ${key}`;
  const existing = rows[0];
  if (!existing) return null;
  if (existing.requestHash !== requestHash(request)) throw new AppError("CONFLICT", { messageKey: "points.keyReused" });
  return existing.id;
}

/**
 * Write one entry and its legs. Zero legs are dropped; the rest must sum to zero (checked here for a
 * clear error, and again by the database at commit). A key taken meanwhile by another transaction
 * (possible only for keys shared across customers, such as one award per serial) returns that entry.
 */
export async function postEntry(tx: Tx, input: EntryInput, legs: readonly Leg[]): Promise<Posted> {
  const real = legs.filter((leg) => leg.amount !== 0);
  const sum = real.reduce((total, leg) => total + leg.amount, 0);
  if (sum !== 0 || real.length < 2) throw new Error(`unbalanced points entry ${input.kind}: ${JSON.stringify(real)}`);
  const hash = requestHash(input.request);
  const id = randomUUID();
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "PointsEntry" (id, kind, "userId", "idempotencyKey", "requestHash", "effectiveAt", "reversesId", "ruleVersionId", "causeKind", "causeId", "actorId", memo)
    VALUES (${id}, ${input.kind}::"PointsEntryKind", ${input.userId}, ${input.idempotencyKey}, ${hash}, ${input.effectiveAt},
            ${input.reversesId ?? null}, ${input.ruleVersionId ?? null}, ${input.causeKind ?? null}, ${input.causeId ?? null},
            ${input.actorId ?? null}, ${input.memo ?? null})
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING id`;
  if (inserted.length === 0) {
    const replay = await findReplay(tx, input.idempotencyKey, input.request);
    return { entryId: replay!, replayed: true };
  }
  await tx.$executeRaw`
    INSERT INTO "PointsPosting" ("entryId", "accountId", amount)
    SELECT ${id}, account, amount FROM unnest(${real.map((leg) => leg.accountId)}::text[], ${real.map((leg) => leg.amount)}::int[]) AS t(account, amount)`;
  return { entryId: id, replayed: false };
}

export type LotInput = {
  userId: string;
  entryId: string;
  points: number;
  debtRepaid: number;
  awardedAt: Date;
  availableFrom: Date;
  released: boolean;
  expiresAt: Date;
  held?: boolean;
};

export async function createLot(tx: Tx, input: LotInput): Promise<string> {
  const lot = await tx.pointsLot.create({
    data: {
      userId: input.userId,
      awardEntryId: input.entryId,
      points: input.points,
      debtRepaid: input.debtRepaid,
      remaining: input.points - input.debtRepaid,
      awardedAt: input.awardedAt,
      availableFrom: input.availableFrom,
      releasedAt: input.released ? input.awardedAt : null,
      expiresAt: input.expiresAt,
      heldAt: input.held ? input.awardedAt : null,
    },
    select: { id: true },
  });
  return lot.id;
}

/** Record that `points` left (negative) or came back to (positive) a lot, and move its `remaining`. */
export async function moveLot(tx: Tx, lotId: string, entryId: string, points: number): Promise<void> {
  if (points === 0) return;
  await tx.$executeRaw`INSERT INTO "PointsLotUse" ("lotId", "entryId", points) VALUES (${lotId}, ${entryId}, ${points})`;
  await tx.$executeRaw`UPDATE "PointsLot" SET remaining = remaining + ${points} WHERE id = ${lotId}`;
}

export type OpenLot = { id: string; remaining: number; expiresAt: Date; releasedAt: Date | null };

/** The released lots with points that have not expired at `now`, the ones expiring first first. */
export async function spendableLots(tx: Tx, userId: string, now: Date): Promise<OpenLot[]> {
  return tx.$queryRaw<OpenLot[]>`
    SELECT id, remaining, "expiresAt", "releasedAt" FROM "PointsLot"
    WHERE "userId" = ${userId} AND remaining > 0 AND "releasedAt" IS NOT NULL AND "expiresAt" > ${now}
    ORDER BY "expiresAt", "awardedAt", id`;
}

/**
 * Take `points` from the customer's available lots, expiring first first, for entry `entryId`.
 * The caller has settled the customer (nothing expired left in AVAILABLE) and checked the balance.
 */
export async function consumeLots(tx: Tx, userId: string, entryId: string, points: number, now: Date): Promise<void> {
  let left = points;
  for (const lot of await spendableLots(tx, userId, now)) {
    if (left === 0) break;
    const take = Math.min(left, lot.remaining);
    await moveLot(tx, lot.id, entryId, -take);
    left -= take;
  }
  if (left !== 0) throw new Error(`points lots of ${userId} do not cover the available balance`);
}

import "server-only";
import { AppError } from "@/lib/errors";
import { businessToday, endOfBusinessDay } from "@/lib/time/business-time";
import { addMonthsRollingOver } from "@/lib/warranty/local-date";
import {
  consumeLots,
  createLot,
  findReplay,
  lockWallets,
  postEntry,
  programAccountId,
  moveLot,
  walletBalances,
  walletId,
  type Leg,
  type Posted,
  type Tx,
} from "./ledger";

/**
 * Every kind of movement, each one transaction step on the ledger (lib/points/ledger.ts): awards,
 * release of pending points, expiry, spending, clawback of an award, reversal of a mistake and
 * staff adjustments. Callers own the transaction; each function locks the customer first.
 * `now` is the ledger's clock: tests move it, the app passes nothing.
 */

/** Points of an award valid through the business day `months` months after `now`. */
export function expiryFor(now: Date, months: number): Date {
  return endOfBusinessDay(addMonthsRollingOver(businessToday(now), months));
}

type LotRow = {
  id: string;
  userId: string;
  awardEntryId: string;
  points: number;
  debtRepaid: number;
  remaining: number;
  availableFrom: Date;
  releasedAt: Date | null;
  expiresAt: Date;
  heldAt: Date | null;
  clawedBackAt: Date | null;
};

async function lockedLot(tx: Tx, lotId: string): Promise<LotRow> {
  const rows = await tx.$queryRaw<LotRow[]>`
    SELECT id, "userId", "awardEntryId", points, "debtRepaid", remaining, "availableFrom", "releasedAt", "expiresAt", "heldAt", "clawedBackAt"
    FROM "PointsLot" WHERE id = ${lotId} FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND");
  return rows[0];
}

/** The wallet a lot's points sit in. */
const lotWallet = (lot: Pick<LotRow, "userId" | "releasedAt">) => walletId(lot.userId, lot.releasedAt ? "AVAILABLE" : "PENDING");

export type AwardInput = {
  userId: string;
  points: number;
  /** One award per key: e.g. `award:registration:<unitId>` gives a serial's points once, ever. */
  key: string;
  request?: unknown;
  ruleVersionId?: string | null;
  cause: { kind: string; id: string };
  pendingDays: number;
  expiryMonths: number;
  /** Held for review by a velocity check: stays pending until staff decide. */
  held?: boolean;
  actorId?: string | null;
  memo?: string | null;
  now?: Date;
};

/**
 * Issue points. A debt from an earlier clawback is repaid first; the rest becomes a lot, pending
 * for `pendingDays` (or available at once), expiring after `expiryMonths`.
 */
export async function awardPoints(tx: Tx, input: AwardInput): Promise<Posted & { lotId: string | null }> {
  if (!Number.isInteger(input.points) || input.points <= 0) throw new Error("an award is a positive whole number of points");
  const now = input.now ?? new Date();
  const request = input.request ?? { points: input.points, cause: input.cause, ruleVersionId: input.ruleVersionId ?? null };
  await lockWallets(tx, input.userId);
  const replay = await findReplay(tx, input.key, request);
  if (replay) return { entryId: replay, replayed: true, lotId: null };
  const { DEBT } = await walletBalances(tx, input.userId);
  const debtRepaid = Math.min(input.points, -DEBT);
  const released = input.pendingDays === 0 && !input.held;
  const posted = await postEntry(
    tx,
    {
      kind: "AWARD",
      userId: input.userId,
      idempotencyKey: input.key,
      request,
      effectiveAt: now,
      ruleVersionId: input.ruleVersionId,
      causeKind: input.cause.kind,
      causeId: input.cause.id,
      actorId: input.actorId,
      memo: input.memo,
    },
    [
      { accountId: programAccountId("ISSUED"), amount: -input.points },
      { accountId: walletId(input.userId, "DEBT"), amount: debtRepaid },
      { accountId: walletId(input.userId, released ? "AVAILABLE" : "PENDING"), amount: input.points - debtRepaid },
    ],
  );
  if (posted.replayed) return { ...posted, lotId: null };
  const lotId = await createLot(tx, {
    userId: input.userId,
    entryId: posted.entryId,
    points: input.points,
    debtRepaid,
    awardedAt: now,
    availableFrom: new Date(now.getTime() + input.pendingDays * 86_400_000),
    released,
    expiresAt: expiryFor(now, input.expiryMonths),
    held: input.held,
  });
  return { ...posted, lotId };
}

/** Make a pending lot's points available (the release job, or staff's "release now" / review). */
export async function releaseLot(tx: Tx, lotId: string, options: { now?: Date; actorId?: string | null } = {}): Promise<Posted | null> {
  const now = options.now ?? new Date();
  const { userId } = await tx.pointsLot.findUniqueOrThrow({ where: { id: lotId }, select: { userId: true } });
  await lockWallets(tx, userId);
  return releaseLocked(tx, await lockedLot(tx, lotId), now, options.actorId ?? null);
}

async function releaseLocked(tx: Tx, lot: LotRow, now: Date, actorId: string | null): Promise<Posted | null> {
  if (lot.releasedAt || lot.clawedBackAt) return null;
  await tx.pointsLot.update({ where: { id: lot.id }, data: { releasedAt: now, heldAt: null } });
  if (lot.remaining === 0) return null; // all of it repaid a debt: nothing to move
  return postEntry(
    tx,
    {
      kind: "RELEASE",
      userId: lot.userId,
      idempotencyKey: `release:${lot.id}`,
      request: { lotId: lot.id },
      effectiveAt: now,
      actorId,
    },
    [
      { accountId: walletId(lot.userId, "PENDING"), amount: -lot.remaining },
      { accountId: walletId(lot.userId, "AVAILABLE"), amount: lot.remaining },
    ],
  );
}

async function expireLocked(tx: Tx, lot: LotRow, now: Date): Promise<Posted | null> {
  if (lot.remaining === 0) return null;
  // A lot can expire again after a reversal gave points back to it: the key names the state.
  const [last] = await tx.$queryRaw<{ id: bigint | null }[]>`SELECT max(id) AS id FROM "PointsLotUse" WHERE "lotId" = ${lot.id}`;
  const posted = await postEntry(
    tx,
    {
      kind: "EXPIRY",
      userId: lot.userId,
      idempotencyKey: `expire:${lot.id}:${last?.id ?? 0}`,
      request: { lotId: lot.id, points: lot.remaining },
      effectiveAt: now,
    },
    [
      { accountId: lotWallet(lot), amount: -lot.remaining },
      { accountId: programAccountId("EXPIRED"), amount: lot.remaining },
    ],
  );
  if (!posted.replayed) await moveLot(tx, lot.id, posted.entryId, -lot.remaining);
  return posted;
}

/**
 * Bring one customer's lots up to `now`: expire what is past its date, release what has waited long
 * enough (unless held for review). Runs inside every spend, so a customer never spends expired or
 * pending points even when the jobs are late. Call with the wallets locked.
 */
export async function settleLocked(tx: Tx, userId: string, now: Date): Promise<void> {
  const due = await tx.$queryRaw<LotRow[]>`
    SELECT id, "userId", "awardEntryId", points, "debtRepaid", remaining, "availableFrom", "releasedAt", "expiresAt", "heldAt", "clawedBackAt"
    FROM "PointsLot"
    WHERE "userId" = ${userId} AND remaining > 0
      AND ("expiresAt" <= ${now} OR ("releasedAt" IS NULL AND "heldAt" IS NULL AND "availableFrom" <= ${now}))
    ORDER BY "expiresAt", id
    FOR UPDATE`;
  for (const lot of due) {
    if (lot.expiresAt <= now) await expireLocked(tx, lot, now);
    else await releaseLocked(tx, lot, now, null);
  }
}

/** Settle one customer in a transaction of its own (the jobs do this customer by customer). */
export async function settleCustomer(tx: Tx, userId: string, now: Date = new Date()): Promise<void> {
  await lockWallets(tx, userId);
  await settleLocked(tx, userId, now);
}

export type SpendInput = {
  userId: string;
  points: number;
  key: string;
  request: unknown;
  kind: "REDEMPTION" | "ADJUSTMENT";
  /** Program account the points go to. */
  to: "REDEEMED" | "ADJUSTMENT";
  actorId?: string | null;
  memo?: string | null;
  now?: Date;
};

/**
 * Take points from the customer's available balance (a redemption, a negative adjustment). Refused
 * with 409 `points.notEnough` when the balance does not cover it. `onPosted` runs in the same
 * transaction after the entry is written and not on a replay (e.g. to write the redemption).
 */
export async function spendPoints(
  tx: Tx,
  input: SpendInput,
  onPosted?: (entryId: string, availableAfter: number) => Promise<void>,
): Promise<Posted & { availableAfter: number }> {
  if (!Number.isInteger(input.points) || input.points <= 0) throw new Error("a spend is a positive whole number of points");
  const now = input.now ?? new Date();
  await lockWallets(tx, input.userId);
  const replay = await findReplay(tx, input.key, input.request);
  if (replay) return { entryId: replay, replayed: true, availableAfter: (await walletBalances(tx, input.userId)).AVAILABLE };
  await settleLocked(tx, input.userId, now);
  const { AVAILABLE } = await walletBalances(tx, input.userId);
  if (AVAILABLE < input.points) throw new AppError("CONFLICT", { messageKey: "points.notEnough" });
  const posted = await postEntry(
    tx,
    {
      kind: input.kind,
      userId: input.userId,
      idempotencyKey: input.key,
      request: input.request,
      effectiveAt: now,
      actorId: input.actorId,
      memo: input.memo,
    },
    [
      { accountId: walletId(input.userId, "AVAILABLE"), amount: -input.points },
      { accountId: programAccountId(input.to), amount: input.points },
    ],
  );
  await consumeLots(tx, input.userId, posted.entryId, input.points, now);
  const availableAfter = AVAILABLE - input.points;
  await onPosted?.(posted.entryId, availableAfter);
  return { ...posted, availableAfter };
}

/**
 * Take back what an entry that made a lot gave (an award whose cause went away, a positive
 * adjustment made by mistake): what is left of the lot leaves the wallet, what was already spent
 * (or repaid a debt) becomes a debt that later awards repay. Expired points stay expired.
 * Once per lot: a second call returns null.
 */
export async function clawBackLot(
  tx: Tx,
  lotId: string,
  options: { key?: string; reason: string; actorId?: string | null; now?: Date },
): Promise<Posted | null> {
  const now = options.now ?? new Date();
  const { userId } = await tx.pointsLot.findUniqueOrThrow({ where: { id: lotId }, select: { userId: true } });
  await lockWallets(tx, userId);
  const lot = await lockedLot(tx, lotId);
  if (lot.clawedBackAt) return null;
  const source = await tx.pointsEntry.findUniqueOrThrow({ where: { id: lot.awardEntryId }, select: { kind: true, causeKind: true } });
  const [expired] = await tx.$queryRaw<{ points: number }[]>`
    SELECT COALESCE(-SUM(u.points), 0)::int AS points FROM "PointsLotUse" u JOIN "PointsEntry" e ON e.id = u."entryId"
    WHERE u."lotId" = ${lot.id} AND e.kind = 'EXPIRY'`;
  const total = lot.points - (expired?.points ?? 0);
  const toDebt = total - lot.remaining;
  const from = source.kind === "AWARD" ? "ISSUED" : "ADJUSTMENT";
  const legs: Leg[] = [
    { accountId: programAccountId(from), amount: total },
    { accountId: lotWallet(lot), amount: -lot.remaining },
    { accountId: walletId(userId, "DEBT"), amount: -toDebt },
  ];
  await tx.pointsLot.update({ where: { id: lot.id }, data: { clawedBackAt: now, heldAt: null } });
  if (total === 0) return null; // everything expired: nothing to take back
  const posted = await postEntry(
    tx,
    {
      kind: source.kind === "AWARD" ? "CLAWBACK" : "REVERSAL",
      userId,
      idempotencyKey: options.key ?? `clawback:${lot.awardEntryId}`,
      request: { lotId: lot.id },
      effectiveAt: now,
      reversesId: lot.awardEntryId,
      actorId: options.actorId,
      memo: options.reason,
    },
    legs,
  );
  if (!posted.replayed) await moveLot(tx, lot.id, posted.entryId, -lot.remaining);
  return posted;
}

/**
 * Undo an entry that spent points (a redemption, a negative adjustment): the points go back to the
 * lots they came from; what came from a lot clawed back since goes to a new lot with the same expiry,
 * since the clawback's debt already counted it as spent. Once per entry.
 */
export async function reverseSpend(
  tx: Tx,
  entryId: string,
  options: { reason: string; actorId?: string | null; now?: Date },
): Promise<Posted> {
  const now = options.now ?? new Date();
  const entry = await tx.pointsEntry.findUniqueOrThrow({
    where: { id: entryId },
    select: { id: true, kind: true, userId: true, postings: { select: { accountId: true, amount: true } } },
  });
  if (entry.kind !== "REDEMPTION" && entry.kind !== "ADJUSTMENT") throw new AppError("CONFLICT", { messageKey: "points.notReversible" });
  const spent = -(entry.postings.find((p) => p.accountId === walletId(entry.userId, "AVAILABLE"))?.amount ?? 0);
  if (spent <= 0) throw new AppError("CONFLICT", { messageKey: "points.notReversible" });
  await lockWallets(tx, entry.userId);
  const key = `reverse:${entry.id}`;
  const request = { reverses: entry.id };
  const replay = await findReplay(tx, key, request);
  if (replay) return { entryId: replay, replayed: true };
  if (await tx.pointsEntry.findUnique({ where: { reversesId: entry.id }, select: { id: true } })) {
    throw new AppError("CONFLICT", { messageKey: "points.alreadyReversed" });
  }
  const uses = await tx.$queryRaw<{ lotId: string; points: number; clawedBackAt: Date | null; expiresAt: Date }[]>`
    SELECT u."lotId", SUM(u.points)::int AS points, l."clawedBackAt", l."expiresAt"
    FROM "PointsLotUse" u JOIN "PointsLot" l ON l.id = u."lotId"
    WHERE u."entryId" = ${entry.id} GROUP BY u."lotId", l."clawedBackAt", l."expiresAt"
    ORDER BY l."expiresAt" DESC`;
  // Points whose lot was clawed back since: the clawback counted them as spent (a debt), so giving
  // them back repays that debt first, as an award would; only the rest becomes usable again.
  let orphaned = 0;
  let orphanExpiry = new Date(0);
  for (const use of uses) {
    if (!use.clawedBackAt) continue;
    orphaned += -use.points;
    if (use.expiresAt > orphanExpiry) orphanExpiry = use.expiresAt;
  }
  const { DEBT } = await walletBalances(tx, entry.userId);
  const debtRepaid = Math.min(orphaned, -DEBT);
  const legs: Leg[] = entry.postings.map((posting) => ({ accountId: posting.accountId, amount: -posting.amount }));
  if (debtRepaid > 0) {
    legs.push({ accountId: walletId(entry.userId, "AVAILABLE"), amount: -debtRepaid });
    legs.push({ accountId: walletId(entry.userId, "DEBT"), amount: debtRepaid });
  }
  const merged = [
    ...legs.reduce(
      (byAccount, leg) => byAccount.set(leg.accountId, (byAccount.get(leg.accountId) ?? 0) + leg.amount),
      new Map<string, number>(),
    ),
  ].map(([accountId, amount]) => ({ accountId, amount }));
  const posted = await postEntry(
    tx,
    {
      kind: "REVERSAL",
      userId: entry.userId,
      idempotencyKey: key,
      request,
      effectiveAt: now,
      reversesId: entry.id,
      actorId: options.actorId,
      memo: options.reason,
    },
    merged,
  );
  for (const use of uses) {
    if (!use.clawedBackAt) await moveLot(tx, use.lotId, posted.entryId, -use.points);
  }
  if (orphaned > 0) {
    await createLot(tx, {
      userId: entry.userId,
      entryId: posted.entryId,
      points: orphaned,
      debtRepaid,
      awardedAt: now,
      availableFrom: now,
      released: true,
      expiresAt: orphanExpiry,
    });
  }
  return posted;
}

/** A positive staff adjustment: points from the adjustment account, available at once, with an expiry. */
export async function grantAdjustment(
  tx: Tx,
  input: { userId: string; points: number; key: string; request: unknown; actorId: string; memo: string; expiryMonths: number; now?: Date },
): Promise<Posted> {
  const now = input.now ?? new Date();
  await lockWallets(tx, input.userId);
  const replay = await findReplay(tx, input.key, input.request);
  if (replay) return { entryId: replay, replayed: true };
  const { DEBT } = await walletBalances(tx, input.userId);
  const debtRepaid = Math.min(input.points, -DEBT);
  const posted = await postEntry(
    tx,
    {
      kind: "ADJUSTMENT",
      userId: input.userId,
      idempotencyKey: input.key,
      request: input.request,
      effectiveAt: now,
      actorId: input.actorId,
      memo: input.memo,
    },
    [
      { accountId: programAccountId("ADJUSTMENT"), amount: -input.points },
      { accountId: walletId(input.userId, "DEBT"), amount: debtRepaid },
      { accountId: walletId(input.userId, "AVAILABLE"), amount: input.points - debtRepaid },
    ],
  );
  if (!posted.replayed) {
    await createLot(tx, {
      userId: input.userId,
      entryId: posted.entryId,
      points: input.points,
      debtRepaid,
      awardedAt: now,
      availableFrom: now,
      released: true,
      expiresAt: expiryFor(now, input.expiryMonths),
    });
  }
  return posted;
}

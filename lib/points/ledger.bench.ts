import { randomUUID } from "node:crypto";
import pg from "pg";
import { pairedTimings } from "@/scripts/test/bench-timing";
import { afterAll, bench, describe } from "vitest";

const { db } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { awardPoints, spendPoints } = await import("./movements");
const { pointsHistory, pointsSummary } = await import("./wallet");

/**
 * `npm run bench`: the points ledger (issue 12), next to plain SQL measured in the same run.
 *
 * 1. Redemptions per second with 50 concurrent clients, against one hot account and against 10,000
 *    accounts: the ledger's spend (lock the wallet, settle, idempotency check, entry + postings +
 *    lot uses, checked at commit) next to the bare minimum a plain-SQL wallet does (lock the row,
 *    check, decrement, insert one row), both through a pool of the app's size (10).
 * 2. The balance and history page reads of one customer with 10,000,000 postings in the database
 *    (generated with generate_series, triggers off for the load), next to one plain SQL query for
 *    the same rows.
 */
// eslint-disable-next-line no-restricted-properties -- knobs of this bench, not the app's configuration
const POSTINGS = Number(process.env.BENCH_LEDGER_POSTINGS ?? 10_000_000);
// eslint-disable-next-line no-restricted-properties -- a knob of this bench
const REDEMPTIONS = Number(process.env.BENCH_LEDGER_REDEMPTIONS ?? 2000);
const CLIENTS = 50;
const POOL = 10;
const ACCOUNTS = 10_000;
const RUNS = 100;
const WARMUP = 20;

const run = randomUUID().slice(0, 8);
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: POOL });
await pool.query(`CREATE TABLE IF NOT EXISTS bench_wallet (id text PRIMARY KEY, balance int NOT NULL CHECK (balance >= 0))`);
await pool.query(
  `CREATE TABLE IF NOT EXISTS bench_spend (id bigserial PRIMARY KEY, wallet text NOT NULL, amount int NOT NULL, key text UNIQUE)`,
);

async function customers(count: number, prefix: string): Promise<string[]> {
  await pool.query(
    `INSERT INTO "User" (id, email, role, "updatedAt") SELECT $1 || g, $1 || g || '@bench.example', 'CUSTOMER', now() FROM generate_series(1, $2::int) g`,
    [prefix, count],
  );
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
}

/** `total` operations by `CLIENTS` concurrent loops; ops per second. */
async function throughput(total: number, op: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = next++; i < total; i = next++) await op(i);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

const ledgerSpend = (userId: string) =>
  db.$transaction((tx) =>
    spendPoints(tx, { userId, points: 1, key: `bench:${randomUUID()}`, request: { points: 1 }, kind: "REDEMPTION", to: "REDEEMED" }),
  );

async function plainSpend(wallet: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ balance: number }>(`SELECT balance FROM bench_wallet WHERE id = $1 FOR UPDATE`, [wallet]);
    if ((rows[0]?.balance ?? 0) < 1) throw new Error("not enough");
    await client.query(`UPDATE bench_wallet SET balance = balance - 1 WHERE id = $1`, [wallet]);
    await client.query(`INSERT INTO bench_spend (wallet, amount, key) VALUES ($1, 1, $2)`, [wallet, randomUUID()]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

type Rate = { case: string; ledger: number; plain: number };
const rates: Rate[] = [];

// 1a. One hot account.
const [hot] = await customers(1, `bh${run}-`);
await db.$transaction((tx) =>
  awardPoints(tx, {
    userId: hot!,
    points: 1_000_000,
    key: `bench:${run}:hot`,
    cause: { kind: "bench", id: run },
    pendingDays: 0,
    expiryMonths: 12,
  }),
);
await pool.query(`INSERT INTO bench_wallet (id, balance) VALUES ($1, 1000000)`, [`hot-${run}`]);
await throughput(200, () => ledgerSpend(hot!));
await throughput(200, () => plainSpend(`hot-${run}`));
rates.push({
  case: `one hot account, ${CLIENTS} clients`,
  ledger: await throughput(REDEMPTIONS, () => ledgerSpend(hot!)),
  plain: await throughput(REDEMPTIONS, () => plainSpend(`hot-${run}`)),
});

// 1b. 10,000 accounts, each with points, spent at random.
const many = await customers(ACCOUNTS, `bm${run}-`);
for (let i = 0; i < many.length; i += 500) {
  await Promise.all(
    many.slice(i, i + 500).map((userId) =>
      db.$transaction((tx) =>
        awardPoints(tx, {
          userId,
          points: 1000,
          key: `bench:${run}:${userId}`,
          cause: { kind: "bench", id: run },
          pendingDays: 0,
          expiryMonths: 12,
        }),
      ),
    ),
  );
}
await pool.query(`INSERT INTO bench_wallet (id, balance) SELECT 'm-' || $1 || g, 1000 FROM generate_series(1, $2::int) g`, [run, ACCOUNTS]);
const pick = () => Math.floor(Math.random() * ACCOUNTS);
rates.push({
  case: `${ACCOUNTS.toLocaleString("en")} accounts, ${CLIENTS} clients`,
  ledger: await throughput(REDEMPTIONS, () => ledgerSpend(many[pick()]!)),
  plain: await throughput(REDEMPTIONS, () => plainSpend(`m-${run}${pick() + 1}`)),
});

// 2. 10,000,000 postings: 100,000 customers with 50 entries each (awards and redemptions, 2 postings each).
const started = Date.now();
const PER_CUSTOMER = 50;
const people = Math.max(1, Math.round(POSTINGS / 2 / PER_CUSTOMER));
const prefix = `bl${run}-`;
const loader = await pool.connect();
await loader.query("BEGIN");
// Triggers off for the load only (balances are set from the postings at the end, as the trigger would).
await loader.query("SET LOCAL session_replication_role = replica");
await loader.query(
  `INSERT INTO "User" (id, email, role, "updatedAt") SELECT $1 || g, $1 || g || '@bench.example', 'CUSTOMER', now() FROM generate_series(1, $2::int) g`,
  [prefix, people],
);
await loader.query(
  `INSERT INTO "PointsAccount" (id, kind, "userId", balance)
   SELECT 'w:' || k || ':' || $1 || g, k::"PointsAccountKind", $1 || g, 0 FROM generate_series(1, $2::int) g, unnest(ARRAY['PENDING','AVAILABLE','DEBT']) k`,
  [prefix, people],
);
// Entry n of a customer: odd n an award of 100 (a lot), even n a redemption of 50; a day apart.
await loader.query(
  `INSERT INTO "PointsEntry" (id, kind, "userId", "idempotencyKey", "requestHash", "effectiveAt", "createdAt", "causeKind", "causeId")
   SELECT 'be' || $1 || g || '-' || n, CASE WHEN n % 2 = 1 THEN 'AWARD' ELSE 'REDEMPTION' END::"PointsEntryKind", $1 || g,
          'bench:' || $1 || g || ':' || n, 'x', now() - (($3::int - n) || ' days')::interval, now(), 'bench', 'x'
   FROM generate_series(1, $2::int) g, generate_series(1, $3::int) n`,
  [prefix, people, PER_CUSTOMER],
);
await loader.query(
  `INSERT INTO "PointsPosting" ("entryId", "accountId", amount)
   SELECT 'be' || $1 || g || '-' || n, a.account, a.amount
   FROM generate_series(1, $2::int) g, generate_series(1, $3::int) n,
   LATERAL (VALUES (CASE WHEN n % 2 = 1 THEN 'program:ISSUED' ELSE 'w:AVAILABLE:' || $1 || g END, CASE WHEN n % 2 = 1 THEN -100 ELSE -50 END),
                   (CASE WHEN n % 2 = 1 THEN 'w:AVAILABLE:' || $1 || g ELSE 'program:REDEEMED' END, CASE WHEN n % 2 = 1 THEN 100 ELSE 50 END)) a(account, amount)`,
  [prefix, people, PER_CUSTOMER],
);
await loader.query(
  `INSERT INTO "PointsLot" (id, "userId", "awardEntryId", points, "debtRepaid", remaining, "awardedAt", "availableFrom", "releasedAt", "expiresAt")
   SELECT 'bl' || $1 || g || '-' || n, $1 || g, 'be' || $1 || g || '-' || n, 100, 0, 50,
          now() - (($3::int - n) || ' days')::interval, now() - (($3::int - n) || ' days')::interval, now() - (($3::int - n) || ' days')::interval,
          now() + interval '300 days' - (($3::int - n) || ' days')::interval
   FROM generate_series(1, $2::int) g, generate_series(1, $3::int, 2) n`,
  [prefix, people, PER_CUSTOMER],
);
await loader.query(
  `UPDATE "PointsAccount" a SET balance = s.total FROM (SELECT "accountId", SUM(amount) AS total FROM "PointsPosting" WHERE "accountId" LIKE 'w:AVAILABLE:' || $1 || '%' GROUP BY 1) s WHERE a.id = s."accountId"`,
  [prefix],
);
await loader.query("COMMIT");
await loader.query(`ANALYZE "PointsEntry"; ANALYZE "PointsPosting"; ANALYZE "PointsLot"; ANALYZE "PointsAccount"`);
loader.release();
const [{ count }] = (await pool.query<{ count: string }>(`SELECT COUNT(*) FROM "PointsPosting"`)).rows as [{ count: string }];
console.log(
  `generated ${people.toLocaleString("en")} customers, ${Number(count).toLocaleString("en")} postings in all, in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);

const reader = `${prefix}${Math.ceil(people / 2)}`;
const PLAIN = {
  balance: `SELECT COALESCE(SUM(remaining) FILTER (WHERE "releasedAt" IS NOT NULL), 0) AS available, COALESCE(SUM(remaining) FILTER (WHERE "releasedAt" IS NULL), 0) AS pending
            FROM "PointsLot" WHERE "userId" = $1 AND remaining > 0 AND "expiresAt" > now()`,
  history: `SELECT e.id, e.kind, e."effectiveAt", p."accountId", p.amount FROM (
              SELECT id, kind, "effectiveAt" FROM "PointsEntry" WHERE "userId" = $1 ORDER BY "effectiveAt" DESC, id DESC LIMIT 21) e
            JOIN "PointsPosting" p ON p."entryId" = e.id ORDER BY e."effectiveAt" DESC, e.id DESC`,
};

const timings = (page: () => Promise<unknown>, plain: () => Promise<unknown>) => pairedTimings(page, plain, { runs: RUNS, warmup: WARMUP });
const reads = [
  {
    case: "balance, pending, expiring, tier",
    ...(await timings(
      () => pointsSummary(reader),
      () => pool.query(PLAIN.balance, [reader]),
    )),
  },
  {
    case: "history, first page",
    ...(await timings(
      () => pointsHistory(reader),
      () => pool.query(PLAIN.history, [reader]),
    )),
  },
];

describe("points ledger", () => {
  bench(
    "one redemption (hot account)",
    async () => {
      await ledgerSpend(hot!);
    },
    { iterations: 20, time: 0 },
  );
});

afterAll(async () => {
  console.log(`\nPoints: redemptions per second, ${REDEMPTIONS.toLocaleString("en")} per case, pool of ${POOL} (same run)`);
  console.log("case                              | ledger /s | plain SQL /s | ratio");
  for (const r of rates)
    console.log(
      `${r.case.padEnd(33)} | ${r.ledger.toFixed(0).padStart(9)} | ${r.plain.toFixed(0).padStart(12)} | ${(r.ledger / r.plain).toFixed(2)}×`,
    );
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`\nPoints: My Page reads with ${Number(count).toLocaleString("en")} postings in the database (same run)`);
  console.log("case                              | page median / p95   | plain SQL median / p95 | ratio (median)");
  for (const r of reads) {
    console.log(
      `${r.case.padEnd(33)} | ${`${ms(r.page.median)} / ${ms(r.page.p95)}`.padEnd(19)} | ${`${ms(r.plain.median)} / ${ms(r.plain.p95)}`.padEnd(22)} | ${(r.page.median / r.plain.median).toFixed(2)}×`,
    );
  }
  await pool.end();
});

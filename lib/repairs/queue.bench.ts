import { randomUUID } from "node:crypto";
import pg from "pg";
import { pairedTimings, type Timing } from "@/scripts/test/bench-timing";
import { afterAll, bench, describe, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { loadQueuePage, parseQueueFilter } = await import("./queue");

/**
 * `npm run bench`: the service desk queue (issue 10) with 10,000 and then 1,000,000 tickets,
 * generated in SQL (generate_series) in this worker's database. For each size it times the
 * queue page's server work (`loadQueuePage`: the Prisma reads plus SLA clocks) and the same rows
 * read with one plain SQL query through `pg`, in the same run, and prints median and p95 with
 * their ratio. Targets (issue 10): page ≤ 2× plain SQL; growth 10k → 1M ≤ 1.5×.
 */
// BENCH_QUEUE_SIZES=10000 runs a quick check with one size.
// eslint-disable-next-line no-restricted-properties -- a knob of this bench, not the app's configuration
const SIZES = (process.env.BENCH_QUEUE_SIZES ?? "10000,1000000").split(",").map(Number);
const RUNS = 100;
const WARMUP = 20;

const sql = new pg.Client({ connectionString: env.DATABASE_URL });
await sql.connect();
const run = randomUUID().slice(0, 8);
const agent = await db.user.create({ data: { email: `bench-agent-${run}@bench.example`, role: "SUPPORT_AGENT", name: "Bench agent" } });
const model = await db.productModel.create({
  data: { code: `BQ-${run}`, nameJa: "ベンチ", nameEn: "Bench", category: `bench-${run}`, warrantyMonths: 12, serialPattern: "BQ[0-9]{8}" },
});
const symptom = await db.symptomCategory.create({
  data: { productCategory: model.category, code: "fault", nameJa: "故障", nameEn: "Fault" },
});

let generated = 0;

/**
 * Tickets `from`..`to` (1-based) with their customers, units and ownerships: one customer per ten
 * tickets, one unit per ticket; 70 % completed, the rest spread over the open states; a quarter
 * assigned to the agent (a modulus prime to the coverage's, so "mine and paid" has rows at every size); created over the last two years, newest last.
 */
async function generate(to: number): Promise<void> {
  const from = generated + 1;
  const started = Date.now();
  await sql.query("BEGIN");
  await sql.query(
    `INSERT INTO "User" (id, email, name, phone, role, "updatedAt")
     SELECT 'bu' || $1 || g, 'bench-' || $1 || '-' || g || '@bench.example', '顧客 ' || g, '090' || lpad(g::text, 8, '0'), 'CUSTOMER', now()
     FROM generate_series(($2::int + 9) / 10, $3::int / 10) g WHERE g > 0`,
    [run, from, to],
  );
  await sql.query(
    `INSERT INTO "SerialUnit" (id, serial, "modelId", "manufacturedOn")
     SELECT 'bs' || $1 || g, 'BQ' || $1 || lpad(g::text, 8, '0'), $4, DATE '2024-01-01' FROM generate_series($2::int, $3::int) g`,
    [run, from, to, model.id],
  );
  await sql.query(
    `INSERT INTO "Ownership" (id, "unitId", "userId")
     SELECT 'bo' || $1 || g, 'bs' || $1 || g, 'bu' || $1 || greatest(1, g / 10) FROM generate_series($2::int, $3::int) g`,
    [run, from, to],
  );
  await sql.query(
    `INSERT INTO "RepairTicket" (id, number, "customerId", "ownershipId", "unitId", "symptomCategoryId", description, delivery,
       "contactPreference", status, priority, coverage, "warrantySnapshot", "assigneeId", "idempotencyKey",
       "firstResponseDueAt", "resolutionDueAt", "firstRespondedAt", "closedAt", outcome, "createdAt", "updatedAt")
     SELECT 'bt' || $1 || g, 'B-' || $1 || '-' || g, 'bu' || $1 || greatest(1, g / 10), 'bo' || $1 || g, 'bs' || $1 || g, $4,
       '動きません', 'SEND_IN', 'EMAIL',
       (CASE WHEN g % 10 < 7 THEN 'COMPLETED' ELSE (ARRAY['RECEIVED','DIAGNOSING','WAITING_FOR_CUSTOMER','ESTIMATE_SENT','REPAIRING','SHIPPED_BACK'])[1 + g % 6] END)::"RepairStatus",
       'NORMAL', (ARRAY['WARRANTY','PAID','RECALL'])[1 + g % 3]::"RepairCoverage", '{}'::jsonb,
       CASE WHEN g % 4 = 0 THEN $5 END, 'k' || g,
       created + interval '8 hours', created + interval '5 days',
       CASE WHEN g % 10 < 8 THEN created + interval '2 hours' END,
       CASE WHEN g % 10 < 7 THEN created + interval '3 days' END,
       CASE WHEN g % 10 < 7 THEN 'REPAIRED'::"RepairOutcome" END,
       created, created
     FROM generate_series($2::int, $3::int) g,
       LATERAL (SELECT now() - interval '730 days' + (g::float8 / $6) * interval '730 days' AS created) c`,
    [run, from, to, symptom.id, agent.id, SIZES.at(-1)!],
  );
  await sql.query("COMMIT");
  await sql.query('ANALYZE "RepairTicket"; ANALYZE "User"; ANALYZE "SerialUnit"; ANALYZE "Ownership"');
  console.log(
    `generated tickets ${from.toLocaleString("en")}-${to.toLocaleString("en")} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  generated = to;
}

/** The same rows as the queue page, in one query with joins (what a hand-written page would run). */
const PLAIN = {
  first: `SELECT t.id, t.number, t.status, t.priority, t.coverage, t."createdAt", t."firstResponseDueAt", t."firstRespondedAt",
            t."resolutionDueAt", t."pausedAt", t."closedAt", a.id AS "assigneeId", a.name AS "assigneeName", a.email AS "assigneeEmail",
            c.id AS "customerId", c.name AS "customerName", u.serial, m.code AS "modelCode"
          FROM "RepairTicket" t
          JOIN "User" c ON c.id = t."customerId" LEFT JOIN "User" a ON a.id = t."assigneeId"
          JOIN "SerialUnit" u ON u.id = t."unitId" JOIN "ProductModel" m ON m.id = u."modelId"
          WHERE t."closedAt" IS NULL
          ORDER BY t."createdAt" DESC, t.id DESC LIMIT 51`,
  filtered: `SELECT t.id, t.number, t.status, t.priority, t.coverage, t."createdAt", t."firstResponseDueAt", t."firstRespondedAt",
            t."resolutionDueAt", t."pausedAt", t."closedAt", a.id AS "assigneeId", a.name AS "assigneeName", a.email AS "assigneeEmail",
            c.id AS "customerId", c.name AS "customerName", u.serial, m.code AS "modelCode"
          FROM "RepairTicket" t
          JOIN "User" c ON c.id = t."customerId" LEFT JOIN "User" a ON a.id = t."assigneeId"
          JOIN "SerialUnit" u ON u.id = t."unitId" JOIN "ProductModel" m ON m.id = u."modelId"
          WHERE t."closedAt" IS NULL AND t."assigneeId" = $1 AND t.coverage = 'PAID'
          ORDER BY t."resolutionDueAt" ASC, t.id ASC LIMIT 51`,
};

const CASES = [
  {
    name: "first page (open, newest first)",
    page: () => loadQueuePage(parseQueueFilter({}), agent.id),
    plain: () => sql.query(PLAIN.first),
  },
  {
    name: "filtered (mine, paid, by due date)",
    page: () => loadQueuePage(parseQueueFilter({ view: "mine", coverage: "PAID", sort: "due" }), agent.id),
    plain: () => sql.query(PLAIN.filtered, [agent.id]),
  },
];

const timings = (page: () => Promise<unknown>, plain: () => Promise<unknown>) => pairedTimings(page, plain, { runs: RUNS, warmup: WARMUP });

type Row = { size: number; case: string; page: Timing; plain: Timing };
const results: Row[] = [];
for (const size of SIZES) {
  await generate(size);
  for (const item of CASES) {
    results.push({ size, case: item.name, ...(await timings(item.page, item.plain)) });
  }
}

describe("service desk queue", () => {
  // Vitest's own summary of the largest size (the table below is the comparison).
  for (const item of CASES)
    bench(
      `${item.name}, ${SIZES.at(-1)!.toLocaleString("en")} tickets`,
      async () => {
        await item.page();
      },
      { iterations: 20, time: 0 },
    );
});

afterAll(async () => {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log("\nService desk queue: server time of the page vs the same rows in plain SQL (same run)");
  console.log("tickets    | case                               | page median / p95   | plain SQL median / p95 | ratio (median)");
  for (const row of results) {
    console.log(
      `${row.size.toLocaleString("en").padEnd(10)} | ${row.case.padEnd(34)} | ${`${ms(row.page.median)} / ${ms(row.page.p95)}`.padEnd(19)} | ${`${ms(row.plain.median)} / ${ms(row.plain.p95)}`.padEnd(22)} | ${(row.page.median / row.plain.median).toFixed(2)}×`,
    );
  }
  for (const item of SIZES.length > 1 ? CASES : []) {
    const [small, large] = SIZES.map((size) => results.find((row) => row.size === size && row.case === item.name)!);
    console.log(
      `growth ${SIZES[0]!.toLocaleString("en")} → ${SIZES.at(-1)!.toLocaleString("en")}, ${item.name}: ${(large!.page.median / small!.page.median).toFixed(2)}×`,
    );
  }
  await sql.end();
});

import { randomUUID } from "node:crypto";
import pg from "pg";
import { pairedTimings } from "@/scripts/test/bench-timing";
import { afterAll, bench, describe } from "vitest";

const { env } = await import("@/lib/env");
const { countSegment, sampleSegment } = await import("./segments");
const { ZSegmentDefinition } = await import("./rules");

/**
 * `npm run bench`: a segment of three rules (owners of one model registered 11-13 months ago, in
 * five prefectures, who chose "cat") over 1,000,000 customers and 3,000,000 owned units, counted
 * through the rule compiler (lib/segments/compile.ts, via Prisma) next to the same count written by
 * hand in SQL (pg), in the same run. Target (issue 15): within 1.5× of the hand-written SQL.
 * The data are generated with generate_series in one transaction, triggers off for the load.
 */
// eslint-disable-next-line no-restricted-properties -- a knob of this bench, not the app's configuration
const CUSTOMERS = Number(process.env.BENCH_SEGMENT_CUSTOMERS ?? 1_000_000);
const UNITS_PER_CUSTOMER = 3;
const MODELS = 20;
const RUNS = 30;
const WARMUP = 5;

const run = randomUUID().slice(0, 8);
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4 });

const started = Date.now();
const loader = await pool.connect();
await loader.query("BEGIN");
await loader.query("SET LOCAL session_replication_role = replica");
await loader.query(
  `INSERT INTO "ProductModel" (id, code, "nameJa", "nameEn", category, "warrantyMonths", "updatedAt")
   SELECT 'bm' || $1 || m, 'B' || $1 || '-' || m, 'ベンチ ' || m, 'Bench ' || m, CASE WHEN m % 2 = 0 THEN 'aircon' ELSE 'washer' END, 12, now()
   FROM generate_series(1, $2::int) m`,
  [run, MODELS],
);
const prefectures = ["北海道", "東京都", "大阪府", "愛知県", "福岡県", "沖縄県", "宮城県", "広島県", "京都府", "神奈川県"];
await loader.query(
  `INSERT INTO "User" (id, email, role, prefecture, "createdAt", "updatedAt")
   SELECT 'bu' || $1 || g, 'bu' || $1 || g || '@bench.example', 'CUSTOMER', ($3::text[])[1 + abs(hashint4(g)) % array_length($3::text[], 1)],
          now() - ((g % 2000) || ' days')::interval, now()
   FROM generate_series(1, $2::int) g`,
  [run, CUSTOMERS, prefectures],
);
const units = CUSTOMERS * UNITS_PER_CUSTOMER;
await loader.query(
  `INSERT INTO "SerialUnit" (id, serial, "modelId", "manufacturedOn")
   SELECT 'bs' || $1 || n, 'B' || $1 || n, 'bm' || $1 || (1 + n % $3::int), DATE '2022-01-01' + (n % 1400)
   FROM generate_series(1, $2::int) n`,
  [run, units, MODELS],
);
// Unit n belongs to a customer picked by a hash of n (about three each, not in step with the model
// or the answers), registered (n × 7) mod 1500 days ago.
await loader.query(
  `INSERT INTO "Ownership" (id, "unitId", "userId", "purchasedOn", "registeredAt")
   SELECT 'bo' || $1 || n, 'bs' || $1 || n, 'bu' || $1 || (1 + abs(hashint8(n)::bigint) % $3::int),
          (now() - (((n * 7) % 1500 + 3) || ' days')::interval)::date, now() - (((n * 7) % 1500) || ' days')::interval
   FROM generate_series(1, $2::int) n`,
  [run, units, CUSTOMERS],
);
await loader.query(
  `INSERT INTO "ProfileAttribute" (id, code, type, "labelJa", "labelEn", "purposeJa", "purposeEn", options, "updatedAt")
   VALUES ('ba' || $1, 'bench_pet_' || $1, 'MULTI_CHOICE', 'ペット', 'Pets', 'ベンチ', 'Bench',
           '[{"value":"cat","labelJa":"猫","labelEn":"Cat"},{"value":"dog","labelJa":"犬","labelEn":"Dog"},{"value":"none","labelJa":"なし","labelEn":"None"}]', now())`,
  [run],
);
// Two customers in five answered; of them a third chose cat, some cat and dog.
await loader.query(
  `INSERT INTO "AttributeAnswer" ("userId", "attributeId", choices, source, "updatedAt")
   SELECT 'bu' || $1 || g, 'ba' || $1,
          CASE g % 3 WHEN 0 THEN ARRAY['cat'] WHEN 1 THEN ARRAY['dog'] ELSE CASE WHEN g % 2 = 0 THEN ARRAY['cat','dog'] ELSE ARRAY['none'] END END,
          'profile', now()
   FROM generate_series(1, $2::int) g WHERE g % 5 < 2`,
  [run, CUSTOMERS],
);
await loader.query("COMMIT");
await loader.query(`ANALYZE "User"; ANALYZE "SerialUnit"; ANALYZE "Ownership"; ANALYZE "AttributeAnswer"; ANALYZE "ProductModel"`);
loader.release();
const generated = (Date.now() - started) / 1000;
console.log(
  `generated ${CUSTOMERS.toLocaleString("en")} customers, ${units.toLocaleString("en")} owned units in ${generated.toFixed(0)} s`,
);

const model = `B${run}-4`;
const chosen = ["東京都", "大阪府", "愛知県", "福岡県", "京都府"];
const definition = ZSegmentDefinition.parse({
  match: "all",
  rules: [
    { kind: "product", models: [model], registeredFrom: "11", registeredTo: "13" },
    { kind: "region", prefectures: chosen },
    { kind: "attribute", attribute: `bench_pet_${run}`, op: "anyOf", values: ["cat"] },
  ],
});

/** The same count as a developer would write it by hand: ids looked up, dates computed once. */
const HAND_WRITTEN = `
  SELECT count(*) FROM "User" u
  WHERE u.role = 'CUSTOMER' AND u."disabledAt" IS NULL AND u."erasureRequestedAt" IS NULL
    AND u.prefecture = ANY($1::text[])
    AND EXISTS (SELECT 1 FROM "Ownership" o JOIN "SerialUnit" s ON s.id = o."unitId"
                WHERE o."userId" = u.id AND o."endedAt" IS NULL AND s."modelId" = $2
                  AND o."registeredAt" <= now() - interval '11 months' AND o."registeredAt" > now() - interval '14 months')
    AND EXISTS (SELECT 1 FROM "AttributeAnswer" a WHERE a."userId" = u.id AND a."attributeId" = $3 AND a.choices && $4::text[])`;
const handWritten = () => pool.query<{ count: string }>(HAND_WRITTEN, [chosen, `bm${run}4`, `ba${run}`, ["cat"]]);

const [compiledCount, handCount] = await Promise.all([countSegment(definition), handWritten()]);
if (compiledCount !== Number(handCount.rows[0]!.count)) {
  throw new Error(`The compiled segment counted ${compiledCount}, the hand-written SQL ${handCount.rows[0]!.count}`);
}
const count = await pairedTimings(() => countSegment(definition), handWritten, { runs: RUNS, warmup: WARMUP });
const sample = await pairedTimings(
  () => sampleSegment(definition),
  () =>
    pool.query(
      `${HAND_WRITTEN.replace("SELECT count(*)", "SELECT u.id, u.name, u.email, u.prefecture")} ORDER BY u."createdAt" DESC, u.id LIMIT 10`,
      [chosen, `bm${run}4`, `ba${run}`, ["cat"]],
    ),
  { runs: RUNS, warmup: WARMUP },
);

describe("segments", () => {
  bench(
    "count a three-rule segment",
    async () => {
      await countSegment(definition);
    },
    { iterations: 5, time: 0 },
  );
});

afterAll(async () => {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `\nSegments: three rules over ${CUSTOMERS.toLocaleString("en")} customers and ${units.toLocaleString("en")} owned units; ${compiledCount.toLocaleString("en")} members (same run)`,
  );
  console.log("case                    | compiled median / p95 | hand-written SQL median / p95 | ratio (median) | target");
  for (const [name, timing] of [
    ["live count", count],
    ["sample of 10 (masked)", sample],
  ] as const) {
    console.log(
      `${name.padEnd(23)} | ${`${ms(timing.page.median)} / ${ms(timing.page.p95)}`.padEnd(21)} | ${`${ms(timing.plain.median)} / ${ms(timing.plain.p95)}`.padEnd(29)} | ${(timing.page.median / timing.plain.median).toFixed(2).padStart(13)}× | ≤ 1.5×`,
    );
  }
  await pool.end();
});

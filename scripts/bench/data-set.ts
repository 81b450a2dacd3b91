/**
 * The load harness's data sets (issue 17): a migrated, demo-seeded database filled with customers
 * and everything they leave behind, loaded with PostgreSQL `COPY ... FROM STDIN` from rows made
 * here with a seeded generator (the same input gives the same data).
 *
 * Shape per customer (so that "small" and "large" differ only in size): 3 registered units (and
 * 0.3 units in the registry nobody registered), 1 repair ticket with 2-5 history events, a third
 * of the tickets with a 6-message chat, a points wallet of 3 awards and 2 redemptions (10 ledger
 * postings, 3 lots), consents to every required purpose and to an optional one for 40 %, 3 audit
 * events. Half the units were sold by one of 200 dealers (a dealer sale and the shop on the
 * ownership). Large: 1,000,000 customers, 3,000,000 units, 1,000,000 tickets, 10,000,000 postings.
 *
 * Triggers and foreign-key checks are off for the load (`session_replication_role = replica`):
 * the rows are consistent by construction (postings sum to zero per entry, wallet balances are
 * the sums of their postings, each lot's remaining points are its award less its recorded uses,
 * as the nightly reconciliation checks), and the webhook outbox and audit triggers would
 * otherwise fire 20 million times. Redemption entries have no reward-redemption record (the
 * catalog's rewards are not part of the load).
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type DataSetSize = { name: string; customers: number };
export const DATA_SETS = {
  small: { name: "small", customers: 10_000 },
  large: { name: "large", customers: 1_000_000 },
} satisfies Record<string, DataSetSize>;

/** Bumped when the shape changes: a kept database of an older shape is made again. */
export const DATA_SET_VERSION = 2;

/** Every generated account has this password (one argon2id hash of it, made with ARGON2_OPTIONS). */
export const BENCH_PASSWORD = "bench-password-2026";
const BENCH_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$gnhlVfQNaYzJ5NOhRvbSKQ$HGt9uCuJJHNV9xGjSd7ZLt3lXSyrxlthpI8rClBnnUw";

export const DEALERS = 200;
export const benchCustomerEmail = (n: number) => `c${n}@bench.example`;
export const BENCH_STAFF = {
  agent: { id: "bench-agent", email: "agent@bench.example", role: "SUPPORT_AGENT" },
  admin: { id: "bench-admin", email: "admin@bench.example", role: "ADMIN" },
  dealer: { id: "bench-dealer", email: "dealer@bench.example", role: "DEALER_ADMIN" },
} as const;

/** A small fast PRNG (mulberry32): the same seed gives the same data set. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Cell = string | number | boolean | Date | null | undefined;

/** One line of COPY's text format. */
function line(cells: Cell[]): string {
  return (
    cells
      .map((cell) => {
        if (cell === null || cell === undefined) return "\\N";
        if (cell instanceof Date) return cell.toISOString();
        if (typeof cell !== "string") return String(cell);
        return cell.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
      })
      .join("\t") + "\n"
  );
}

/** Streams `rows` into `table` with COPY, in chunks of a few thousand lines. */
async function copy(client: pg.ClientBase, table: string, columns: string[], rows: Iterable<Cell[]>): Promise<number> {
  let count = 0;
  function* chunks() {
    let chunk = "";
    let lines = 0;
    for (const row of rows) {
      chunk += line(row);
      count++;
      if (++lines === 5000) {
        yield chunk;
        chunk = "";
        lines = 0;
      }
    }
    if (chunk) yield chunk;
  }
  const sql = `COPY "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) FROM STDIN`;
  await pipeline(Readable.from(chunks()), client.query(copyFrom(sql)));
  return count;
}

const DAY = 86_400_000;
const PREFECTURES = [
  "東京都",
  "大阪府",
  "神奈川県",
  "愛知県",
  "埼玉県",
  "千葉県",
  "兵庫県",
  "北海道",
  "福岡県",
  "静岡県",
  "茨城県",
  "広島県",
];
const FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"];
const GIVEN = ["陽翔", "蓮", "結菜", "葵", "大翔", "陽菜", "湊", "凛", "悠真", "芽依"];
const OPEN_STATUSES = ["RECEIVED", "DIAGNOSING", "WAITING_FOR_CUSTOMER", "ESTIMATE_SENT", "REPAIRING", "SHIPPED_BACK"] as const;

export type GeneratedCounts = Record<string, number>;

/**
 * Fills a migrated, demo-seeded database with `customers` customers and their records. `now` is
 * the moment the data is "as of": everything happened in the three years before it.
 */
export async function generateDataSet(
  url: string,
  customers: number,
  options: { now?: Date; log?: (line: string) => void } = {},
): Promise<GeneratedCounts> {
  const now = (options.now ?? new Date()).getTime();
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts: GeneratedCounts = {};
  try {
    const models = (
      await client.query<{ id: string; category: string; code: string }>(`SELECT id, category, code FROM "ProductModel" ORDER BY code`)
    ).rows;
    const symptoms = (await client.query<{ id: string; productCategory: string }>(`SELECT id, "productCategory" FROM "SymptomCategory"`))
      .rows;
    const purposes = (
      await client.query<{ id: string; required: boolean; version: string; textHash: string }>(
        `SELECT DISTINCT ON (p.id) p.id, p.required, v.version, v."textHash" FROM "ConsentPurpose" p
         JOIN "PolicyVersion" v ON v."purposeId" = p.id WHERE NOT p."perDealer" ORDER BY p.id, v."publishedAt" DESC`,
      )
    ).rows;
    const snapshot =
      (await client.query<{ s: string }>(`SELECT "warrantySnapshot"::text AS s FROM "RepairTicket" LIMIT 1`)).rows[0]?.s ?? "{}";
    if (models.length === 0 || symptoms.length === 0 || purposes.length === 0) throw new Error("The data set needs the demo seed first.");
    const symptomsOf = (category: string) => {
      const own = symptoms.filter((symptom) => symptom.productCategory === category);
      return own.length ? own : symptoms;
    };

    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    const load = async (table: string, columns: string[], rows: Iterable<Cell[]>) => {
      const started = Date.now();
      counts[table] = (counts[table] ?? 0) + (await copy(client, table, columns, rows));
      log(`  ${table}: ${counts[table]!.toLocaleString("en")} rows (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    };
    const rand = random(17);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const joinedAt = (c: number) => new Date(now - 1095 * DAY + Math.floor((c / customers) * 1000 * DAY) + Math.floor(random(c)() * DAY));

    // Dealers and their staff first: a dealer sale needs its shop and an import.
    await load(
      "Dealer",
      ["id", "code", "name", "prefecture", "updatedAt"],
      (function* () {
        for (let d = 1; d <= DEALERS; d++)
          yield [`d${d}`, `BD${String(d).padStart(4, "0")}`, `ベンチ電器 ${d}号店`, PREFECTURES[d % PREFECTURES.length], new Date(now)];
      })(),
    );
    await load(
      "User",
      ["id", "email", "emailVerified", "name", "role", "dealerId", "passwordHash", "totpEnabledAt", "locale", "createdAt", "updatedAt"],
      (function* () {
        for (const staff of Object.values(BENCH_STAFF)) {
          yield [
            staff.id,
            staff.email,
            new Date(now),
            staff.id,
            staff.role,
            staff.role === "DEALER_ADMIN" ? "d1" : null,
            BENCH_PASSWORD_HASH,
            new Date(now),
            "ja",
            new Date(now - 400 * DAY),
            new Date(now),
          ];
        }
      })(),
    );
    await load(
      "DealerSaleImport",
      ["id", "dealerId", "importedById", "fileName", "rowCount", "idempotencyKey", "createdAt"],
      (function* () {
        for (let d = 1; d <= DEALERS; d++)
          yield [
            `id${d}`,
            `d${d}`,
            BENCH_STAFF.dealer.id,
            "sales.csv",
            Math.round((customers * 1.5) / DEALERS),
            `bench-${d}`,
            new Date(now - 1100 * DAY),
          ];
      })(),
    );

    await load(
      "User",
      [
        "id",
        "email",
        "emailVerified",
        "name",
        "nameKana",
        "phone",
        "role",
        "passwordHash",
        "locale",
        "postalCode",
        "prefecture",
        "city",
        "addressLine1",
        "createdAt",
        "updatedAt",
      ],
      (function* () {
        for (let c = 1; c <= customers; c++) {
          const at = joinedAt(c);
          yield [
            `u${c}`,
            benchCustomerEmail(c),
            at,
            `${pick(FAMILY)} ${pick(GIVEN)}`,
            "ヤマダ タロウ",
            `090${String(c).padStart(8, "0")}`,
            "CUSTOMER",
            BENCH_PASSWORD_HASH,
            c % 10 === 0 ? "en" : "ja",
            "1000001",
            pick(PREFECTURES),
            "千代田区",
            `1-${c % 50}-${c % 9}`,
            at,
            at,
          ];
        }
      })(),
    );
    await load(
      "Consent",
      ["id", "userId", "purpose", "policyVersion", "textHash", "channel", "grantedAt"],
      (function* () {
        for (let c = 1; c <= customers; c++) {
          for (const [index, purpose] of purposes.entries()) {
            if (purpose.required || (c + index) % 5 < 2)
              yield [`k${c}-${index}`, `u${c}`, purpose.id, purpose.version, purpose.textHash, "signup", joinedAt(c)];
          }
        }
      })(),
    );

    // Units: customer c owns units 3c-2 .. 3c; units after 3N are in the registry, unregistered.
    const unitModel = (k: number) => models[k % models.length]!;
    await load(
      "SerialUnit",
      ["id", "serial", "modelId", "manufacturedOn", "lot"],
      (function* () {
        const units = Math.round(customers * 3.3);
        for (let k = 1; k <= units; k++) {
          const made = new Date(now - 1200 * DAY + Math.floor((k / units) * 1100 * DAY));
          yield [`s${k}`, `BN${String(k).padStart(10, "0")}`, unitModel(k).id, made.toISOString().slice(0, 10), `L${Math.floor(k / 5000)}`];
        }
      })(),
    );
    const registeredAt = (k: number) => new Date(joinedAt(Math.ceil(k / 3)).getTime() + (k % 3) * 40 * DAY);
    const dealerOf = (k: number) => (k % 2 === 0 ? `d${1 + ((k * 7) % DEALERS)}` : null);
    await load(
      "DealerSale",
      ["id", "dealerId", "unitId", "soldOn", "customerEmail", "importId", "createdAt"],
      (function* () {
        for (let k = 2; k <= customers * 3; k += 2) {
          const dealer = dealerOf(k)!;
          const sold = new Date(registeredAt(k).getTime() - 3 * DAY);
          yield [`ds${k}`, dealer, `s${k}`, sold.toISOString().slice(0, 10), benchCustomerEmail(Math.ceil(k / 3)), `i${dealer}`, sold];
        }
      })(),
    );
    await load(
      "Ownership",
      ["id", "unitId", "userId", "purchasedOn", "dealerId", "dealerSaleId", "registeredAt"],
      (function* () {
        for (let k = 1; k <= customers * 3; k++) {
          const at = registeredAt(k);
          const dealer = dealerOf(k);
          yield [
            `o${k}`,
            `s${k}`,
            `u${Math.ceil(k / 3)}`,
            new Date(at.getTime() - 3 * DAY).toISOString().slice(0, 10),
            dealer,
            dealer ? `ds${k}` : null,
            at,
          ];
        }
      })(),
    );

    // Tickets: ticket j is on a unit spread over all customers (some have none, some two).
    const ticketUnit = (j: number) => 1 + ((j * 7919) % (customers * 3));
    const ticketAt = (j: number) => new Date(now - 730 * DAY + Math.floor((j / customers) * 729 * DAY));
    const ticketStatus = (j: number) =>
      j % 100 < 80 ? "COMPLETED" : j % 100 < 83 ? "CANCELLED" : OPEN_STATUSES[j % OPEN_STATUSES.length]!;
    await load(
      "RepairTicket",
      [
        "id",
        "number",
        "customerId",
        "ownershipId",
        "unitId",
        "symptomCategoryId",
        "description",
        "delivery",
        "contactPreference",
        "status",
        "priority",
        "coverage",
        "warrantySnapshot",
        "assigneeId",
        "idempotencyKey",
        "firstResponseDueAt",
        "resolutionDueAt",
        "firstRespondedAt",
        "outcome",
        "closedAt",
        "dealerId",
        "createdAt",
        "updatedAt",
      ],
      (function* () {
        for (let j = 1; j <= customers; j++) {
          const k = ticketUnit(j);
          const at = ticketAt(j);
          const status = ticketStatus(j);
          const closed = status === "COMPLETED" || status === "CANCELLED";
          const responded = closed || j % 4 !== 0;
          yield [
            `t${j}`,
            `R-B${String(j).padStart(8, "0")}`,
            `u${Math.ceil(k / 3)}`,
            `o${k}`,
            `s${k}`,
            pick(symptomsOf(unitModel(k).category)).id,
            "電源が入らなくなりました。",
            j % 5 === 0 && dealerOf(k) ? "DEALER_DROP_OFF" : "SEND_IN",
            "EMAIL",
            status,
            "NORMAL",
            j % 3 === 0 ? "PAID" : "WARRANTY",
            snapshot,
            j % 4 === 0 ? BENCH_STAFF.agent.id : null,
            `bench-${j}`,
            new Date(at.getTime() + DAY / 3),
            new Date(at.getTime() + 5 * DAY),
            responded ? new Date(at.getTime() + 2 * 3_600_000) : null,
            status === "COMPLETED" ? "REPAIRED" : null,
            closed ? new Date(at.getTime() + 4 * DAY) : null,
            j % 5 === 0 ? dealerOf(k) : null,
            at,
            closed ? new Date(at.getTime() + 4 * DAY) : at,
          ];
        }
      })(),
    );
    await load(
      "RepairEvent",
      ["id", "ticketId", "at", "actorId", "fromStatus", "toStatus", "kind"],
      (function* () {
        for (let j = 1; j <= customers; j++) {
          const at = ticketAt(j).getTime();
          const status = ticketStatus(j);
          const customer = `u${Math.ceil(ticketUnit(j) / 3)}`;
          yield [`re${j}-0`, `t${j}`, new Date(at), customer, null, "RECEIVED", "created"];
          if (status === "RECEIVED") continue;
          const path =
            status === "COMPLETED"
              ? ["DIAGNOSING", "REPAIRING", "SHIPPED_BACK", "COMPLETED"]
              : status === "CANCELLED"
                ? ["CANCELLED"]
                : ["DIAGNOSING", status];
          let from = "RECEIVED";
          for (const [step, to] of [...new Set(path)].entries()) {
            yield [`re${j}-${step + 1}`, `t${j}`, new Date(at + (step + 1) * DAY), BENCH_STAFF.agent.id, from, to, "status"];
            from = to;
          }
        }
      })(),
    );
    await load(
      "Conversation",
      [
        "id",
        "customerId",
        "ticketId",
        "subject",
        "status",
        "assigneeId",
        "lastSeq",
        "lastMessageAt",
        "customerDeliveredSeq",
        "customerReadSeq",
        "staffDeliveredSeq",
        "staffReadSeq",
        "customerEmailedSeq",
        "createdAt",
        "updatedAt",
      ],
      (function* () {
        for (let j = 3; j <= customers; j += 3) {
          const at = ticketAt(j).getTime();
          const closed = ticketStatus(j) === "COMPLETED" || ticketStatus(j) === "CANCELLED";
          yield [
            `v${j}`,
            `u${Math.ceil(ticketUnit(j) / 3)}`,
            `t${j}`,
            `R-B${String(j).padStart(8, "0")}`,
            closed ? "CLOSED" : "OPEN",
            BENCH_STAFF.agent.id,
            6,
            new Date(at + 6 * 3_600_000),
            6,
            6,
            6,
            6,
            6,
            new Date(at),
            new Date(at + 6 * 3_600_000),
          ];
        }
      })(),
    );
    await load(
      "ChatMessage",
      ["id", "conversationId", "seq", "senderId", "side", "body", "idempotencyKey", "createdAt"],
      (function* () {
        for (let j = 3; j <= customers; j += 3) {
          const at = ticketAt(j).getTime();
          const customer = `u${Math.ceil(ticketUnit(j) / 3)}`;
          for (let seq = 1; seq <= 6; seq++) {
            const staff = seq % 2 === 0;
            yield [
              `m${j}-${seq}`,
              `v${j}`,
              seq,
              staff ? BENCH_STAFF.agent.id : customer,
              staff ? "STAFF" : "CUSTOMER",
              staff ? "確認いたします。少々お待ちください。" : "よろしくお願いします。",
              `bench-${j}-${seq}`,
              new Date(at + seq * 3_600_000),
            ];
          }
        }
      })(),
    );

    // Points: awards of 100, 200 and 50, redemptions of 80 and 100 (oldest lots first).
    const WALLET = ["PENDING", "AVAILABLE", "DEBT"] as const;
    const ENTRIES = [
      { kind: "AWARD", points: 100, day: 300 },
      { kind: "AWARD", points: 200, day: 220 },
      { kind: "REDEMPTION", points: 80, day: 200 },
      { kind: "AWARD", points: 50, day: 120 },
      { kind: "REDEMPTION", points: 100, day: 60 },
    ] as const;
    const entryAt = (c: number, index: number) => new Date(now - ENTRIES[index]!.day * DAY + (c % 1000) * 60_000);
    await load(
      "PointsAccount",
      ["id", "kind", "userId", "balance"],
      (function* () {
        for (let c = 1; c <= customers; c++)
          for (const kind of WALLET) yield [`w:${kind}:u${c}`, kind, `u${c}`, kind === "AVAILABLE" ? 170 : 0];
      })(),
    );
    await load(
      "PointsEntry",
      ["id", "kind", "userId", "idempotencyKey", "requestHash", "effectiveAt", "createdAt", "causeKind", "causeId"],
      (function* () {
        for (let c = 1; c <= customers; c++) {
          for (const [index, entry] of ENTRIES.entries()) {
            const at = entryAt(c, index);
            yield [
              `pe${c}-${index}`,
              entry.kind,
              `u${c}`,
              `bench:u${c}:${index}`,
              "bench",
              at,
              at,
              entry.kind === "AWARD" ? "registration" : "reward",
              `o${3 * c - 2}`,
            ];
          }
        }
      })(),
    );
    await load(
      "PointsPosting",
      ["entryId", "accountId", "amount"],
      (function* () {
        for (let c = 1; c <= customers; c++) {
          for (const [index, entry] of ENTRIES.entries()) {
            const [from, to] = entry.kind === "AWARD" ? ["program:ISSUED", `w:AVAILABLE:u${c}`] : [`w:AVAILABLE:u${c}`, "program:REDEEMED"];
            yield [`pe${c}-${index}`, from, -entry.points];
            yield [`pe${c}-${index}`, to, entry.points];
          }
        }
      })(),
    );
    const LEFT = [0, 120, 50]; // what the redemptions left of each award's lot
    await load(
      "PointsLot",
      ["id", "userId", "awardEntryId", "points", "remaining", "awardedAt", "availableFrom", "releasedAt", "expiresAt"],
      (function* () {
        for (let c = 1; c <= customers; c++) {
          let lot = 0;
          for (const [index, entry] of ENTRIES.entries()) {
            if (entry.kind !== "AWARD") continue;
            const at = entryAt(c, index);
            yield [
              `pl${c}-${index}`,
              `u${c}`,
              `pe${c}-${index}`,
              entry.points,
              LEFT[lot++],
              at,
              at,
              at,
              new Date(at.getTime() + 365 * DAY),
            ];
          }
        }
      })(),
    );
    // What each redemption took from which lot (oldest first), as the ledger records it: the
    // nightly reconciliation finds every lot's remaining points equal to its award and its uses.
    await load(
      "PointsLotUse",
      ["lotId", "entryId", "points"],
      (function* () {
        for (let c = 1; c <= customers; c++) {
          yield [`pl${c}-0`, `pe${c}-2`, -80];
          yield [`pl${c}-0`, `pe${c}-4`, -20];
          yield [`pl${c}-1`, `pe${c}-4`, -80];
        }
      })(),
    );
    await load(
      "AuditEvent",
      ["at", "action", "outcome", "actorId", "subjectIds", "ipAddress", "userAgent", "details"],
      (function* () {
        for (let c = 1; c <= customers; c++) {
          for (let n = 0; n < 3; n++) {
            yield [
              new Date(now - (n * 97 + (c % 90)) * DAY),
              "auth.sign_in",
              "SUCCESS",
              `u${c}`,
              `{u${c}}`,
              "203.0.113.7",
              "Mozilla/5.0 (bench)",
              '{"method":"password"}',
            ];
          }
        }
      })(),
    );
    await client.query("COMMIT");
    const started = Date.now();
    await client.query("VACUUM ANALYZE");
    log(`  VACUUM ANALYZE (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return counts;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * The HTTP load harness (issue 17): autocannon, as a library, against the production build on a
 * data set. Every figure is measured in the same run as the limit it is compared with:
 * - sign-ins per second next to the bare argon2id verify rate (same parameters, a process of its
 *   own on the same machine, with the server idle);
 * - each page's requests per second and p95 at 20 connections next to its area's framework floor
 *   (the same layout around a page that reads nothing, components/floor-page.tsx).
 */
import { fork } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { BENCH_PASSWORD, BENCH_STAFF, benchCustomerEmail } from "./data-set.ts";
import { actionId, createSessionCookie, ROOT, startPortal, type PortalProcess } from "./portal.ts";
import { cpuAvailable, postgresCpuMsSince, postgresTicks, processCpuMs } from "./process-cpu.ts";

export type Load = {
  rps: number;
  p50: number;
  p95: number;
  requests: number;
  failures: number;
  /** CPU milliseconds per answered request: the portal process's, and PostgreSQL's (Linux only). */
  appCpuMs?: number;
  databaseCpuMs?: number;
};

export type Target = {
  name: string;
  area: "mypage" | "admin" | "dealer";
  /** Makes request number `i` (a path, or a full request). */
  request: (i: number) => { path: string; method?: "GET" | "POST"; headers?: Record<string, string>; body?: string };
  /** The answer a working request gets. */
  expect?: (status: number, body: string) => boolean;
  /** The same work written by hand in plain SQL: milliseconds for one run (shown beside the target's time alone). */
  sqlBaseline?: () => Promise<number>;
};

const ok200 = (status: number) => status === 200;

/**
 * Requests per second and latency at `connections` for `seconds`, after a warm-up. Latency
 * percentiles come from every response's own time (autocannon's summary has no p95).
 */
export async function load(
  base: string,
  target: Pick<Target, "request">,
  options: {
    connections: number;
    seconds: number;
    warmupSeconds?: number;
    /** What a working answer is (default: status 200), checked on every response, body included. */
    expect?: (status: number, body: string) => boolean;
    /** The portal's database: between runs, wait until its queries are done too. */
    databaseUrl?: string;
    /** The portal's process: its CPU time (and PostgreSQL's) per request is measured. */
    appPid?: number;
  },
): Promise<Load> {
  const run = async (seconds: number) => {
    let i = 0;
    const times: number[] = [];
    let failures = 0;
    const expect = options.expect ?? ok200;
    let finished: (result: autocannon.Result) => void = () => {};
    let failed: (error: unknown) => void = () => {};
    const done = new Promise<autocannon.Result>((resolve, reject) => ((finished = resolve), (failed = reject)));
    const instance = autocannon(
      {
        url: base,
        connections: options.connections,
        duration: seconds,
        requests: [
          {
            setupRequest: (request) => {
              const made = target.request(i++);
              return {
                ...request,
                method: made.method ?? "GET",
                path: made.path,
                headers: { ...request.headers, ...made.headers, "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
                body: made.body,
              };
            },
            // A server action answers 200 with `{"ok":false}` when it fails: the body decides.
            onResponse: (status: number, body: string) => {
              if (!expect(status, body)) failures++;
            },
          },
        ],
      },
      (error, result) => (error ? failed(error) : finished(result)),
    );
    instance.on("response", (_client, _status, _bytes, time) => times.push(time));
    const measureCpu = options.appPid !== undefined && cpuAvailable();
    // From the start of the timed run to its deadline: the requests still in flight then are not
    // counted, and their work so far is (a few per cent low at most, 20 of hundreds).
    const cpuBefore = measureCpu ? { app: processCpuMs(options.appPid!), database: postgresTicks() } : null;
    const result = await done;
    const cpu =
      cpuBefore && times.length > 0
        ? {
            appCpuMs: (processCpuMs(options.appPid!) - cpuBefore.app) / times.length,
            databaseCpuMs: postgresCpuMsSince(cpuBefore.database) / times.length,
          }
        : {};
    times.sort((a, b) => a - b);
    const at = (share: number) => times[Math.min(times.length - 1, Math.ceil(times.length * share) - 1)] ?? NaN;
    return {
      rps: times.length / seconds,
      p50: at(0.5),
      p95: at(0.95),
      requests: times.length,
      failures: failures + result.errors + result.timeouts,
      ...cpu,
    };
  };
  if (options.warmupSeconds) await run(options.warmupSeconds);
  await drained(base, options.databaseUrl);
  const result = await run(options.seconds);
  await drained(base, options.databaseUrl);
  return result;
}

/**
 * Waits until the server has finished what the last run left in flight (autocannon stops sending
 * at the deadline, the server keeps working on the requests it holds, and PostgreSQL on their
 * queries): the next figure must not pay for the previous one. Done when the health check answers
 * in under 100 ms and, given the database, no other query of it is running.
 */
async function drained(base: string, databaseUrl?: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  const client = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : null;
  await client?.connect();
  try {
    while (Date.now() < deadline) {
      const started = performance.now();
      const ok = await fetch(`${base}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      const busy = client
        ? (
            await client.query<{ busy: number }>(
              `SELECT count(*)::int AS busy FROM pg_stat_activity
               WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                 AND query NOT ILIKE '%LISTEN%' AND query NOT ILIKE '%pgboss%'`,
            )
          ).rows[0]!.busy
        : 0;
      if (ok && busy === 0 && performance.now() - started < 100) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await client?.end();
  }
}

/** argon2id verifies per second with the portal's parameters, `concurrency` at a time, in a process of its own. */
export function argon2Rate(seconds: number, concurrency: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(ROOT, "scripts", "bench", "argon2-rate.ts"), [String(seconds), String(concurrency)], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("message", (message) => resolve(Number((message as { rate: number }).rate)));
    child.once("error", reject);
    child.once("exit", (code) => code !== 0 && reject(new Error(`argon2-rate exited with ${code}`)));
  });
}

/** The accounts a run signs in as, picked from the data set: typical customers with a product, a repair and points. */
export async function benchAccounts(databaseUrl: string, count: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Customers in the middle of the data set who have a repair ticket.
    const { rows } = await client.query<{ id: string; ownership: string; customers: number }>(
      `WITH size AS (SELECT count(*)::int AS customers FROM "User" WHERE role = 'CUSTOMER' AND email LIKE '%@bench.example')
       SELECT u.id, (SELECT o.id FROM "Ownership" o WHERE o."userId" = u.id ORDER BY o."registeredAt" LIMIT 1) AS ownership, size.customers
       FROM size, LATERAL (SELECT t."customerId" AS id FROM "RepairTicket" t
                           WHERE t.number >= 'R-B' || lpad((size.customers / 2)::text, 8, '0') ORDER BY t.number LIMIT $1) u`,
      [count],
    );
    const model = await client.query<{ id: string; code: string }>(`SELECT id, code FROM "ProductModel" ORDER BY code LIMIT 1`);
    return { customers: rows, customerCount: rows[0]?.customers ?? 0, modelId: model.rows[0]!.id, modelCode: model.rows[0]!.code };
  } finally {
    await client.end();
  }
}

const ACTION_HEADERS = (base: string, id: string) => ({
  "next-action": id,
  "content-type": "text/plain;charset=UTF-8",
  accept: "text/x-component",
  origin: base,
});

/** The pages of issue 17's list, and each area's floor, for a portal on `databaseUrl`. */
export async function pageTargets(databaseUrl: string, base: string): Promise<Target[]> {
  const accounts = await benchAccounts(databaseUrl, 20);
  const customerCookies = await Promise.all(accounts.customers.map((customer) => createSessionCookie(databaseUrl, customer.id)));
  const staff = await createSessionCookie(databaseUrl, BENCH_STAFF.admin.id, { strong: true });
  const dealer = await createSessionCookie(databaseUrl, BENCH_STAFF.dealer.id, { strong: true });
  const customer = (i: number) => ({ cookie: customerCookies[i % customerCookies.length]! });
  const asCustomer = (path: (i: number) => string) => (i: number) => ({ path: path(i), headers: customer(i) });
  const asStaff = (path: string) => () => ({ path, headers: { cookie: staff } });
  const preview = actionId("lib/segments/actions.ts", "previewSegmentAction");
  const ticket = `R-B${String(Math.floor(accounts.customerCount / 3)).padStart(8, "0")}`;
  return [
    { name: "My Page floor", area: "mypage", request: asCustomer(() => "/ja/mypage/floor") },
    { name: "My Page", area: "mypage", request: asCustomer(() => "/ja/mypage") },
    { name: "My products", area: "mypage", request: asCustomer(() => "/ja/mypage/products") },
    {
      name: "A product",
      area: "mypage",
      request: asCustomer((i) => `/ja/mypage/products/${accounts.customers[i % accounts.customers.length]!.ownership}`),
    },
    { name: "Repairs", area: "mypage", request: asCustomer(() => "/ja/mypage/repairs") },
    { name: "Points", area: "mypage", request: asCustomer(() => "/ja/mypage/points") },
    { name: "Staff floor", area: "admin", request: asStaff("/ja/admin/floor") },
    { name: "Staff queue", area: "admin", request: asStaff("/ja/admin/repairs") },
    { name: "Staff queue, filtered", area: "admin", request: asStaff("/ja/admin/repairs?state=all&coverage=PAID&sort=oldest") },
    { name: "Staff queue, search", area: "admin", request: asStaff(`/ja/admin/repairs?state=all&q=${ticket}`) },
    {
      name: "Segment preview",
      area: "admin",
      request: () => ({
        path: "/ja/admin/engagement/segments/new",
        method: "POST",
        headers: { cookie: staff, ...ACTION_HEADERS(base, preview) },
        body: JSON.stringify([
          {
            definition: {
              match: "all",
              rules: [
                // Rules name models by code, as the segment builder sends them (lib/segments/choices.ts).
                { kind: "product", models: [accounts.modelCode], registeredFrom: "11", registeredTo: "13" },
                { kind: "region", prefectures: ["東京都", "大阪府", "愛知県"] },
              ],
            },
          },
        ]),
      }),
      // A preview that finds members: a segment nobody is in would time less work than the page does.
      expect: (status, body) => status === 200 && body.includes('"ok":true') && /"count":[1-9]/.test(body),
      // The preview's count and sample of 10, as a developer would write them, at once as the action runs them.
      sqlBaseline: async () => {
        const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
        const where = `u.role = 'CUSTOMER' AND u."disabledAt" IS NULL AND u."erasureRequestedAt" IS NULL
          AND u.prefecture = ANY($1::text[])
          AND EXISTS (SELECT 1 FROM "Ownership" o JOIN "SerialUnit" s ON s.id = o."unitId"
                      WHERE o."userId" = u.id AND o."endedAt" IS NULL AND s."modelId" = $2
                        AND o."registeredAt" <= now() - interval '11 months' AND o."registeredAt" > now() - interval '14 months')`;
        const values = [["東京都", "大阪府", "愛知県"], accounts.modelId];
        try {
          return await medianMs(() =>
            Promise.all([
              pool.query(`SELECT count(*) FROM "User" u WHERE ${where}`, values),
              pool.query(
                `SELECT u.id, u.name, u.email, u.prefecture, u."createdAt",
                   (SELECT count(*)::int FROM "Ownership" o WHERE o."userId" = u.id AND o."endedAt" IS NULL) AS products
                 FROM "User" u WHERE ${where} ORDER BY u."createdAt" DESC, u.id LIMIT 10`,
                values,
              ),
            ]),
          );
        } finally {
          await pool.end();
        }
      },
    },
    { name: "Dealer floor", area: "dealer", request: () => ({ path: "/ja/dealer/floor", headers: { cookie: dealer } }) },
    { name: "Dealer customers", area: "dealer", request: () => ({ path: "/ja/dealer/customers", headers: { cookie: dealer } }) },
  ];
}

/** The password sign-in as the browser sends it (the sign-in form posts to /api/sign-in), a different customer each time. */
export function signInTarget(base: string, customers: number): Target {
  return {
    name: "Sign-in",
    area: "mypage",
    request: (i) => ({
      path: "/api/sign-in",
      method: "POST",
      headers: { "content-type": "application/json", origin: base, "x-portal-locale": "ja" },
      body: JSON.stringify({ email: benchCustomerEmail(1 + ((i * 7919) % customers)), password: BENCH_PASSWORD }),
    }),
    expect: (status, body) => status === 200 && body.includes('"next":"/ja/mypage"'),
  };
}

/**
 * The sign-in floor (app/api/floor/sign-in): the same wrapper, body and argon2id verify as a
 * sign-in, without the database. Between it and the bare verify rate is the framework's cost;
 * between it and a sign-in, the portal's own work.
 */
export function signInFloorTarget(base: string, customers: number): Target {
  const signIn = signInTarget(base, customers);
  return { ...signIn, name: "Sign-in floor", request: (i) => ({ ...signIn.request(i), path: "/api/floor/sign-in" }) };
}

/** The median time of `runs` requests one after another (no queueing): what one request costs. */
export async function aloneMs(base: string, target: Target, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await checkRequest(base, target, i);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** The median of `runs` runs of `work`, in milliseconds. */
async function medianMs(work: () => Promise<unknown>, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** One request of each target, checked before it is measured: a harness that times error pages proves nothing. */
export async function checkTarget(base: string, target: Target, rotation = 20): Promise<void> {
  for (let i = 0; i < rotation; i++) await checkRequest(base, target, i);
}

async function checkRequest(base: string, target: Target, i: number): Promise<void> {
  const made = target.request(i);
  const response = await fetch(`${base}${made.path}`, {
    method: made.method ?? "GET",
    headers: { ...made.headers, "x-forwarded-for": "10.255.255.1" },
    body: made.body,
    redirect: "manual",
  });
  const body = await response.text();
  const expect = target.expect ?? ((status: number) => status === 200);
  if (!expect(response.status, body)) {
    throw new Error(
      `${target.name}: ${made.path} answered ${response.status} ${response.headers.get("location") ?? ""} ${body.slice(0, 300)}`,
    );
  }
}

export type { PortalProcess };
export { startPortal };

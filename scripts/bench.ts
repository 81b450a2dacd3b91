/**
 * `npm run bench`: every speed figure of the portal, each next to a baseline measured in the same run.
 *   1. The Vitest benchmarks (`*.bench.ts`): library functions next to plain SQL.
 *   2. The HTTP harness (scripts/bench/http.ts, issue 17): the production build on the small
 *      (10,000 customers) and large (1,000,000) data sets; sign-ins next to the argon2id limit,
 *      pages next to their area's framework floor. One table, also written as JSON.
 *
 *   npm run bench                             everything
 *   npm run bench -- --only http              the HTTP harness only
 *   npm run bench -- --only http --sizes small --seconds 5
 *   npm run bench -- --only http --compare .data/bench/http-<time>.json   side by side with an earlier run
 *
 * The data sets are kept in their own PostgreSQL (.data/postgres-bench, or BENCH_DATABASE_URL's
 * server) and made again only when their shape changes (`--fresh` forces it).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DATA_SETS, type DataSetSize } from "./bench/data-set.ts";
import {
  aloneMs,
  argon2Rate,
  checkTarget,
  load,
  pageTargets,
  signInFloorTarget,
  signInTarget,
  type Load,
  type Target,
} from "./bench/http.ts";
import { ensureBuild, ensureDataSet, ROOT, startBenchServer, startPortal } from "./bench/portal.ts";
import { startBalancer } from "./balancer.ts";
import { isPortFree } from "./lib/processes.ts";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    sizes: { type: "string", default: "small,large" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    fresh: { type: "boolean", default: false },
    compare: { type: "string" },
    /** Only the figures whose names contain one of these (comma-separated), e.g. `--targets sign-in,queue`; floors always run. */
    targets: { type: "string" },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const wanted = (name: string) =>
  !values.targets ||
  name.endsWith("floor") ||
  values.targets.split(",").some((part) => name.toLowerCase().includes(part.trim().toLowerCase()));

export type SizeResult = {
  customers: number;
  argon2PerSecond: number;
  signIn: Load;
  /** Route wrapper, JSON body and argon2id verify, no database (app/api/floor/sign-in); absent in runs before it. */
  signInFloor?: Load;
  /**
   * Per page: its load figures, its share of the area's floor, its time alone (median of 3
   * requests one after another) and, where the harness has one, the same work in plain SQL.
   */
  pages: Record<string, Load & { area: string; floorShare: number | null; aloneMs?: number; sqlMs?: number }>;
};
export type HttpResults = {
  at: string;
  machine: { cpus: number; model: string; node: string };
  settings: { seconds: number; connections: number };
  sizes: Record<string, SizeResult>;
  /** My Page through scripts/balancer.ts with one app process and with two (small data set). */
  scaleOut?: { one: Load; two: Load };
};

function runVitestBenches(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "vitest"), ["bench", "--run"], { cwd: ROOT, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`vitest bench failed (${code})`))));
  });
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) if (await isPortFree(port)) return port;
  throw new Error(`no free port near ${from}`);
}

/**
 * Throughput with one and with two app processes behind the local load balancer, on the small
 * data set: My Page with 20 connections, the jobs in a worker of their own (as when scaling out).
 */
async function measureScaleOut(adminUrl: string): Promise<{ one: Load; two: Load }> {
  const databaseUrl = await ensureDataSet(adminUrl, DATA_SETS.small);
  const ports = [await freePort(3700), await freePort(3710), await freePort(3720)];
  const publicUrl = `http://localhost:${ports[0]}`;
  const apps = await Promise.all(ports.slice(1).map((port) => startPortal({ databaseUrl, port, publicUrl, env: { JOB_WORKERS: "off" } })));
  try {
    const targets = await pageTargets(databaseUrl, publicUrl);
    const myPage = targets.find((target) => target.name === "My Page")!;
    const options = { connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: 3 };
    const upstreams = ports.slice(1).map((port) => new URL(`http://127.0.0.1:${port}`));
    const measure = async (count: number) => {
      const balancer = await startBalancer(ports[0]!, upstreams.slice(0, count));
      try {
        return await load(balancer.url, myPage, options);
      } finally {
        await balancer.close();
      }
    };
    const one = await measure(1);
    const two = await measure(2);
    console.log(
      `  [scale-out] My Page: one process ${one.rps.toFixed(1)}/s, two ${two.rps.toFixed(1)}/s (${(two.rps / one.rps).toFixed(2)}x)`,
    );
    return { one, two };
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
  }
}

async function measureSize(adminUrl: string, set: DataSetSize): Promise<SizeResult> {
  const databaseUrl = await ensureDataSet(adminUrl, set, { fresh: values.fresh });
  const port = await freePort(3600);
  const portal = await startPortal({ databaseUrl, port, env: { JOB_WORKERS: "off" } });
  try {
    const base = portal.url;
    const options = { connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: 3, databaseUrl, appPid: portal.child.pid };
    const log = (line: string) => console.log(`  [${set.name}] ${line}`);

    // Sign-in first, next to the hashing limit measured right before it with the server idle.
    const signIn = signInTarget(base, set.customers);
    const signInFloor = signInFloorTarget(base, set.customers);
    await checkTarget(base, signIn);
    await checkTarget(base, signInFloor);
    const argon2PerSecond = await argon2Rate(SECONDS, CONNECTIONS);
    log(`argon2id verify: ${argon2PerSecond.toFixed(1)}/s`);
    const floorLoad = await load(base, signInFloor, { ...options, expect: signInFloor.expect });
    log(`sign-in floor: ${floorLoad.rps.toFixed(1)}/s (${((floorLoad.rps / argon2PerSecond) * 100).toFixed(0)} % of argon2id)`);
    const signInLoad = await load(base, signIn, { ...options, expect: signIn.expect });
    log(
      `sign-in: ${signInLoad.rps.toFixed(1)}/s (${((signInLoad.rps / argon2PerSecond) * 100).toFixed(0)} % of argon2id, ${((signInLoad.rps / floorLoad.rps) * 100).toFixed(0)} % of its floor)${signInLoad.failures ? `, ${signInLoad.failures} FAILED` : ""}`,
    );

    const targets = await pageTargets(databaseUrl, base);
    const chosen = targets.filter((target) => wanted(target.name));
    for (const target of chosen) await checkTarget(base, target);
    const pages: SizeResult["pages"] = {};
    const floors: Partial<Record<Target["area"], number>> = {};
    for (const target of chosen) {
      const alone = await aloneMs(base, target);
      const sqlMs = target.sqlBaseline ? await target.sqlBaseline() : undefined;
      const result = await load(base, target, {
        ...options,
        expect: target.expect,
      });
      const floor = target.name.endsWith("floor") ? null : (floors[target.area] ?? null);
      if (target.name.endsWith("floor")) floors[target.area] = result.rps;
      pages[target.name] = { ...result, area: target.area, floorShare: floor ? result.rps / floor : null, aloneMs: alone, sqlMs };
      log(
        `${target.name}: ${result.rps.toFixed(1)}/s, p95 ${Math.round(result.p95)} ms${floor ? `, ${((result.rps / floor) * 100).toFixed(0)} % of floor` : ""}` +
          `${result.appCpuMs === undefined ? "" : `, CPU ${result.appCpuMs.toFixed(1)} ms app + ${result.databaseCpuMs!.toFixed(1)} ms db`}` +
          `, alone ${alone.toFixed(0)} ms${sqlMs === undefined ? "" : ` (the same in plain SQL: ${sqlMs.toFixed(0)} ms)`}${result.failures ? `, ${result.failures} FAILED` : ""}`,
      );
    }
    return { customers: set.customers, argon2PerSecond, signIn: signInLoad, signInFloor: floorLoad, pages };
  } finally {
    await portal.stop();
  }
}

const pct = (share: number | null) => (share === null ? "" : `${Math.round(share * 100)} %`);
const num = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? "" : value.toFixed(value < 100 ? 1 : 0));

/**
 * The one table: a row per figure, a column group per data set (rate, p95, share of its limit, and
 * the CPU milliseconds per request of the portal process and of PostgreSQL), the large/small p95
 * ratio last.
 */
export function table(results: HttpResults, previous?: HttpResults): string {
  const sizes = Object.keys(results.sizes);
  const rows: string[][] = [];
  const header = [
    "",
    ...sizes.flatMap((size) => [`${size} req/s`, "p95 ms", "of limit", "alone ms", "app ms", "db ms"]),
    ...(sizes.length > 1 ? ["p95 large/small", "vs floor"] : []),
  ];
  if (previous) header.push("req/s before");
  rows.push(header);
  const group = (load: (Load & { aloneMs?: number }) | undefined, share: number | null): string[] =>
    load
      ? [num(load.rps), num(load.p95), pct(share), num(load.aloneMs), num(load.appCpuMs), num(load.databaseCpuMs)]
      : ["", "", "", "", "", ""];
  const ratio = (small: Load | undefined, large: Load | undefined) => (small && large ? (large.p95 / small.p95).toFixed(2) : "");
  // The same ratio over the area floor's own ratio: the floor reads no data, so what it changed
  // between the two runs is the machine (a shared host's speed drifts), not the data set.
  const againstFloor = (name: string, area: string) => {
    const floorName = Object.keys(first.pages).find((page) => page.endsWith("floor") && first.pages[page]!.area === area);
    const [small, large] = [first.pages[name], last.pages[name]];
    const [smallFloor, largeFloor] = floorName ? [first.pages[floorName], last.pages[floorName]] : [];
    if (!small || !large || !smallFloor || !largeFloor || name === floorName) return "";
    return (large.p95 / small.p95 / (largeFloor.p95 / smallFloor.p95)).toFixed(2);
  };
  const first = results.sizes[sizes[0]!]!;
  const last = results.sizes[sizes.at(-1)!]!;
  const blank = ["", "", "", "", ""];
  rows.push(["argon2id verify (limit)", ...sizes.flatMap((size) => [num(results.sizes[size]!.argon2PerSecond), ...blank])]);
  const floorRow = [
    "Sign-in floor (no database)",
    ...sizes.flatMap((size) => {
      const result = results.sizes[size]!;
      return group(result.signInFloor, result.signInFloor ? result.signInFloor.rps / result.argon2PerSecond : null);
    }),
  ];
  if (sizes.length > 1) floorRow.push(ratio(first.signInFloor, last.signInFloor), "");
  rows.push(floorRow);
  const signInRow = [
    "Sign-in (password)",
    ...sizes.flatMap((size) => {
      const result = results.sizes[size]!;
      return group(result.signIn, result.signIn.rps / result.argon2PerSecond);
    }),
  ];
  // Against the sign-in floor's own ratio, as pages against their area's floor (runs before the
  // sign-in floor have none).
  const signInAgainstFloor =
    first.signInFloor && last.signInFloor
      ? (last.signIn.p95 / first.signIn.p95 / (last.signInFloor.p95 / first.signInFloor.p95)).toFixed(2)
      : "";
  if (sizes.length > 1) signInRow.push(ratio(first.signIn, last.signIn), signInAgainstFloor);
  if (previous) signInRow.push(num(previous.sizes[sizes[0]!]?.signIn.rps));
  rows.push(signInRow);
  for (const name of Object.keys(first.pages)) {
    const row = [
      name,
      ...sizes.flatMap((size) => {
        const page = results.sizes[size]!.pages[name];
        return group(page, page?.floorShare ?? null);
      }),
    ];
    if (sizes.length > 1) row.push(ratio(first.pages[name], last.pages[name]), againstFloor(name, first.pages[name]!.area));
    if (previous) row.push(num(previous.sizes[sizes[0]!]?.pages[name]?.rps));
    rows.push(row);
  }
  if (results.scaleOut) {
    const { one, two } = results.scaleOut;
    rows.push(["My Page, 1 app process (balancer)", num(one.rps), num(one.p95), ""]);
    rows.push(["My Page, 2 app processes (balancer)", num(two.rps), num(two.p95), `${(two.rps / one.rps).toFixed(2)}x`]);
  }
  const notes = sizes.flatMap((size) =>
    Object.entries(results.sizes[size]!.pages)
      .filter(([, page]) => page.sqlMs !== undefined)
      .map(([name, page]) => `${name} (${size}): ${num(page.aloneMs)} ms alone; the same queries in plain SQL ${num(page.sqlMs)} ms.`),
  );
  const widths = header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  const lines = rows
    .map((row) => [...row, ...Array<string>(header.length - row.length).fill("")])
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  "))
    .join("\n");
  return notes.length ? `${lines}\n\n${notes.join("\n")}` : lines;
}

async function runHttpHarness(): Promise<void> {
  ensureBuild();
  const server = await startBenchServer();
  const results: HttpResults = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "", node: process.version },
    settings: { seconds: SECONDS, connections: CONNECTIONS },
    sizes: {},
  };
  try {
    for (const name of values.sizes!.split(",")) {
      const set = DATA_SETS[name as keyof typeof DATA_SETS];
      if (!set) throw new Error(`Unknown data set ${name} (small, large).`);
      console.log(`\n=== HTTP harness: ${name} data set ===`);
      results.sizes[name] = await measureSize(server.adminUrl, set);
    }
    if (!values.targets || values.targets.includes("scale")) {
      console.log(`\n=== HTTP harness: scale-out ===`);
      results.scaleOut = await measureScaleOut(server.adminUrl);
    }
  } finally {
    await server.stop();
  }
  const previous =
    values.compare && existsSync(values.compare) ? (JSON.parse(readFileSync(values.compare, "utf8")) as HttpResults) : undefined;
  console.log(
    `\nHTTP harness: ${results.machine.cpus} cores, Node ${results.machine.node}, ${CONNECTIONS} connections, ${SECONDS} s per figure` +
      `; "of limit" is sign-ins against argon2id and pages against their area's floor;` +
      ` "alone ms" is one request with no other (median of 3); "app ms" and "db ms" are CPU milliseconds per request of the` +
      ` portal process and of PostgreSQL under load; "vs floor" divides the large/small p95 ratio by its floor's (the machine's drift)\n`,
  );
  console.log(table(results, previous));
  const outDir = path.join(ROOT, ".data", "bench");
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `http-${results.at.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`\nwritten: ${path.relative(ROOT, file)}`);
}

async function main(): Promise<void> {
  if (!values.only || values.only === "vitest") await runVitestBenches();
  if (!values.only || values.only === "http") await runHttpHarness();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);

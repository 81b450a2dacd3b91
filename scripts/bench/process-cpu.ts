/**
 * CPU time used by processes on this machine (Linux /proc), for the load harness's "where the time
 * goes" columns: the portal process's CPU per request, and PostgreSQL's (every local cluster: the
 * bench server's, with nothing else running; none with BENCH_DATABASE_URL on another machine).
 * Elsewhere the figures are left out.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

let ticksPerSecond: number | null = null;
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** The fields of a /proc stat line after the command in parentheses: [0] is the state (field 3 of proc(5)). */
function fieldsOf(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** utime + stime of one /proc stat line, in ticks (fields 14 and 15 of proc(5)). */
function ticksOf(stat: string): number {
  const fields = fieldsOf(stat);
  return Number(fields[11]) + Number(fields[12]);
}

export function cpuAvailable(): boolean {
  return process.platform === "linux" && existsSync("/proc/self/stat");
}

/** CPU milliseconds a process has used so far, all its threads. */
export function processCpuMs(pid: number): number {
  return (ticksOf(readFileSync(`/proc/${pid}/stat`, "utf8")) * 1000) / clockTicks();
}

/**
 * CPU ticks PostgreSQL has used so far: every running `postgres` process's own time, plus what each
 * postmaster (a `postgres` process whose parent is not one) has collected from children that ended:
 * a backend or parallel worker that lives for one query is counted once it is gone, too.
 */
export function postgresTicks(): number {
  const stats = new Map<string, string[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (stat.includes("(postgres)")) stats.set(entry, fieldsOf(stat));
    } catch {
      // gone meanwhile
    }
  }
  let ticks = 0;
  for (const fields of stats.values()) {
    ticks += Number(fields[11]) + Number(fields[12]);
    // fields[1] is the parent; 13 and 14 the ended children's user and system time.
    if (!stats.has(fields[1]!)) ticks += Number(fields[13]) + Number(fields[14]);
  }
  return ticks;
}

/** CPU milliseconds PostgreSQL used since `before` (a postgresTicks() reading). */
export function postgresCpuMsSince(before: number): number {
  return ((postgresTicks() - before) * 1000) / clockTicks();
}

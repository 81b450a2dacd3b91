/**
 * CPU time used by processes on this machine (Linux /proc), for the load harness's "where the time
 * goes" columns: the portal process's CPU per request, and PostgreSQL's (every local `postgres`
 * process: the bench server's, with nothing else running). Elsewhere the figures are left out.
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

/** utime + stime of one /proc stat line, in ticks (fields 14 and 15, after the command in parentheses). */
function ticksOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

export function cpuAvailable(): boolean {
  return process.platform === "linux" && existsSync("/proc/self/stat");
}

/** CPU milliseconds a process has used so far, all its threads. */
export function processCpuMs(pid: number): number {
  return (ticksOf(readFileSync(`/proc/${pid}/stat`, "utf8")) * 1000) / clockTicks();
}

/** Ticks each running PostgreSQL process has used so far, by process id. */
export function postgresCpu(): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (stat.includes("(postgres)")) ticks.set(entry, ticksOf(stat));
    } catch {
      // gone meanwhile
    }
  }
  return ticks;
}

/**
 * CPU milliseconds PostgreSQL used between two snapshots: what each process used since the first
 * (a new one's whole time). A process that ended in between is missing from the second, and its
 * last moments with it: the figure errs low, never below zero.
 */
export function postgresCpuMsSince(before: Map<string, number>, after: Map<string, number> = postgresCpu()): number {
  let ticks = 0;
  for (const [pid, now] of after) ticks += Math.max(0, now - (before.get(pid) ?? 0));
  return (ticks * 1000) / clockTicks();
}

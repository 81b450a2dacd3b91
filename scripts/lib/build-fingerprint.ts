import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A hash of everything `next build` reads, so `npm start` can skip a build that would produce the
 * same output. Paths, sizes and modification times are enough: any edit changes them.
 */
const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.ts",
  "package-lock.json",
  "tsconfig.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function walk(root: string, entry: string, out: string[]): void {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  const stat = statSync(full);
  if (stat.isDirectory()) {
    for (const child of readdirSync(full).sort()) {
      if (!SKIP.has(child)) walk(root, path.join(entry, child), out);
    }
  } else {
    out.push(`${entry}:${stat.size}:${Math.trunc(stat.mtimeMs)}`);
  }
}

export function buildFingerprint(root: string, extra: string): string {
  const lines: string[] = [extra];
  for (const input of INPUTS) walk(root, input, lines);
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}

const STAMP = ".next/portal-build-fingerprint";

export function isBuildCurrent(root: string, fingerprint: string): boolean {
  const stamp = path.join(root, STAMP);
  return existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint;
}

export function markBuild(root: string, fingerprint: string): void {
  writeFileSync(path.join(root, STAMP), fingerprint);
}

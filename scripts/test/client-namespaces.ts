/**
 * Which message namespaces the browser needs where (lib/i18n/client-messages.ts), found from the
 * code: from each app file, imports are followed to the client modules ("use client" files and
 * everything they import), and in those the namespaces are read off `useTranslations("ns…")`,
 * `"ns.key"` literals (a translator of the whole catalog) and, where a translator's namespace is a
 * variable, every literal that names a namespace.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const APP = path.join(ROOT, "app");

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const sources = new Map<string, string>();
const read = (file: string) => {
  let source = sources.get(file);
  if (source === undefined) sources.set(file, (source = readFileSync(file, "utf8")));
  return source;
};

function importsOf(file: string): string[] {
  const found: string[] = [];
  // Type-only imports carry no code to the browser.
  for (const match of read(file).matchAll(
    /(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
  )) {
    const resolved = resolveImport(file, match[1] ?? match[2]!);
    if (resolved && /\.tsx?$/.test(resolved)) found.push(resolved);
  }
  return found;
}

const isClientModule = (file: string) => /^\s*["']use client["']/.test(read(file));

/** Every module that runs in the browser when `entry` (an app file) is rendered. */
export function clientModulesOf(entries: string[]): Set<string> {
  const client = new Set<string>();
  const seen = new Set<string>();
  const walk = (file: string, inClient: boolean) => {
    const key = `${inClient}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    const nowClient = inClient || isClientModule(file);
    if (nowClient) client.add(file);
    for (const next of importsOf(file)) walk(next, nowClient);
  };
  for (const entry of entries) walk(entry, false);
  return client;
}

/** The top-level namespaces the client modules translate with. */
export function namespacesOf(files: Iterable<string>, catalog: Record<string, unknown>): Map<string, Set<string>> {
  const top = new Set(Object.keys(catalog));
  const needed = new Map<string, Set<string>>();
  const need = (namespace: string, file: string) => {
    if (!top.has(namespace)) return;
    if (!needed.has(namespace)) needed.set(namespace, new Set());
    needed.get(namespace)!.add(path.relative(ROOT, file));
  };
  for (const file of files) {
    // Comments name keys too ("a full key such as …"); only code counts.
    const source = read(file)
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
    if (!/useTranslations|useFormatter|useMessages/.test(source)) continue;
    for (const match of source.matchAll(/useTranslations\(\s*["'`]([A-Za-z0-9_]+)/g)) need(match[1]!, file);
    // A translator of the whole catalog takes "ns.key" literals.
    for (const match of source.matchAll(/["'`]([A-Za-z0-9_]+)\.[A-Za-z0-9_.]+["'`]/g)) need(match[1]!, file);
    for (const match of source.matchAll(/`([A-Za-z0-9_]+)\.\$\{/g)) need(match[1]!, file);
    // A translator whose namespace is a variable typed as a union of names: each name may be it.
    if (/useTranslations\(\s*[A-Za-z_]/.test(source)) {
      for (const match of source.matchAll(/["']([A-Za-z0-9_]+)["'](?=\s*\|)|(?<=\|\s*)["']([A-Za-z0-9_]+)["']/g))
        need(match[1] ?? match[2]!, file);
    }
  }
  return needed;
}

function appFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(dir, file));
}

export type Scope = "shared" | "public" | "mypage" | "admin" | "dealer";

/** The app files whose client modules live under each scope's provider. */
export function entriesByScope(): Record<Scope, string[]> {
  const locale = path.join(APP, "[locale]");
  const areas = { mypage: path.join(locale, "mypage"), admin: path.join(locale, "admin"), dealer: path.join(locale, "dealer") };
  const inArea = (file: string) => Object.values(areas).some((dir) => file.startsWith(dir + path.sep));
  return {
    // Above every area's own provider: the root layout, and the shell each area layout renders.
    shared: [path.join(locale, "layout.tsx"), path.join(ROOT, "components", "area-shell.tsx")],
    public: appFiles(APP).filter((file) => !inArea(file)),
    mypage: appFiles(areas.mypage),
    admin: appFiles(areas.admin),
    dealer: appFiles(areas.dealer),
  };
}

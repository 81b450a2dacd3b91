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
// A server-actions module reaches the browser as references only: its imports stay on the server.
const isServerActions = (file: string) => /^\s*["']use server["']/.test(read(file));

/** Every module that runs in the browser when `entry` (an app file) is rendered. */
export function clientModulesOf(entries: string[]): Set<string> {
  const client = new Set<string>();
  const seen = new Set<string>();
  const walk = (file: string, inClient: boolean) => {
    const key = `${inClient}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (inClient && isServerActions(file)) return;
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
  // A dotted literal counts when it names a message ("repairs.work", a permission, names none).
  const isKey = (key: string) =>
    typeof key
      .split(".")
      .reduce<unknown>(
        (node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
        catalog,
      ) === "string";
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
    for (const match of source.matchAll(/useTranslations\(\s*["'`]([A-Za-z0-9_]+)/g)) need(match[1]!, file);
    // "ns.key" literals: keys a translator of the whole catalog takes, also from shared modules
    // (a zod schema's messages are keys that the form translates).
    for (const match of source.matchAll(/["'`](([A-Za-z0-9_]+)\.[A-Za-z0-9_.]+)["'`]/g)) if (isKey(match[1]!)) need(match[2]!, file);
    for (const match of source.matchAll(/`([A-Za-z0-9_]+)\.\$\{/g)) need(match[1]!, file);
    // A translator whose namespace is a variable typed as a union of names: each name may be it.
    if (/useTranslations\(\s*[A-Za-z_]/.test(source)) {
      let named = 0;
      for (const match of source.matchAll(/["']([A-Za-z0-9_]+)["'](?=\s*\|)|(?<=\|\s*)["']([A-Za-z0-9_]+)["']/g)) {
        need(match[1] ?? match[2]!, file);
        named++;
      }
      // A namespace chosen elsewhere (an imported type, a built string) cannot be followed: say so.
      if (named === 0) throw new Error(`${path.relative(ROOT, file)}: useTranslations(variable) without a union of names in the file`);
    }
  }
  return needed;
}

function appFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(dir, file));
}

/**
 * The app files under each scope's provider: a scope is "public" (the root layout's provider) or
 * a directory under app/[locale] whose layout nests its own; a file belongs to the deepest one.
 * `shared` is what sits above every area's provider: the root layout and the area shell.
 */
export function entriesByScope<S extends string>(scopes: readonly S[]): Record<S | "shared", string[]> {
  const locale = path.join(APP, "[locale]");
  const dirs = scopes.filter((scope) => scope !== "public").sort((a, b) => b.length - a.length);
  const scopeOf = (file: string) => dirs.find((dir) => file.startsWith(path.join(locale, dir) + path.sep)) ?? "public";
  const result = { shared: [path.join(locale, "layout.tsx"), path.join(ROOT, "components", "area-shell.tsx")] } as Record<
    S | "shared",
    string[]
  >;
  for (const scope of scopes) result[scope] = [];
  for (const file of appFiles(APP)) {
    const scope = scopeOf(file) as S;
    if (scope in result) result[scope].push(file);
  }
  return result;
}

/** The layout file that must nest a scope's provider. */
export function layoutOf(scope: string): string {
  return path.join(APP, "[locale]", ...scope.split("/"), "layout.tsx");
}

/**
 * Module resolve hook for scripts that run lib/ modules outside Next (scripts/worker.ts):
 * `server-only` throws unless imported under the `react-server` condition, which would also switch
 * React to its server build; here it resolves to an empty module, as it does in Next's server code
 * (and in Vitest, by an alias). Registered by scripts/lib/server-only.ts.
 */
type Next = (specifier: string, context: unknown) => unknown;

export function resolve(specifier: string, context: unknown, next: Next): unknown {
  return specifier === "server-only" ? { url: "data:text/javascript,export {};", shortCircuit: true } : next(specifier, context);
}

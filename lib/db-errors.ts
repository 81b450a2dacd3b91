/**
 * One way to recognise a unique-constraint violation, whichever path raised it (conventions: One
 * database client): Prisma's P2002 from a model query, P2010 from a raw query carrying PostgreSQL's 23505,
 * or a plain `pg` error with code 23505. With driver adapters, Prisma reports the constraint as
 * `meta.driverAdapterError.cause.constraint` ({ fields } or { index }).
 *
 * `target` narrows it to one constraint: a list of fields (matched against the reported fields, or
 * against Prisma's index name `Model_field1_field2_key`), or a constraint name as a string (for
 * hand-written indexes such as "Ownership_one_active_owner"). Without it, any unique violation counts.
 */
export function isUniqueViolation(error: unknown, target?: readonly string[] | string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message, meta } = error as { code?: unknown; message?: unknown; meta?: Record<string, unknown> };
  const cause = (meta?.driverAdapterError as { cause?: AdapterCause } | undefined)?.cause;
  const unique =
    code === "P2002" || code === "23505" || (code === "P2010" && (cause?.originalCode === "23505" || /\b23505\b/.test(String(message))));
  if (!unique) return false;
  if (target === undefined) return true;
  const constraint = violatedConstraint(error as PgLike, cause, meta);
  if (typeof target === "string") return constraint.name === target;
  if (constraint.fields) return target.every((field) => constraint.fields!.includes(field));
  // Prisma's default names: Model_field1_field2_key, so each field is one `_`-separated part.
  const parts = constraint.name?.replace(/_key$/, "").split("_").slice(1) ?? [];
  return target.length > 0 && target.every((field) => parts.includes(field));
}

type AdapterCause = { originalCode?: string; constraint?: { fields?: string[]; index?: string; foreignKey?: unknown } };
type PgLike = { constraint?: unknown; detail?: unknown };

function violatedConstraint(error: PgLike, cause: AdapterCause | undefined, meta: Record<string, unknown> | undefined) {
  if (cause?.constraint?.fields) return { fields: cause.constraint.fields };
  if (cause?.constraint?.index) return { name: cause.constraint.index };
  // Without an adapter Prisma reports `meta.target` (fields, or the index name).
  if (Array.isArray(meta?.target)) return { fields: meta.target as string[] };
  if (typeof meta?.target === "string") return { name: meta.target };
  // A plain pg error: the constraint's name, and its fields in the detail ("Key (a, b)=(...)").
  const fields = typeof error.detail === "string" ? error.detail.match(/Key \(([^)]+)\)/)?.[1]?.split(", ") : undefined;
  return { name: typeof error.constraint === "string" ? error.constraint : undefined, fields: fields?.map((f) => f.replace(/"/g, "")) };
}

/**
 * Prisma's P2025: an update or delete by a unique `where` found no row (an id that never was, or a
 * record removed or changed meanwhile). Callers answer NOT_FOUND rather than a 500.
 */
export function isMissingRecord(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

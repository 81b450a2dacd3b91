import { z } from "zod";

/** Cursor paging (issue 16): `limit` and an opaque `cursor` from the previous page's `nextCursor`. */
export const ZPageQuery = z.object({
  limit: z.coerce.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(100, "invalid").default(20),
  cursor: z
    .string()
    .max(200, "invalid")
    .regex(/^[\w-]*$/, "invalid")
    .optional(),
});
export type PageQuery = z.output<typeof ZPageQuery>;

export function encodeCursor(value: string): string {
  return Buffer.from(value, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  return cursor ? Buffer.from(cursor, "base64url").toString("utf8") : undefined;
}

/**
 * A page of an ordered list held in memory (a customer's products: a handful). Items after the
 * cursor's id; an unknown cursor starts nowhere (empty page), never at the beginning again.
 */
export function pageOf<T>(items: readonly T[], idOf: (item: T) => string, query: PageQuery): { data: T[]; nextCursor: string | null } {
  const after = decodeCursor(query.cursor);
  const start = after === undefined ? 0 : items.findIndex((item) => idOf(item) === after) + 1;
  if (after !== undefined && start === 0) return { data: [], nextCursor: null };
  const data = items.slice(start, start + query.limit);
  const more = start + query.limit < items.length;
  return { data, nextCursor: more && data.length > 0 ? encodeCursor(idOf(data[data.length - 1]!)) : null };
}

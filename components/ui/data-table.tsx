import { InteractiveTable } from "@/components/ui/interactive-table";
import { PagingLinks, type ServerPaging } from "@/components/ui/paging-links";
import { TableScroll } from "@/components/ui/table-scroll";
import type { ReactNode } from "react";

export type { DataTablePageLink } from "@/components/ui/paging-links";

/**
 * The one table for lists (conventions: Tables drive repeated structure). The caller gives columns (id, header, sortable) and rows whose cells
 * are already rendered: a server page can render them with its own formatter and translations and
 * pass them across the server/client boundary (React elements can cross it, cell functions cannot).
 * Sorting uses the plain values in `row.sort`. The table sits in TableScroll, so on a phone it
 * scrolls in its own box instead of widening the page.
 */

export type DataTableColumn = {
  /** Key of the cell in each row's `cells` (and `sort`). */
  id: string;
  header: string;
  /** Sortable in the browser by `row.sort[id]` (client-side: only for complete, small lists). */
  sortable?: boolean;
  /** Extra classes for this column's cells (e.g. "whitespace-nowrap font-mono", "min-w-48"). */
  className?: string;
};

export type DataTableRow = {
  /** Stable key of the row (a record id). */
  id: string;
  cells: Record<string, ReactNode>;
  /** Plain values that sortable columns compare (numbers numerically, strings in the page's language). */
  sort?: Record<string, string | number | null>;
};

export type DataTableProps = {
  /** Name of the table (its caption) and of its scroll region. */
  caption: string;
  /** Show the caption above the table; by default it is for screen readers only. */
  captionVisible?: boolean;
  columns: readonly DataTableColumn[];
  rows: readonly DataTableRow[];
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  /** Sorted like this at first (the column must be sortable). */
  initialSort?: { id: string; desc?: boolean };
  /** Client-side paging: this many rows a page, with previous/next buttons. Omit to show all rows. */
  pageSize?: number;
  /**
   * Server paging: the rows are one page the server chose (e.g. keyset paging in the URL) and
   * these links lead to the others. Labels default to the `table` messages.
   */
  serverPaging?: ServerPaging;
  /** Classes for the scroll box (border, max height). */
  className?: string;
};

/**
 * A table that sorts or pages in the browser is the client component (interactive-table.tsx, on
 * @tanstack/react-table); every other one, the server-paged desk lists among them, is plain markup
 * rendered where it is used: no client boundary per table, no table state, no hydration of its
 * rows (decision 0015: the staff queue's 50 rows cost more to pass to the browser half than to
 * draw). Both render the same markup.
 */
export function DataTable(props: DataTableProps) {
  if (props.pageSize !== undefined || props.columns.some((column) => column.sortable)) return <InteractiveTable {...props} />;
  const { caption, captionVisible = false, columns, rows, empty, serverPaging, className = "" } = props;
  if (rows.length === 0) {
    return (
      <>
        <p className="text-slate-600">{empty}</p>
        <PagingLinks paging={serverPaging} />
      </>
    );
  }
  return (
    <>
      <TableScroll label={caption} className={className}>
        <table className="w-full text-left text-sm">
          <caption className={captionVisible ? "mb-1 text-left font-medium" : "sr-only"}>{caption}</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              {columns.map((column) => (
                <th key={column.id} scope="col" className="px-3 py-2 font-medium">
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100 align-top">
                {columns.map((column) => (
                  <td key={column.id} className={`px-3 py-2 ${column.className ?? ""}`}>
                    {row.cells[column.id] ?? null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <PagingLinks paging={serverPaging} />
    </>
  );
}

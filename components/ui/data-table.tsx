"use client";

import {
  createColumnHelper,
  createPaginatedRowModel,
  createSortedRowModel,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortFn,
} from "@tanstack/react-table";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState, type ComponentProps, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { TableScroll } from "@/components/ui/table-scroll";
import { Link } from "@/lib/i18n/navigation";

/**
 * The one table for lists (conventions: Tables drive repeated structure), on @tanstack/react-table
 * v9 for sorting and paging. The caller gives columns (id, header, sortable) and rows whose cells
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

type Href = ComponentProps<typeof Link>["href"];
export type DataTablePageLink = { href: Href; label?: string };

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
  serverPaging?: { label?: string; first?: DataTablePageLink; previous?: DataTablePageLink; next?: DataTablePageLink };
  /** Classes for the scroll box (border, max height). */
  className?: string;
};

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  rowPaginationFeature,
  paginatedRowModel: createPaginatedRowModel(),
});

const linkClass =
  "inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-800 hover:bg-slate-50";

export function DataTable({
  caption,
  captionVisible = false,
  columns,
  rows,
  empty,
  initialSort,
  pageSize,
  serverPaging,
  className = "",
}: DataTableProps) {
  const t = useTranslations("table");
  const locale = useLocale();
  const specs = useMemo(() => new Map(columns.map((column) => [column.id, column])), [columns]);
  const tableColumns = useMemo(() => toColumnDefs(columns, new Intl.Collator(locale, { numeric: true })), [columns, locale]);
  // Copied once: the rows prop is read-only, the table wants its own array reference.
  const data = useMemo(() => [...rows], [rows]);
  const [initialState] = useState(() => ({
    sorting: initialSort ? [{ id: initialSort.id, desc: initialSort.desc ?? false }] : [],
    pagination: { pageIndex: 0, pageSize: pageSize ?? Math.max(rows.length, 1) },
  }));
  const table = useTable({
    features,
    columns: tableColumns,
    data,
    getRowId: (row) => row.id,
    initialState,
    // Without a page size every row is shown: the table then takes the rows as they are.
    manualPagination: pageSize === undefined,
  });

  const paging = serverPaging && (serverPaging.first || serverPaging.previous || serverPaging.next) && (
    <nav aria-label={serverPaging.label ?? t("pages")} className="mt-4 flex flex-wrap gap-2">
      {serverPaging.first && (
        <Link href={serverPaging.first.href} className={linkClass}>
          {serverPaging.first.label ?? t("first")}
        </Link>
      )}
      {serverPaging.previous && (
        <Link href={serverPaging.previous.href} className={linkClass}>
          {serverPaging.previous.label ?? t("previous")}
        </Link>
      )}
      {serverPaging.next && (
        <Link href={serverPaging.next.href} className={linkClass}>
          {serverPaging.next.label ?? t("next")}
        </Link>
      )}
    </nav>
  );

  if (rows.length === 0) {
    return (
      <>
        <p className="text-slate-600">{empty}</p>
        {paging}
      </>
    );
  }

  const pageCount = pageSize === undefined ? 1 : table.getPageCount();
  return (
    <>
      <TableScroll label={caption} className={className}>
        <table className="w-full text-left text-sm">
          <caption className={captionVisible ? "mb-1 text-left font-medium" : "sr-only"}>{caption}</caption>
          <thead className="bg-slate-50 text-slate-700">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const column = header.column;
                  const spec = specs.get(column.id);
                  const sorted = column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className="px-3 py-2 font-medium"
                    >
                      {column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={column.getToggleSortingHandler()}
                          title={sortHint(t, spec?.header ?? "", column.getNextSortingOrder())}
                          className="-mx-1 inline-flex min-h-11 items-center gap-1 rounded px-1 font-medium hover:bg-slate-100"
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden="true" className="text-xs text-slate-500">
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100 align-top">
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`px-3 py-2 ${specs.get(cell.column.id)?.className ?? ""}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {pageCount > 1 && (
        <nav aria-label={t("pages")} className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          <Button variant="secondary" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            {t("previous")}
          </Button>
          <span aria-live="polite">{t("pageOf", { page: table.state.pagination.pageIndex + 1, pages: pageCount })}</span>
          <Button variant="secondary" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            {t("next")}
          </Button>
        </nav>
      )}
      {paging}
    </>
  );
}

type TableMessages = ReturnType<typeof useTranslations<"table">>;

/** What activating the header does next, as its tooltip and accessible description. */
function sortHint(t: TableMessages, column: string, next: "asc" | "desc" | false): string {
  if (next === "asc") return t("sortAscending", { column });
  if (next === "desc") return t("sortDescending", { column });
  return t("sortClear", { column });
}

type Row = DataTableRow;
type Value = string | number | undefined;

const columnHelper = createColumnHelper<typeof features, Row>();

function toColumnDefs(columns: readonly DataTableColumn[], collator: Intl.Collator) {
  const compare: SortFn<typeof features, Row> = (a, b, id) => {
    const [x, y] = [a.getValue<Value>(id), b.getValue<Value>(id)];
    if (typeof x === "number" && typeof y === "number") return x - y;
    return collator.compare(String(x ?? ""), String(y ?? ""));
  };
  return columnHelper.columns(
    columns.map((column) =>
      // null becomes undefined so that empty values sort last in both directions.
      columnHelper.accessor((row): Value => row.sort?.[column.id] ?? undefined, {
        id: column.id,
        header: column.header,
        cell: ({ row }) => row.original.cells[column.id] ?? null,
        enableSorting: column.sortable === true,
        sortFn: compare,
        sortUndefined: "last",
      }),
    ),
  );
}

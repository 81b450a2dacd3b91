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
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import type { DataTableColumn, DataTableProps, DataTableRow } from "@/components/ui/data-table";
import { PagingLinks } from "@/components/ui/paging-links";
import { TableScroll } from "@/components/ui/table-scroll";

/**
 * The browser half of DataTable (components/ui/data-table.tsx): sorting and paging in the browser
 * on @tanstack/react-table v9. DataTable renders it only for tables that sort or page in the
 * browser; every other table is plain server markup (decision 0015).
 */

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  rowPaginationFeature,
  paginatedRowModel: createPaginatedRowModel(),
});

export function InteractiveTable({
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

  const paging = <PagingLinks paging={serverPaging} />;

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

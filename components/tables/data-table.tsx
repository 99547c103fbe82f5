"use client";

// A sortable, paginated table on @tanstack/react-table: header buttons sort (aria-sort says how),
// column `meta` right-aligns numbers and pins the first column while wide tables scroll sideways.
import {
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { useState, type ReactNode } from "react";

declare module "@tanstack/react-table" {
  // Merging with the library's interface requires its exact type parameters, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Numbers align right. */
    align?: "left" | "right";
    /** Stays visible at the left (`true`) or the right edge while the table scrolls sideways. */
    sticky?: boolean | "right";
    /** Extra classes for this column's header cell. */
    headerClassName?: string;
  }
}

export interface DataTableProps<T> {
  data: T[];
  /** Cells render from `row.original`; accessors return what the column sorts by. */
  columns: ColumnDef<T>[];
  /** Read by screen readers; visually hidden. */
  caption: string;
  getRowId?: (row: T) => string;
  initialSorting?: SortingState;
  /** Rows per page; all rows when omitted. */
  pageSize?: number;
  emptyMessage?: ReactNode;
  testId?: string;
}

const ALIGN = { left: "text-left", right: "text-right" } as const;
const STICKY_BODY = "z-10 bg-white dark:bg-slate-900";
const STICKY_HEAD = "z-10 bg-slate-50 dark:bg-slate-800";

/** Position classes of a pinned column; the right one gets an edge so scrolled cells do not seem to run under it. */
function pin(sticky: boolean | "right" | undefined): string {
  if (sticky === "right") return "sticky right-0 shadow-[-1px_0_0_0] shadow-slate-200 dark:shadow-slate-700";
  return sticky ? "sticky left-0" : "";
}

export function DataTable<T>({ data, columns, caption, getRowId, initialSorting = [], pageSize, emptyMessage = "Nothing to show.", testId }: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [pagination, setPagination] = useState({ pageIndex: 0, pageSize: pageSize ?? Math.max(1, data.length) });
  // The table instance is rebuilt each render by design; the React Compiler cannot memoize it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: { sorting, pagination: pageSize ? pagination : { pageIndex: 0, pageSize: Math.max(1, data.length) } },
    onSortingChange: setSorting,
    onPaginationChange: setPagination,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    autoResetPageIndex: true,
  });
  const hasFooter = columns.some((c) => c.footer !== undefined);
  const rows = table.getRowModel().rows;
  const { pageIndex } = table.getState().pagination;
  const first = pageIndex * (pageSize ?? data.length) + 1;

  return (
    <div data-testid={testId}>
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="tabular w-full border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const meta = h.column.columnDef.meta;
                  const sorted = h.column.getIsSorted();
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={`whitespace-nowrap px-3 py-2 font-medium ${ALIGN[meta?.align ?? "left"]} ${meta?.sticky ? `${pin(meta.sticky)} ${STICKY_HEAD}` : ""} ${meta?.headerClassName ?? ""}`}
                    >
                      {h.isPlaceholder ? null : h.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={h.column.getToggleSortingHandler()}
                          className={`inline-flex items-center gap-1 hover:text-slate-900 dark:hover:text-white ${meta?.align === "right" ? "flex-row-reverse" : ""}`}
                        >
                          {flexRender(h.column.columnDef.header, h.getContext())}
                          <span aria-hidden className={`w-3 text-[10px] ${sorted ? "" : "opacity-40"}`}>
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        flexRender(h.column.columnDef.header, h.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-3 py-8 text-center text-slate-500 dark:text-slate-400">
                  {emptyMessage}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.id} data-row-id={row.id} className="group hover:bg-slate-50 dark:hover:bg-slate-800/40">
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    return (
                      <td key={cell.id} className={`whitespace-nowrap px-3 py-1.5 ${ALIGN[meta?.align ?? "left"]} ${meta?.sticky ? `${pin(meta.sticky)} ${STICKY_BODY} group-hover:bg-slate-50 dark:group-hover:bg-slate-800` : ""}`}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
          {hasFooter ? (
            <tfoot className="border-t-2 border-slate-200 font-semibold dark:border-slate-700">
              {table.getFooterGroups().map((fg) => (
                <tr key={fg.id}>
                  {fg.headers.map((h) => {
                    const meta = h.column.columnDef.meta;
                    return (
                      <td key={h.id} className={`whitespace-nowrap px-3 py-2 ${ALIGN[meta?.align ?? "left"]} ${meta?.sticky ? `${pin(meta.sticky)} ${STICKY_BODY}` : ""}`}>
                        {h.isPlaceholder ? null : flexRender(h.column.columnDef.footer, h.getContext())}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tfoot>
          ) : null}
        </table>
      </div>
      {pageSize && data.length > pageSize ? (
        <nav aria-label={`${caption} pages`} className="mt-2 flex items-center justify-end gap-3 text-sm text-slate-600 dark:text-slate-400">
          <span className="tabular">
            {first.toLocaleString("en-US")}–{Math.min(first + pageSize - 1, data.length).toLocaleString("en-US")} of {data.length.toLocaleString("en-US")}
          </span>
          <button type="button" className="rounded-md border border-slate-300 px-2 py-1 disabled:opacity-50 dark:border-slate-700" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            Previous
          </button>
          <button type="button" className="rounded-md border border-slate-300 px-2 py-1 disabled:opacity-50 dark:border-slate-700" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            Next
          </button>
        </nav>
      ) : null}
    </div>
  );
}

"use client";

// A sortable, paginated table on @tanstack/react-table: header buttons sort (aria-sort says how),
// column `meta` right-aligns numbers. The first column stays pinned while a wide table scrolls
// sideways in its own box; lists that read better as cards on a phone (`cards`) show one card per
// row below the md breakpoint, the same cells under their column headers.
import {
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Header,
  type Row,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { Fragment, useState, type ReactNode } from "react";

declare module "@tanstack/react-table" {
  // Merging with the library's interface requires its exact type parameters, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Numbers align right. */
    align?: "left" | "right";
    /** Stays visible at the left (`true`) or the right edge while the table scrolls sideways; the first column is pinned unless `false`. */
    sticky?: boolean | "right";
    /** Extra classes for this column's header cell. */
    headerClassName?: string;
    /** Extra classes for this column's body cells (e.g. wrapping long text instead of one line). */
    cellClassName?: string;
    /** Left out of the phone cards (the card's title already shows it, or it only matters in a table). */
    hideInCard?: boolean;
    /** This column's cell titles the phone card (default: the first column). */
    cardTitle?: boolean;
    /** Attributes on each of this column's body cells (a test id, `data-severity`, …). */
    cellAttributes?: Record<`data-${string}`, string>;
  }
}

export interface DataTableProps<T> {
  data: T[];
  /** Cells render from `row.original`; accessors return what the column sorts by. */
  columns: ColumnDef<T>[];
  /** Read by screen readers; visually hidden. Also names the scroll box and the card list. */
  caption: string;
  getRowId?: (row: T) => string;
  initialSorting?: SortingState;
  /** Rows per page; all rows when omitted. */
  pageSize?: number;
  emptyMessage?: ReactNode;
  testId?: string;
  /** Below the md breakpoint, one card per row instead of the table. */
  cards?: boolean;
  /** The attribute carrying each table row's id, for pages and tests that find rows by it. */
  rowIdAttribute?: `data-${string}`;
  /** A data-testid on every table row. */
  rowTestId?: string;
  rowClassName?: (row: T) => string;
  /** More `data-*` attributes on each table row (undefined leaves one out). */
  rowAttributes?: (row: T) => Record<`data-${string}`, string | undefined>;
  /** Content shown in a full-width row under a row (an expanded row's details); null shows none. */
  renderSubRow?: (row: T) => ReactNode;
  /** Cells at the top of the table rows (lists of values); the default centres nothing and keeps rows one line tall. */
  align?: "top" | "middle";
  /** Table text size: "xs" for dense grids. */
  size?: "sm" | "xs";
}

const ALIGN = { left: "text-left", right: "text-right" } as const;
const STICKY_BODY = "z-10 bg-white dark:bg-slate-900";
const STICKY_HEAD = "z-10 bg-slate-50 dark:bg-slate-800";

/** Position classes of a pinned column, with an edge so scrolled cells do not seem to run under it. */
function pin(sticky: boolean | "right" | undefined): string {
  if (sticky === "right")
    return "sticky right-0 shadow-[-1px_0_0_0] shadow-slate-200 dark:shadow-slate-700";
  return sticky ? "sticky left-0 shadow-[1px_0_0_0] shadow-slate-200 dark:shadow-slate-700" : "";
}

/**
 * A header, cell or footer as its column defines it. A function is called, not mounted as a component
 * (what react-table's flexRender does): columns built inside a component get new functions on each render,
 * and as component types those would remount every cell — inputs included — on any re-render.
 */
function renderPart<C>(part: ((ctx: C) => ReactNode) | ReactNode, ctx: C): ReactNode {
  return typeof part === "function" ? (part as (ctx: C) => ReactNode)(ctx) : part;
}

/** The first column is pinned unless it opts out; other columns only when they ask. */
const stickyOf = <T,>(column: ColumnDef<T>, index: number) =>
  column.meta?.sticky ?? (index === 0 ? true : undefined);

export function DataTable<T>({
  data,
  columns,
  caption,
  getRowId,
  initialSorting = [],
  pageSize,
  emptyMessage = "Nothing to show.",
  testId,
  cards = false,
  rowIdAttribute = "data-row-id",
  rowTestId,
  rowClassName,
  rowAttributes,
  renderSubRow,
  align = "middle",
  size = "sm",
}: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [pagination, setPagination] = useState({
    pageIndex: 0,
    pageSize: pageSize ?? Math.max(1, data.length),
  });
  // The table instance is rebuilt each render by design; the React Compiler cannot memoize it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: {
      sorting,
      pagination: pageSize ? pagination : { pageIndex: 0, pageSize: Math.max(1, data.length) },
    },
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
  const stickyAt = new Map(
    table.getAllLeafColumns().map((c, i) => [c.id, stickyOf(c.columnDef, i)]),
  );

  return (
    <div data-testid={testId}>
      {/* Focusable so keyboard users can scroll a wide table sideways. */}
      <div
        className={`overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800 ${cards ? "hidden md:block" : ""}`}
        tabIndex={0}
        role="region"
        aria-label={`${caption} table`}
      >
        <table
          className={`tabular w-full border-collapse ${size === "xs" ? "text-xs" : "text-sm"}`}
        >
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const meta = h.column.columnDef.meta;
                  const sticky = stickyAt.get(h.column.id);
                  const sorted = h.column.getIsSorted();
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      aria-sort={
                        sorted === "asc"
                          ? "ascending"
                          : sorted === "desc"
                            ? "descending"
                            : undefined
                      }
                      className={`whitespace-nowrap px-3 py-2 font-medium ${ALIGN[meta?.align ?? "left"]} ${sticky ? `${pin(sticky)} ${STICKY_HEAD}` : ""} ${meta?.headerClassName ?? ""}`}
                    >
                      {h.isPlaceholder ? null : h.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={h.column.getToggleSortingHandler()}
                          className={`inline-flex items-center gap-1 hover:text-slate-900 dark:hover:text-white ${meta?.align === "right" ? "flex-row-reverse" : ""}`}
                        >
                          {renderPart(h.column.columnDef.header, h.getContext())}
                          <span
                            aria-hidden
                            className={`w-3 text-[10px] ${sorted ? "" : "opacity-40"}`}
                          >
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        renderPart(h.column.columnDef.header, h.getContext())
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
                <td
                  colSpan={columns.length}
                  className="px-3 py-8 text-center text-slate-500 dark:text-slate-400"
                >
                  {emptyMessage}
                </td>
              </tr>
            ) : (
              rows.map((row) => {
                const sub = renderSubRow?.(row.original);
                return (
                  <Fragment key={row.id}>
                    <tr
                      {...{ [rowIdAttribute]: row.id }}
                      {...rowAttributes?.(row.original)}
                      data-testid={rowTestId}
                      className={`group hover:bg-slate-50 dark:hover:bg-slate-800/40 ${align === "top" ? "align-top" : ""} ${rowClassName?.(row.original) ?? ""}`}
                    >
                      {row.getVisibleCells().map((cell) => {
                        const meta = cell.column.columnDef.meta;
                        const sticky = stickyAt.get(cell.column.id);
                        return (
                          <td
                            key={cell.id}
                            {...meta?.cellAttributes}
                            className={`px-3 py-1.5 ${meta?.cellClassName ?? "whitespace-nowrap"} ${ALIGN[meta?.align ?? "left"]} ${sticky ? `${pin(sticky)} ${STICKY_BODY} group-hover:bg-slate-50 dark:group-hover:bg-slate-800` : ""}`}
                          >
                            {renderPart(cell.column.columnDef.cell, cell.getContext())}
                          </td>
                        );
                      })}
                    </tr>
                    {sub ? (
                      <tr>
                        <td
                          colSpan={columns.length}
                          className="bg-slate-50 px-3 py-2 dark:bg-slate-950"
                        >
                          {sub}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })
            )}
          </tbody>
          {hasFooter ? (
            <tfoot className="border-t-2 border-slate-200 font-semibold dark:border-slate-700">
              {table.getFooterGroups().map((fg) => (
                <tr key={fg.id}>
                  {fg.headers.map((h) => {
                    const meta = h.column.columnDef.meta;
                    const sticky = stickyAt.get(h.column.id);
                    return (
                      <td
                        key={h.id}
                        className={`whitespace-nowrap px-3 py-2 ${ALIGN[meta?.align ?? "left"]} ${sticky ? `${pin(sticky)} ${STICKY_BODY}` : ""}`}
                      >
                        {h.isPlaceholder
                          ? null
                          : renderPart(h.column.columnDef.footer, h.getContext())}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tfoot>
          ) : null}
        </table>
      </div>
      {cards ? (
        <RowCards
          rows={rows}
          caption={caption}
          emptyMessage={emptyMessage}
          headers={table.getFlatHeaders()}
        />
      ) : null}
      {pageSize && data.length > pageSize ? (
        <nav
          aria-label={`${caption} pages`}
          className="mt-2 flex items-center justify-end gap-3 text-sm text-slate-600 dark:text-slate-400"
        >
          <span className="tabular">
            {first.toLocaleString("en-US")}–
            {Math.min(first + pageSize - 1, data.length).toLocaleString("en-US")} of{" "}
            {data.length.toLocaleString("en-US")}
          </span>
          <button
            type="button"
            className="rounded-md border border-slate-300 px-2 py-1 disabled:opacity-50 dark:border-slate-700"
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
          >
            Previous
          </button>
          <button
            type="button"
            className="rounded-md border border-slate-300 px-2 py-1 disabled:opacity-50 dark:border-slate-700"
            onClick={() => table.nextPage()}
            disabled={!table.getCanNextPage()}
          >
            Next
          </button>
        </nav>
      ) : null}
    </div>
  );
}

/** One card per row: the title column on top, the others as label and value pairs. */
function RowCards<T>({
  rows,
  caption,
  emptyMessage,
  headers,
}: {
  rows: Row<T>[];
  caption: string;
  emptyMessage: ReactNode;
  headers: Header<T, unknown>[];
}) {
  const headerOf = new Map(headers.map((h) => [h.column.id, h]));
  if (!rows.length)
    return (
      <p className="py-6 text-center text-sm text-slate-500 md:hidden dark:text-slate-400">
        {emptyMessage}
      </p>
    );
  return (
    <ul aria-label={caption} className="space-y-2 md:hidden">
      {rows.map((row) => {
        const cells = row.getVisibleCells();
        const title = cells.find((c) => c.column.columnDef.meta?.cardTitle) ?? cells[0];
        const rest = cells.filter((c) => c !== title);
        return (
          <li
            key={row.id}
            className="rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900"
          >
            {title ? (
              <div className="mb-2 min-w-0 break-words font-medium">
                {renderPart(title.column.columnDef.cell, title.getContext())}
              </div>
            ) : null}
            <dl className="grid grid-cols-[minmax(5.5rem,auto)_minmax(0,1fr)] gap-x-3 gap-y-1.5">
              {rest
                .filter((cell) => !cell.column.columnDef.meta?.hideInCard)
                .map((cell) => {
                  const header = headerOf.get(cell.column.id);
                  return (
                    <div key={cell.id} className="contents">
                      <dt className="text-xs text-slate-600 dark:text-slate-400">
                        {header
                          ? renderPart(cell.column.columnDef.header, header.getContext())
                          : cell.column.id}
                      </dt>
                      <dd className="min-w-0 break-words">
                        {renderPart(cell.column.columnDef.cell, cell.getContext())}
                      </dd>
                    </div>
                  );
                })}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

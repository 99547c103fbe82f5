import type { TFindingRow } from "@/lib/api/findings";
import { formatDate } from "./badges";

/** Owner, due date (marked when overdue, in words as well as colour) and the ticket link. */
export function OwnerCell({
  row,
}: {
  row: Pick<TFindingRow, "owner" | "dueAt" | "ticketUrl" | "overdue">;
}) {
  if (!row.owner)
    return <span className="text-xs text-slate-500 dark:text-slate-400">Unassigned</span>;
  return (
    <div className="text-xs" data-testid="finding-owner">
      <div className="font-medium break-all">{row.owner}</div>
      {row.dueAt ? (
        <div
          className={
            row.overdue
              ? "font-semibold text-red-700 dark:text-red-300"
              : "text-slate-600 dark:text-slate-400"
          }
        >
          {row.overdue ? "Overdue since " : "Due "}
          <span className="tabular">{formatDate(row.dueAt)}</span>
        </div>
      ) : null}
      {row.ticketUrl ? (
        <a
          href={row.ticketUrl}
          target="_blank"
          rel="noopener noreferrer"
          className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
        >
          Ticket
        </a>
      ) : null}
    </div>
  );
}

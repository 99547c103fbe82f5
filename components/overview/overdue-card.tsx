import Link from "next/link";
import { Card, Skeleton } from "@/components/ui/card";
import type { TOverview } from "@/lib/api/overview";

/** Overdue findings (open, not muted, past their due date) per OU the caller may see. */
export function OverdueCard({
  rows,
  linkable,
}: {
  rows: TOverview["overdueByOu"] | undefined;
  linkable: boolean;
}) {
  const total = rows?.reduce((s, r) => s + r.overdue, 0) ?? 0;
  return (
    <Card title="Overdue findings by OU">
      {!rows ? (
        <Skeleton className="h-24 w-full" />
      ) : rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">
          Nothing overdue: every assigned finding is within its due date.
        </p>
      ) : (
        <table className="w-full text-sm" data-testid="overview-overdue">
          <caption className="sr-only">Overdue findings per OU, {total} in all</caption>
          <thead>
            <tr className="text-left text-xs text-slate-600 dark:text-slate-400">
              <th scope="col" className="py-1 font-medium">
                OU
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Overdue
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const href = `/findings?overdue=1${r.ouId ? `&ou=${encodeURIComponent(r.ouId)}` : ""}`;
              return (
                <tr
                  key={r.ouId ?? "org"}
                  data-ou-id={r.ouId ?? ""}
                  className="border-t border-slate-100 dark:border-slate-800"
                >
                  <td className="py-1">
                    {linkable ? (
                      <Link
                        href={href}
                        className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
                      >
                        {r.ouPath}
                      </Link>
                    ) : (
                      r.ouPath
                    )}
                  </td>
                  <td className="tabular py-1 text-right font-semibold" data-testid="overdue-count">
                    {r.overdue.toLocaleString("en-US")}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Card>
  );
}

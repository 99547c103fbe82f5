"use client";

import type { TCostMovers } from "@/lib/api/overview";
import { formatMoney, formatMonth } from "@/lib/format/money";

const pct = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1, signDisplay: "always" });

function changeOf(current: string, previous: string) {
  const diff = Number(current) - Number(previous);
  const base = Number(previous);
  return { diff, pct: base > 0 ? pct.format((diff / base) * 100) + "%" : "new" };
}

function MoverTable({ title, rows, testId }: { title: string; rows: TCostMovers["accounts"]; testId: string }) {
  return (
    <div>
      <h3 className="mb-2 text-sm font-medium">{title}</h3>
      {rows.length ? (
        <table className="w-full table-fixed text-sm" data-testid={testId}>
          <thead>
            <tr className="text-left text-xs text-slate-500 dark:text-slate-400">
              <th scope="col" className="py-1 font-medium">Name</th>
              <th scope="col" className="w-24 py-1 text-right font-medium">Spend</th>
              <th scope="col" className="w-40 py-1 text-right font-medium">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const c = changeOf(r.current, r.previous);
              // Spend going up is the news to look at; going down reads as relief.
              const tone = c.diff > 0 ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400";
              return (
                <tr key={r.key} className="border-t border-slate-100 dark:border-slate-800" data-key={r.key}>
                  <td className="truncate py-1.5 pr-2" title={r.name}>{r.name}</td>
                  <td className="tabular py-1.5 text-right">{formatMoney(r.current)}</td>
                  <td className={`tabular py-1.5 text-right font-medium ${tone}`}>
                    <span data-testid="mover-change">{`${c.diff > 0 ? "+" : c.diff < 0 ? "−" : ""}${formatMoney(Math.abs(c.diff))}`}</span>
                    <span className="ml-1 text-xs font-normal">({c.pct})</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-500 dark:text-slate-400">No spend in these months.</p>
      )}
    </div>
  );
}

/** The accounts and services whose spend changed most between the last two full months. */
export function CostMovers({ movers }: { movers: TCostMovers }) {
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {formatMonth(movers.month)} vs {formatMonth(movers.previousMonth)}, largest changes first
      </p>
      <div className="space-y-4">
        <MoverTable title="Accounts" rows={movers.accounts} testId="movers-accounts" />
        <MoverTable title="Services" rows={movers.services} testId="movers-services" />
      </div>
    </div>
  );
}

import { Card } from "@/components/ui/card";
import type { TBudgetList } from "@/lib/api/budgets";
import { formatMoney } from "@/lib/format/money";

const money = (n: number | null) => (n === null ? "—" : formatMoney(n));

export function AwsBudgetsTable({ rows }: { rows: TBudgetList["awsBudgets"] }) {
  return (
    <Card title="AWS Budgets (as collected)">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No AWS Budgets were found in the accounts you can see.</p>
      ) : (
        // On a narrow screen the table scrolls sideways in its box: keyboard users reach it with Tab.
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="AWS Budgets table">
          <table className="w-full text-left text-sm" aria-label="AWS Budgets">
            <thead className="text-xs uppercase text-slate-600 dark:text-slate-400">
              <tr>
                <th className="py-2">Account</th>
                <th>Budget</th>
                <th>Period</th>
                <th className="text-right">Limit</th>
                <th className="text-right">Actual</th>
                <th className="text-right">AWS forecast</th>
                <th>In OrgLens</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.accountId}|${r.name}`} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-2">
                    {r.accountName} <span className="text-slate-600 dark:text-slate-400">({r.accountId})</span>
                  </td>
                  <td>{r.name}</td>
                  <td>{r.timeUnit.toLowerCase()}</td>
                  <td className="tabular text-right">{money(r.limit)}</td>
                  <td className="tabular text-right">{money(r.actual)}</td>
                  <td className="tabular text-right">{money(r.forecast)}</td>
                  <td>{r.imported ? "Imported" : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

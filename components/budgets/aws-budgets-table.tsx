import { Card } from "@/components/ui/card";
import type { TBudgetList } from "@/lib/api/budgets";
import { formatMoney } from "@/lib/format/money";

const money = (n: number | null) => (n === null ? "—" : formatMoney(n));
// Every cell is padded on both sides: a right-aligned figure next to a left-aligned column would
// otherwise touch it ("AWS forecastIn OrgLens").
const th = "whitespace-nowrap px-3 py-2 font-medium";
const td = "px-3 py-2";

export function AwsBudgetsTable({ rows }: { rows: TBudgetList["awsBudgets"] }) {
  return (
    <Card title="AWS Budgets (as collected)">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No AWS Budgets were found in the accounts you can see.
        </p>
      ) : (
        // On a narrow screen the table scrolls sideways in its box: keyboard users reach it with Tab.
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="AWS Budgets table">
          <table className="w-full text-left text-sm" aria-label="AWS Budgets">
            <thead className="text-xs uppercase text-slate-600 dark:text-slate-400">
              <tr>
                <th className={`${th} pl-0`}>Account</th>
                <th className={th}>Budget</th>
                <th className={th}>Period</th>
                <th className={`${th} text-right`}>Limit</th>
                <th className={`${th} text-right`}>Actual</th>
                <th className={`${th} text-right`}>AWS forecast</th>
                <th className={`${th} text-right`}>
                  <abbr
                    title="OrgLens's month-end forecast of the same accounts, from their daily cost"
                    className="no-underline"
                  >
                    OrgLens forecast
                  </abbr>
                </th>
                <th className={`${th} pr-0`}>Budget in OrgLens</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={`${r.accountId}|${r.name}`}
                  className="border-t border-slate-100 dark:border-slate-800"
                  data-aws-budget={r.name}
                >
                  <td className={`${td} pl-0`}>
                    {r.accountName}{" "}
                    <span className="text-slate-600 dark:text-slate-400">({r.accountId})</span>
                  </td>
                  <td className={td}>{r.name}</td>
                  <td className={td}>{r.timeUnit.toLowerCase()}</td>
                  <td className={`${td} tabular text-right`}>{money(r.limit)}</td>
                  <td className={`${td} tabular text-right`}>{money(r.actual)}</td>
                  <td className={`${td} tabular text-right`} data-testid="aws-forecast">
                    {money(r.forecast)}
                  </td>
                  <td className={`${td} tabular text-right`} data-testid="orglens-forecast">
                    {money(r.orglensForecast)}
                  </td>
                  <td className={`${td} pr-0`}>{r.imported ? "Imported" : "Not imported"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

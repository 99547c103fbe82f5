import { Card } from "@/components/ui/card";
import type { TChargebackView } from "@/lib/api/chargeback";
import { formatMoneyCents, formatMonth } from "@/lib/format/money";
import { numClass, thClass } from "./styles";


/** Corrections to earlier closed months, charged in this month (never silent rewrites of the closed month). */
export function AdjustmentsTable({ view }: { view: TChargebackView }) {
  return (
    <Card title={`Adjustments for closed months (${view.adjustments.length})`}>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Adjustments table">
        <table className="w-full text-sm" data-testid="adjustments-table">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              {["Adjusts", "Cost center", "Account"].map((h) => (
                <th key={h} scope="col" className={thClass}>
                  {h}
                </th>
              ))}
              {["Direct", "Shared", "Total"].map((h) => (
                <th key={h} scope="col" className={`${thClass} text-right`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.adjustments.map((a) => (
              <tr key={`${a.adjustsMonth}|${a.costCenter}|${a.accountId}`} className="border-b border-slate-100 dark:border-slate-800">
                <td className="px-2 py-1.5">{formatMonth(a.adjustsMonth)}</td>
                <td className="px-2 py-1.5">{a.costCenter}</td>
                <td className="px-2 py-1.5">
                  {a.accountName || "(shared)"} <span className="tabular text-xs text-slate-600 dark:text-slate-400">{a.accountId}</span>
                </td>
                <td className={numClass}>{formatMoneyCents(a.direct)}</td>
                <td className={numClass}>{formatMoneyCents(a.shared)}</td>
                <td className={numClass}>{formatMoneyCents(a.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
